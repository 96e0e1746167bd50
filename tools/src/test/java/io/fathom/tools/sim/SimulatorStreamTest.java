package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.decimal.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.fathom.tools.sim.SimTestSupport.QueueingClient;
import static io.fathom.tools.sim.SimTestSupport.get;
import static io.fathom.tools.sim.SimTestSupport.parseFrame;
import static io.fathom.tools.sim.SimTestSupport.parseObject;
import static org.assertj.core.api.Assertions.assertThat;

/** Streams, control frames and snapshots over loopback with real clients. */
class SimulatorStreamTest
{
    private final HttpClient http = HttpClient.newHttpClient();
    private Simulator simulator;
    private QueueingClient client;

    @AfterEach
    void tearDown() throws InterruptedException
    {
        SimTestSupport.close(client, simulator);
    }

    @Test
    void combinedStreamDeliversExactlyTheRequestedSymbolsWithContiguousChains() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(5).ratePerSecond(2_000));
        client = QueueingClient.connect(simulator.wsUrl() + "/stream?streams=sym1@depth@100ms/sym3@depth@100ms");

        final Map<String, Long> lastIds = new HashMap<>();
        for (int i = 0; i < 200; i++)
        {
            final SimTestSupport.Frame frame = parseFrame(client.next());
            assertThat(frame.stream).isIn("sym1@depth@100ms", "sym3@depth@100ms");
            assertThat(frame.symbol).isEqualTo(frame.stream.substring(0, 4).toUpperCase());
            final Long previous = lastIds.put(frame.stream, frame.lastUpdateId);
            if (previous != null)
            {
                assertThat(frame.firstUpdateId).isEqualTo(previous + 1);
            }
            assertThat(frame.lastUpdateId).isGreaterThanOrEqualTo(frame.firstUpdateId);
            assertThat(frame.bids.size() + frame.asks.size()).isPositive();
        }
        assertThat(lastIds).containsOnlyKeys("sym1@depth@100ms", "sym3@depth@100ms");
        assertThat(simulator.connectionsOpen()).isEqualTo(1);
        assertThat(simulator.subscriptions()).isEqualTo(2);
    }

    @Test
    void subscribeAddsAStreamAndUnsubscribeStopsIt() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(3).ratePerSecond(3_000));
        client = QueueingClient.connect(simulator.wsUrl() + "/stream");

        assertThat(client.request("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym0@depth@100ms\",\"sym2@depth@100ms\"],\"id\":1}"))
            .isEqualTo("{\"result\":null,\"id\":1}");
        final Set<String> streams = new HashSet<>();
        while (streams.size() < 2)
        {
            streams.add(parseFrame(client.next()).stream);
        }
        assertThat(streams).containsExactlyInAnyOrder("sym0@depth@100ms", "sym2@depth@100ms");
        assertThat(client.request("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}"))
            .isEqualTo("{\"result\":[\"sym0@depth@100ms\",\"sym2@depth@100ms\"],\"id\":3}");

        assertThat(client.request("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"sym2@depth@100ms\"],\"id\":312}"))
            .isEqualTo("{\"result\":null,\"id\":312}");
        for (int i = 0; i < 100; i++)
        {
            assertThat(parseFrame(client.next()).stream).isEqualTo("sym0@depth@100ms");
        }
        assertThat(client.request("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"x4\"}"))
            .isEqualTo("{\"result\":[\"sym0@depth@100ms\"],\"id\":\"x4\"}");
        assertThat(simulator.subscriptions()).isEqualTo(1);
    }

    @Test
    void answersBadRequestsWithBinanceErrors() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(100));
        client = QueueingClient.connect(simulator.wsUrl() + "/ws");

        assertThat(client.request("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym2@depth@100ms\"],\"id\":1}"))
            .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":1}");
        assertThat(client.request("{\"method\":")).startsWith("{\"error\":{\"code\":3,");
        assertThat(client.request("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}"))
            .isEqualTo("{\"result\":null,\"id\":5}");
        assertThat(client.request("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}"))
            .isEqualTo("{\"result\":true,\"id\":6}");
        assertThat(simulator.subscriptions()).isZero();
    }

    @Test
    void rawStreamSendsBareEventsToTheJdkWebSocketClient() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(1_000));
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final WebSocket webSocket = http.newWebSocketBuilder()
            .buildAsync(URI.create(simulator.wsUrl() + "/ws/sym1@depth@100ms"), new WebSocket.Listener()
            {
                private final StringBuilder partial = new StringBuilder();

                public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
                {
                    partial.append(data);
                    if (last)
                    {
                        messages.add(partial.toString());
                        partial.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }
            })
            .get(10, TimeUnit.SECONDS);
        try
        {
            long previous = -1;
            for (int i = 0; i < 50; i++)
            {
                final String message = messages.poll(10, TimeUnit.SECONDS);
                assertThat(message).startsWith("{\"e\":\"depthUpdate\",");
                final SimTestSupport.Frame frame = parseFrame(message);
                assertThat(frame.stream).isNull();
                assertThat(frame.symbol).isEqualTo("SYM1");
                if (previous >= 0)
                {
                    assertThat(frame.firstUpdateId).isEqualTo(previous + 1);
                }
                previous = frame.lastUpdateId;
            }
        }
        finally
        {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesHandshakesForUnknownPathsAndStreams() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2));
        for (final String path : List.of("/ws/sym2@depth@100ms", "/stream?streams=btcusdt@depth", "/nope"))
        {
            final QueueingClient refused = new QueueingClient(simulator.wsUrl() + path);
            assertThat(refused.connectBlocking(10, TimeUnit.SECONDS)).as(path).isFalse();
        }
    }

    @Test
    void snapshotContinuesTheStreamAndMatchesAReplayedBook() throws Exception
    {
        final long seed = 11;
        simulator = Simulator.start(new SimulatorConfig().symbolCount(3).ratePerSecond(3_000).seed(seed));
        client = QueueingClient.connect(simulator.wsUrl() + "/stream?streams=sym2@depth@100ms");
        parseFrame(client.next());

        final HttpResponse<String> response = get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM2&limit=1000");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            (type) -> assertThat(type).startsWith("application/json"));
        final Map<?, ?> snapshot = parseObject(response.body());
        final long snapshotId = Long.parseLong(snapshot.get("lastUpdateId").toString());

        SimTestSupport.Frame frame;
        do
        {
            frame = parseFrame(client.next());
        }
        while (frame.lastUpdateId <= snapshotId);
        assertThat(frame.firstUpdateId).isLessThanOrEqualTo(snapshotId + 1);
        assertThat(frame.lastUpdateId).isGreaterThanOrEqualTo(snapshotId + 1);
        long previous = frame.lastUpdateId;
        for (int i = 0; i < 50; i++)
        {
            frame = parseFrame(client.next());
            assertThat(frame.firstUpdateId).isEqualTo(previous + 1);
            previous = frame.lastUpdateId;
        }

        final SimBook replay = SimBook.create(2, seed);
        assertThat(replay.advanceTo(snapshotId, new DepthMessage(SimBook.MAX_DIFF_LEVELS))).isTrue();
        assertLevels(SimTestSupport.levels(snapshot.get("bids")), replay, true);
        assertLevels(SimTestSupport.levels(snapshot.get("asks")), replay, false);
    }

    @Test
    void servesSnapshotLimitsAndBinanceErrors() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(100));
        final String depth = simulator.restUrl() + "/api/v3/depth";

        final Map<?, ?> top = parseObject(get(http, depth + "?symbol=SYM0&limit=5").body());
        assertThat((List<?>)top.get("bids")).hasSize(5);
        assertThat((List<?>)top.get("asks")).hasSize(5);
        final Map<?, ?> byDefault = parseObject(get(http, depth + "?symbol=SYM1").body());
        assertThat((List<?>)byDefault.get("bids")).hasSizeBetween(20, 50);

        assertError(get(http, depth + "?symbol=SYM2"), -1121, "Invalid symbol.");
        assertError(get(http, depth + "?symbol=BTCUSDT&limit=5"), -1121, "Invalid symbol.");
        assertError(get(http, depth), -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        assertError(get(http, depth + "?symbol=sym0"), -1100,
            "Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
        assertError(get(http, depth + "?symbol=SYM0&limit=ten"), -1100,
            "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
        assertThat(get(http, simulator.restUrl() + "/api/v3/nothing").statusCode()).isEqualTo(404);
        assertThat(get(http, simulator.restUrl() + "/api/v3/ping").body()).isEqualTo("{}");
    }

    @Test
    void framesDecodeWithTheEngineDecoder() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(1).ratePerSecond(1_000));
        client = QueueingClient.connect(simulator.wsUrl() + "/stream?streams=sym0@depth@100ms");
        final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SimBook.SCALE, SimBook.SCALE);
        final DepthMessage message = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
        for (int i = 0; i < 20; i++)
        {
            final byte[] bytes = client.next().getBytes(StandardCharsets.US_ASCII);
            assertThat(decoder.decodeStreamFrame(new UnsafeBuffer(bytes), 0, bytes.length, message))
                .isEqualTo(DecodeResult.DEPTH);
            assertThat(message.symbolAsString()).isEqualTo("SYM0");
        }
        final byte[] body = get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0")
            .body().getBytes(StandardCharsets.US_ASCII);
        final DepthMessage snapshot = new DepthMessage(1_000);
        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, snapshot))
            .isEqualTo(DecodeResult.DEPTH);
    }

    private static void assertLevels(final List<String[]> levels, final SimBook book, final boolean bids)
    {
        assertThat(levels).hasSize(bids ? book.bidCount() : book.askCount());
        for (int i = 0; i < levels.size(); i++)
        {
            final long price = bids ? book.bidPrice(i) : book.askPrice(i);
            final long quantity = bids ? book.bidQuantity(i) : book.askQuantity(i);
            assertThat(levels.get(i)[0]).isEqualTo(format(price));
            assertThat(levels.get(i)[1]).isEqualTo(format(quantity));
        }
    }

    private static String format(final long mantissa)
    {
        return FixedPoint.format(mantissa, SimBook.SCALE);
    }

    private static void assertError(final HttpResponse<String> response, final int code, final String message)
    {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"msg\":\"" + message + "\"}");
    }
}
