package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.tools.sim.SimTestSupport.QueueingClient;
import static io.fathom.tools.sim.SimTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance USD-M and COIN-M futures: their symbols and REST paths, {@code T} in events and {@code E}/{@code T}
 * in snapshots, and a book kept by the futures rule (first event {@code U <= lastUpdateId <= u}, then each
 * {@code pu} the previous {@code u}) that equals a later snapshot.
 */
class SimBinanceFuturesTest
{
    private final HttpClient http = HttpClient.newHttpClient();
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SimBook.SCALE, SimBook.SCALE);
    private final DepthMessage message = new DepthMessage(1_024);
    private Simulator simulator;
    private QueueingClient client;
    private int breaks;

    @AfterEach
    void tearDown() throws InterruptedException
    {
        SimTestSupport.close(client, simulator);
    }

    @Test
    void usdmBookFollowsThePreviousUpdateChainFromTheRestSnapshot() throws Exception
    {
        start(Venue.BINANCE_USDM);
        assertThat(simulator.symbols()).containsExactly("SYM0USDT", "SYM1USDT");
        assertThat(simulator.depthStream(1)).isEqualTo("sym1usdt@depth@100ms");
        syncAndCompare("/fapi/v1/depth");
        assertThat(get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0USDT").statusCode()).isEqualTo(404);
        assertThat(get(http, simulator.restUrl() + "/fapi/v1/ping").body()).isEqualTo("{}");
    }

    @Test
    void coinmBookFollowsThePreviousUpdateChainFromTheRestSnapshot() throws Exception
    {
        start(Venue.BINANCE_COINM);
        assertThat(simulator.symbol(0)).isEqualTo("SYM0USD_PERP");
        syncAndCompare("/dapi/v1/depth");
        assertThat(get(http, simulator.restUrl() + "/dapi/v1/depth?symbol=SYM0USDT").statusCode()).isEqualTo(400);
    }

    @Test
    void gapFaultBreaksThePreviousUpdateChainOnce() throws Exception
    {
        start(Venue.BINANCE_USDM);
        long lastU = nextEvent().lastUpdateId();
        simulator.faults().skipSequence(1);
        for (int i = 0; i < 100; i++)
        {
            final DepthMessage event = nextEvent();
            breaks += event.previousUpdateId() == lastU ? 0 : 1;
            lastU = event.lastUpdateId();
        }
        assertThat(breaks).isEqualTo(1);
    }

    private void start(final Venue venue) throws InterruptedException
    {
        simulator = Simulator.start(new SimulatorConfig().venue(venue).symbolCount(2).ratePerSecond(2_000).seed(3));
        client = QueueingClient.connect(simulator.wsUrl() + "/stream?streams=" + simulator.depthStream(0));
    }

    private void syncAndCompare(final String depthPath) throws Exception
    {
        final List<DepthMessage> buffered = new ArrayList<>();
        buffered.add(copy(nextEvent()));
        final String url = simulator.restUrl() + depthPath + "?symbol=" + simulator.symbol(0) + "&limit=1000";
        final HttpResponse<String> response = get(http, url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"lastUpdateId\":[0-9]+,\"E\":[0-9]{13},\"T\":[0-9]{13},\"bids\":.*");
        final DepthMessage snapshot = decodeSnapshot(response.body());
        final long lastUpdateId = snapshot.lastUpdateId();
        final SimReferenceBook book = SimReferenceBook.unlimited();
        book.apply(snapshot);

        while (buffered.get(buffered.size() - 1).lastUpdateId() < lastUpdateId + 50)
        {
            buffered.add(copy(nextEvent()));
        }
        long previousU = -1;
        for (final DepthMessage event : buffered)
        {
            if (event.lastUpdateId() < lastUpdateId)
            {
                continue;
            }
            if (previousU < 0)
            {
                assertThat(event.firstUpdateId()).isLessThanOrEqualTo(lastUpdateId);
            }
            else
            {
                breaks += event.previousUpdateId() == previousU ? 0 : 1;
            }
            book.apply(event);
            previousU = event.lastUpdateId();
        }

        simulator.pause();
        client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":9}");
        for (String text = client.next(); !text.startsWith("{\"result\""); text = client.next())
        {
            final DepthMessage event = decodeEvent(text);
            breaks += event.previousUpdateId() == previousU ? 0 : 1;
            book.apply(event);
            previousU = event.lastUpdateId();
        }
        final DepthMessage later = decodeSnapshot(get(http, url).body());
        assertThat(later.lastUpdateId()).isEqualTo(previousU);
        assertThat(book.levels()).isEqualTo(SimReferenceBook.levels(later));
        assertThat(breaks).as("pu chain breaks").isZero();
    }

    private DepthMessage nextEvent() throws InterruptedException
    {
        return decodeEvent(client.next());
    }

    private DepthMessage decodeEvent(final String text)
    {
        assertThat(text).contains("\"T\":").contains("\"pu\":").contains("\"s\":\"" + simulator.symbol(0) + "\"");
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decodeStreamFrame(new UnsafeBuffer(bytes), 0, bytes.length, message))
            .isEqualTo(DecodeResult.DEPTH);
        return message;
    }

    private DepthMessage decodeSnapshot(final String body)
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        final DepthMessage snapshot = new DepthMessage(1_024);
        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(bytes), 0, bytes.length, snapshot))
            .isEqualTo(DecodeResult.DEPTH);
        return snapshot;
    }

    private static DepthMessage copy(final DepthMessage event)
    {
        final DepthMessage copy = new DepthMessage(Math.max(1, event.levelCount()));
        copy.kind(event.kind()).firstUpdateId(event.firstUpdateId()).lastUpdateId(event.lastUpdateId())
            .previousUpdateId(event.previousUpdateId()).scales(event.priceScale(), event.quantityScale());
        for (int i = 0; i < event.levelCount(); i++)
        {
            copy.addLevel(event.side(i), event.price(i), event.quantity(i));
        }
        return copy;
    }
}
