package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK transport end to end on loopback, as the demo runs it: a venue that subscribes by message (OKX)
 * and one whose URL names its streams and whose books start from REST snapshots (Binance) reach every book
 * LIVE over {@code java.net.http.WebSocket} with one feed thread for every connection, come back after the
 * simulator cuts every connection, and shut down clean with every published event consumed. Once the
 * engine is gone no thread of its HttpClient is left: not the feed thread, not the selector.
 */
class JdkTransportSystemTest
{
    private static final int SYMBOLS = 12;
    private static final int STREAMS_PER_CONNECTION = 4;
    private static final int CONNECTIONS = SYMBOLS / STREAMS_PER_CONNECTION;
    private static final long GC_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Venue.class, names = { "OKX", "BINANCE" })
    void syncsEveryBookRecoversFromADisconnectAndLeavesNoThreadBehind(final Venue venue)
    {
        final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .venue(venue).symbolCount(SYMBOLS).ratePerSecond(2_000).seed(3).wsPort(0).restPort(0)))
        {
            runEngine(simulator, venue, before);
        }

        final long[] nextGcNs = { System.nanoTime() };
        Await.until(() ->
        {
            if (System.nanoTime() - nextGcNs[0] > 0)
            {
                System.gc();
                nextGcNs[0] = System.nanoTime() + GC_INTERVAL_NS;
            }
            return newThreads(before, "fathom-ws-jdk", "HttpClient-").isEmpty();
        }, Duration.ofSeconds(30), "the transport's threads to end; still running: " + newThreads(before, "fathom-ws-jdk", "HttpClient-"));
    }

    /** The engine lives only here, so nothing holds its HttpClient once this returns. */
    private void runEngine(final Simulator simulator, final Venue venue, final Set<Thread> before)
    {
        final Engine engine = Engine.launch(new EngineContext()
            .transport(Transport.JDK)
            .venue(venue.id())
            .symbols(simulator.symbols())
            .url(simulator.wsUrl())
            .restUrl(simulator.restUrl())
            .streamsPerConnection(STREAMS_PER_CONNECTION)
            .snapshotRatePerSecond(1_000)
            .connectRatePerSecond(100)
            .connectBurst(10)
            .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(500))
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile()));
        final ShutdownReport report;
        try
        {
            Await.until(() -> engine.booksLive() == SYMBOLS, venue + ": every book live");
            assertThat(newThreads(before, "fathom-ws-jdk")).as("feed threads for %d connections", CONNECTIONS).hasSize(1);
            assertThat(newThreads(before, "WebSocketConnectReadThread", "WebSocketWriteThread"))
                .as("Java-WebSocket client threads").isEmpty();

            final long reconnects = engine.counters().value(SystemCounter.RECONNECTS);
            simulator.faults().dropAllConnections();
            Await.until(() -> engine.counters().value(SystemCounter.RECONNECTS) >= reconnects + CONNECTIONS,
                "every connection reconnected");
            Await.until(() -> engine.booksLive() == SYMBOLS && engine.feedsByState()[FeedState.LIVE.ordinal()] == SYMBOLS,
                "every book live again");
            final long applied = engine.counters().value(SystemCounter.EVENTS_APPLIED);
            Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied + 500, "updates flowing");
        }
        finally
        {
            report = engine.shutdown();
        }

        assertThat(report.clean()).as("%s shutdown: %s", venue, report.failures()).isTrue();
        final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
        assertThat(published).isPositive();
        assertThat(engine.counters().value(SystemCounter.EVENTS_CONSUMED)).isEqualTo(published);
        assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
        assertThat(engine.counters().value(SystemCounter.CROSSED_BOOKS)).isZero();
        assertThat(engine.feedsByState()[FeedState.CLOSED.ordinal()]).isEqualTo(SYMBOLS);
    }

    /** Live threads started since {@code before} whose names start with one of the prefixes. */
    private static List<String> newThreads(final Set<Thread> before, final String... prefixes)
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> !before.contains(thread) && thread.isAlive())
            .map(Thread::getName)
            .filter(name -> java.util.Arrays.stream(prefixes).anyMatch(name::startsWith))
            .collect(Collectors.toList());
    }
}
