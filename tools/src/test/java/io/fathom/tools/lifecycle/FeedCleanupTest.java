package io.fathom.tools.lifecycle;

import io.fathom.engine.Engine;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.FeedGroup;
import io.fathom.engine.feed.FeedGroupPolicy;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed design's lifecycle pitfalls, each pinned by a test: cleanup skipped on cancellation,
 * no concurrency limit, cancellation swallowed, work outliving its owner, and leaks over many
 * launch/cancel cycles. (Signal handling on the main path is pinned by SignalShutdownTest.)
 */
class FeedCleanupTest
{
    private static final int CYCLES = 1_000;
    private static final int GROUP_FEEDS = 50;

    @TempDir
    Path dir;

    @Test
    void thousandLaunchCancelCyclesLeaveThreadsDescriptorsAndHeapFlat() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(GROUP_FEEDS, 500))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .connectRatePerSecond(10_000).connectBurst(100)
                .groups(List.of(new FeedGroupSpec("g", harness.symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO, false))));

            cycle(engine);
            final int threadsBefore = Thread.activeCount();
            final Set<String> namesBefore = threadNames();
            final long descriptorsBefore = openDescriptors();
            final long heapBefore = heapAfterGc();

            for (int i = 1; i < CYCLES; i++)
            {
                cycle(engine);
            }

            EngineHarness.await(() -> Thread.activeCount() <= threadsBefore, Duration.ofSeconds(20),
                "thread count back to " + threadsBefore + " (now " + Thread.activeCount() + "; new: " +
                threadNames().stream().filter(n -> !namesBefore.contains(n)).collect(Collectors.toSet()) + ")");
            // a leak of one a cycle would be a thousand; the allowance is the snapshot fetcher's keep-alive pool, which
            // may grow after the first cycle to one connection per fetch in flight, two descriptors each in this process
            assertThat(openDescriptors()).as("open file descriptors")
                .isLessThanOrEqualTo(descriptorsBefore + 5 + 2L * SnapshotFetcher.MAX_IN_FLIGHT);
            assertThat(heapAfterGc()).as("heap after GC, bytes").isLessThan(heapBefore + 32L * 1024 * 1024);
            assertThat(engine.counters().value(SystemCounter.CONNECTIONS_OPEN)).isZero();
        }
    }

    private static void cycle(final Engine engine) throws Exception
    {
        final FeedGroup group = engine.launch("g");
        group.started().get(30, TimeUnit.SECONDS);
        engine.cancel("g").get(30, TimeUnit.SECONDS);
        assertThat(group.closed()).isCompleted();
    }

    @Test
    void cancellingWhileConnectingAndSyncingReleasesEverything() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(20, 500))
        {
            harness.simulator.faults().slowRest(Duration.ofSeconds(3));
            final Set<String> threadsBefore = threadNames();
            final Engine engine = harness.launch(harness.config(dir).streamsPerConnection(5)
                .groups(List.of(new FeedGroupSpec("g", harness.symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO, true))));
            EngineHarness.await(() -> harness.feeds(FeedState.SYNCING) > 0, Duration.ofSeconds(20), "feeds syncing");

            engine.cancel("g").get(20, TimeUnit.SECONDS);

            assertThat(harness.feeds(FeedState.CLOSED)).isEqualTo(20);
            EngineHarness.await(() -> harness.simulator.connectionsOpen() == 0, Duration.ofSeconds(10), "sockets closed");
            EngineHarness.await(() -> socketThreads(threadsBefore).isEmpty(), Duration.ofSeconds(10),
                "WebSocket threads of the cancelled feeds gone: " + socketThreads(threadsBefore));
            harness.simulator.faults().clear();
        }
    }

    @Test
    void cancellingOneFeedUnsubscribesItAndLeavesItsNeighbours() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(3, 600))
        {
            harness.launch(harness.config(dir).streamsPerConnection(3));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 3, Duration.ofSeconds(30), "every feed live");
            final int subscriptions = harness.simulator.subscriptions();

            harness.engine.cancelFeed(harness.symbols.get(0)).get(10, TimeUnit.SECONDS);

            assertThat(harness.engine.feedState(harness.symbols.get(0))).isEqualTo(FeedState.CLOSED);
            EngineHarness.await(() -> harness.simulator.subscriptions() == subscriptions - 1, Duration.ofSeconds(10),
                "the simulator sees the UNSUBSCRIBE");
            assertThat(harness.simulator.connectionsOpen()).isEqualTo(1);
            final long closedFrames = harness.engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.EVENTS_PUBLISHED) > closedFrames + 100,
                Duration.ofSeconds(10), "the neighbours keep flowing");
            assertThat(harness.engine.feedState(harness.symbols.get(1))).isEqualTo(FeedState.LIVE);
            assertThat(harness.engine.feedState(harness.symbols.get(2))).isEqualTo(FeedState.LIVE);
        }
    }

    @Test
    void connectsInFlightNeverExceedTheLimit() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(100, 1_000))
        {
            final long startNanos = System.nanoTime();
            harness.launch(harness.config(dir).streamsPerConnection(1)
                .connectRatePerSecond(100).connectBurst(5).maxConnectsInFlight(3));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 100, Duration.ofSeconds(60), "every feed live");

            final int worst = EngineHarness.maxInWindow(harness.connectAttemptNanos(), startNanos, Duration.ofMillis(100));
            assertThat(worst).as("connect attempts in any 100 ms: burst 5 + 100/s x 0.1 s").isLessThanOrEqualTo(15);
        }
    }

    @Test
    void shutdownKeepsTheCallersInterruptAndLeavesNothingRunning() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(10, 500))
        {
            final Set<String> threadsBefore = threadNames();
            final Engine engine = harness.launch(harness.config(dir).streamsPerConnection(2));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 10, Duration.ofSeconds(30), "every feed live");

            Thread.currentThread().interrupt();
            final ShutdownReport report = engine.shutdown();
            final boolean stillInterrupted = Thread.interrupted();

            assertThat(stillInterrupted).as("the caller's interrupt is not swallowed").isTrue();
            assertThat(report.clean()).as("the sequence completes despite the interrupt: %s", report.failures()).isTrue();
            assertThat(harness.feeds(FeedState.CLOSED)).isEqualTo(10);
            EngineHarness.await(() -> harness.simulator.connectionsOpen() == 0, Duration.ofSeconds(10), "sockets closed");
            EngineHarness.await(() -> engineThreads(threadsBefore).isEmpty(), Duration.ofSeconds(10),
                "no engine thread outlives the engine: " + engineThreads(threadsBefore));
        }
    }

    private static Set<String> threadNames()
    {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private static Set<String> socketThreads(final Set<String> before)
    {
        return threadNames().stream().filter(n -> !before.contains(n))
            .filter(n -> n.startsWith("WebSocketConnectReadThread") || n.startsWith("WebSocketWriteThread"))
            .collect(Collectors.toSet());
    }

    private static Set<String> engineThreads(final Set<String> before)
    {
        return threadNames().stream().filter(n -> !before.contains(n))
            .filter(n -> n.startsWith("fathom") || n.startsWith("WebSocket") || n.startsWith("feed-supervisor") ||
                n.startsWith("snapshot-fetcher"))
            .collect(Collectors.toSet());
    }

    private static long openDescriptors()
    {
        final String[] entries = new File("/proc/self/fd").list();
        return entries == null ? -1 : entries.length;
    }

    private static long heapAfterGc()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++)
        {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
