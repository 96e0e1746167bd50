package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.hyperliquid.HyperliquidL2BookDecoder;
import io.fathom.codec.hyperliquid.HyperliquidProtocol;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hyperliquid {@code l2Book}: every message a whole book of at most 20 levels a side, one subscription a coin. */
class SimHyperliquidWireTest extends SimVenueContractTest
{
    private final HyperliquidL2BookDecoder decoder = new HyperliquidL2BookDecoder(SimBook.SCALE, SimBook.SCALE);

    Venue venue()
    {
        return Venue.HYPERLIQUID;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        final List<String> frames = new ArrayList<>();
        for (final String name : names)
        {
            frames.add(text((buffer) -> HyperliquidProtocol.encodeSubscribe(buffer, 0, name)));
        }
        return frames;
    }

    List<String> unsubscribeFrames(final String name)
    {
        return List.of(text((buffer) -> HyperliquidProtocol.encodeUnsubscribe(buffer, 0, name)));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        final DecodeResult result = decoder.decode(buffer, 0, length, out);
        if (result == DecodeResult.DEPTH)
        {
            assertThat(out.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
            final SimReferenceBook book = SimReferenceBook.unlimited();
            book.apply(out);
            assertThat(book.levelCount(DepthMessage.BID)).isEqualTo(HyperliquidProtocol.MAX_LEVELS_PER_SIDE);
            assertThat(book.levelCount(DepthMessage.ASK)).isEqualTo(HyperliquidProtocol.MAX_LEVELS_PER_SIDE);
            assertThat(book.crossed()).isFalse();
            if (books.containsKey(out.symbolAsString()))
            {
                updates.merge(out.symbolAsString(), 1, Integer::sum);
            }
        }
        return result;
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.startsWith("{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"unsubscribe\"") &&
            text.contains("\"coin\":\"" + name + "\"");
    }

    String unknownInstrumentError()
    {
        return "{\"channel\":\"error\"";
    }

    String unknownInstrument()
    {
        return "NOPE";
    }

    @Test
    void answersSubscriptionsAndPings() throws Exception
    {
        start();
        subscribe(simulator.symbol(2));
        assertThat(client.next()).isEqualTo("{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"subscribe\"," +
            "\"subscription\":{\"type\":\"l2Book\",\"coin\":\"SYM2\"}}}");
        assertThat(client.next()).startsWith("{\"channel\":\"l2Book\",\"data\":{\"coin\":\"SYM2\",\"time\":");
        client.send(text((buffer) -> HyperliquidProtocol.encodePing(buffer, 0)));
        assertThat(awaitText((text) -> text.contains("pong"))).isEqualTo("{\"channel\":\"pong\"}");
    }
}
