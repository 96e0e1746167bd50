package io.fathom.tools;

import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import io.fathom.testing.Await;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue (an OKX peer on loopback) sends a PEPE-style price of 10 decimals: at the run-wide 8 decimals it is
 * counted as an unrepresentable value, logged once with instrument, value and scales, and the book stays
 * invalid, asking again at its sync timeout rather than at once; with the instrument's own scales the same book
 * is valid and read back exactly.
 */
class UnrepresentableValueTest
{
    private static final String SYMBOL = "PEPE-USDT";
    private static final String SNAPSHOT = "{\"arg\":{\"channel\":\"books\",\"instId\":\"PEPE-USDT\"},\"action\":\"snapshot\"," +
        "\"data\":[{\"asks\":[[\"0.0000098766\",\"1200000000\",\"0\",\"1\"]],\"bids\":[[\"0.0000098765\",\"300\",\"0\",\"1\"]]," +
        "\"ts\":\"1\",\"checksum\":0,\"seqId\":5,\"prevSeqId\":-1}]}";

    @TempDir
    Path dir;

    @Test
    void aValueTheScaleCannotHoldIsCountedLoggedAndLeavesTheBookInvalid() throws Exception
    {
        try (Peer peer = Peer.launch(true))
        {
            final Engine engine = Engine.launch(config(peer));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.counters().value(SystemCounter.UNREPRESENTABLE_VALUES) >= 2,
                    "the snapshot refused again after the resync it asked for");
                assertThat(engine.bookView(SYMBOL).read(new TopOfBook())).as("book valid").isFalse();
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            final List<String> errors = new ArrayList<>();
            try (CountersFileReader reader = new CountersFileReader(dir.resolve("run").toFile()))
            {
                reader.readErrors((count, first, last, text) -> errors.add(count + " " + text));
            }
            assertThat(errors).as("one distinct error for the instrument").filteredOn(e -> e.contains("UNREPRESENTABLE"))
                .hasSize(1).first().asString()
                .contains("PEPE-USDT sent 0.0000098766").contains("price 8, quantity 8 decimals").startsWith("1 ");
        }
    }

    @Test
    void theInstrumentsOwnScalesHoldTheSameBook() throws Exception
    {
        try (Peer peer = Peer.launch(false))
        {
            final Engine engine = Engine.launch(config(peer).instruments(List.of(new InstrumentScales(SYMBOL, 10, 0))));
            try
            {
                final BookView view = engine.bookView(SYMBOL);
                final TopOfBook top = new TopOfBook();
                Await.until(() -> view.read(top), "the book valid");
                assertThat(view.priceScale()).isEqualTo(10);
                assertThat(top.bidPriceMantissa()).isEqualTo(98_765L);
                assertThat(top.askQuantityMantissa()).isEqualTo(1_200_000_000L);
                assertThat(engine.counters().value(SystemCounter.UNREPRESENTABLE_VALUES)).isZero();
            }
            finally
            {
                engine.shutdown();
            }
        }
    }

    private EngineContext config(final Peer peer)
    {
        return new EngineContext()
            .venue("okx")
            .symbols(List.of(SYMBOL))
            .url("ws://127.0.0.1:" + peer.getPort())
            .restUrl("http://127.0.0.1:" + peer.getPort())
            .syncTimeout(Duration.ofMillis(200))
            .shutdownTimeout(Duration.ofSeconds(3))
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }

    /**
     * Answers every subscribe with the book's snapshot, as OKX does; ticking, it also sends a representable update
     * every 20 ms, as a live venue keeps sending: the handler's batches are what check the sync deadlines.
     */
    private static final class Peer extends LoopbackWebSocketServer
    {
        private static final String UPDATE = "{\"arg\":{\"channel\":\"books\",\"instId\":\"PEPE-USDT\"}," +
            "\"action\":\"update\",\"data\":[{\"asks\":[],\"bids\":[[\"0.00001\",\"5\",\"0\",\"1\"]]," +
            "\"ts\":\"2\",\"checksum\":0,\"seqId\":6,\"prevSeqId\":5}]}";

        private final java.util.concurrent.ScheduledExecutorService ticker =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        static Peer launch(final boolean ticking) throws Exception
        {
            final Peer peer = new Peer();
            peer.startAndAwait();
            if (!ticking)
            {
                return peer;
            }
            peer.ticker.scheduleAtFixedRate(() -> peer.getConnections().forEach(c ->
            {
                if (c.isOpen())
                {
                    c.send(UPDATE);
                }
            }), 20, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            return peer;
        }

        @Override
        public void close()
        {
            ticker.shutdownNow();
            super.close();
        }

        @Override
        public void onOpen(final WebSocket connection, final ClientHandshake handshake)
        {
        }

        @Override
        public void onMessage(final WebSocket connection, final String message)
        {
            if (message.contains("\"subscribe\""))
            {
                connection.send(SNAPSHOT);
            }
        }
    }
}
