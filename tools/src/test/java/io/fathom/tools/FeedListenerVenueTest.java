package io.fathom.tools;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeedListener} names each transition's venue: one engine holds {@code BTCUSDT} on Binance spot and USD-M, and
 * the listener tells the two feeds apart; a listener written for the form without a venue still hears every
 * transition.
 */
class FeedListenerVenueTest
{
    @TempDir
    Path dir;

    @Test
    void transitionsOfTheSameSymbolOnTwoVenuesNameTheirVenue() throws IOException
    {
        final Set<String> heard = ConcurrentHashMap.newKeySet();
        final Set<String> heardWithoutVenue = ConcurrentHashMap.newKeySet();
        final FeedListener listener = new FeedListener()
        {
            @Override
            public void onTransition(final String symbol, final FeedState from, final FeedState to, final String cause,
                final long epochNs)
            {
                heardWithoutVenue.add(symbol);
            }

            @Override
            public void onTransition(final String venue, final String symbol, final FeedState from, final FeedState to,
                final String cause, final long epochNs)
            {
                heard.add(venue + ":" + symbol);
            }
        };
        final String nowhere = "127.0.0.1:" + closedPort();
        final Engine engine = Engine.launch(new EngineContext()
            .venue("binance").symbols("BTCUSDT").url("ws://" + nowhere).restUrl("http://" + nowhere)
            .feed(new VenueFeed("binance-usdm", List.of("BTCUSDT")).url("ws://" + nowhere).restUrl("http://" + nowhere))
            .feedListener(listener)
            .journal(false)
            .runDir(dir.resolve("run").toFile()));
        try
        {
            Await.until(() -> heard.containsAll(Set.of("binance:BTCUSDT", "binance-usdm:BTCUSDT")),
                "a transition of each venue's BTCUSDT feed");
            assertThat(heardWithoutVenue).as("the venue form overrides the default forwarding").isEmpty();
        }
        finally
        {
            engine.shutdown();
        }

        final Set<String> legacy = ConcurrentHashMap.newKeySet();
        final Engine single = Engine.launch(new EngineContext()
            .venue("binance").symbols("ETHUSDT").url("ws://" + nowhere).restUrl("http://" + nowhere)
            .feedListener((symbol, from, to, cause, epochNs) -> legacy.add(symbol))
            .journal(false)
            .runDir(dir.resolve("run2").toFile()));
        try
        {
            Await.until(() -> legacy.contains("ETHUSDT"), "a transition heard by a listener without the venue form");
        }
        finally
        {
            single.shutdown();
        }
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
