package io.fathom.tools.lifecycle;

import com.sun.management.UnixOperatingSystemMXBean;
import io.fathom.engine.Engine;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.SystemCounter;
import io.fathom.tools.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long run under load with faults injected every few seconds in turn (a dropped connection, a stall, a
 * sequence gap, malformed frames): afterwards heap after GC, thread count and open descriptors are where
 * they were once the run had warmed up, nothing published was lost, and every book is valid again.
 *
 * <p>CI runs it for {@value #DEFAULT_SECONDS} s at {@value #DEFAULT_RATE} msg/s; the documented soak is
 * {@code -Dfathom.soak.seconds=600 -Dfathom.soak.rate=50000}. Figures go to {@code target/soak.txt}.
 */
class SoakTest
{
    private static final int DEFAULT_SECONDS = 40;
    private static final int DEFAULT_RATE = 20_000;
    private static final int SYMBOLS = 200;
    private static final long FAULT_INTERVAL_MS = 4_000;
    private static final long HEAP_GROWTH_LIMIT_BYTES = 32L * 1024 * 1024;
    private static final int THREAD_GROWTH_LIMIT = 4;
    private static final long DESCRIPTOR_GROWTH_LIMIT = 16;

    @TempDir
    Path dir;

    @Test
    void longRunWithFaultsStaysFlatLosesNothingAndEndsWithEveryBookValid() throws Exception
    {
        final int seconds = Integer.getInteger("fathom.soak.seconds", DEFAULT_SECONDS);
        final int rate = Integer.getInteger("fathom.soak.rate", DEFAULT_RATE);
        final List<String> log = new CopyOnWriteArrayList<>();
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EngineHarness harness = new EngineHarness(SYMBOLS, rate))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .streamsPerConnection(20)
                .staleAfter(Duration.ofSeconds(2))
                .journalSnapshotInterval(Duration.ofSeconds(5)));
            Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");

            final List<Future<?>> events = new ArrayList<>();
            final long startNs = System.nanoTime();
            final long baselineAtMs = Math.min(10_000L, seconds * 1_000L / 4);
            final Footprint[] baseline = new Footprint[1];
            events.add(scheduler.schedule(() ->
            {
                baseline[0] = Footprint.measure();
                log.add("baseline after " + (System.nanoTime() - startNs) / 1_000_000 + " ms: " + baseline[0]);
            }, baselineAtMs, TimeUnit.MILLISECONDS));
            final AtomicInteger injected = new AtomicInteger();
            for (long atMs = FAULT_INTERVAL_MS; atMs < seconds * 1_000L - FAULT_INTERVAL_MS; atMs += FAULT_INTERVAL_MS)
            {
                events.add(scheduler.schedule(() -> log.add(inject(harness, injected.getAndIncrement()) + " at " +
                    (System.nanoTime() - startNs) / 1_000_000 + " ms"), atMs, TimeUnit.MILLISECONDS));
            }
            events.add(scheduler.schedule(() -> { }, seconds, TimeUnit.SECONDS));
            for (final Future<?> event : events)
            {
                event.get(seconds + 60L, TimeUnit.SECONDS);
            }
            Await.until(() -> engine.booksLive() == SYMBOLS, Duration.ofSeconds(60), "every book valid after the last fault");
            final Footprint end = Footprint.measure();
            log.add("end: " + end);

            final ShutdownReport report = engine.shutdown();
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
            log.add(String.format("%d s at %d msg/s, %d symbols, %d faults: received %d, published %d, consumed %d, " +
                "applied %d, discarded %d, gaps %d, decode errors %d, reconnects %d, resyncs %d, ring-full drops %d, " +
                "shutdown %s in %d ms", seconds, rate, SYMBOLS, injected.get(),
                engine.counters().value(SystemCounter.MESSAGES_RECEIVED), published, consumed,
                engine.counters().value(SystemCounter.EVENTS_APPLIED), engine.counters().value(SystemCounter.EVENTS_DISCARDED),
                engine.counters().value(SystemCounter.GAPS), engine.counters().value(SystemCounter.DECODE_ERRORS),
                engine.counters().value(SystemCounter.RECONNECTS), engine.counters().value(SystemCounter.RESYNCS),
                engine.counters().value(SystemCounter.RING_FULL_DROPS), report.clean() ? "clean" : "NOT clean",
                report.totalMs()));
            Files.write(Path.of("target", "soak.txt"), log);

            assertThat(report.clean()).as("%s", log).isTrue();
            assertThat(consumed).as("nothing published lost").isEqualTo(published);
            assertThat(engine.counters().value(SystemCounter.EVENTS_APPLIED) +
                engine.counters().value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(consumed);
            assertThat(injected.get()).as("faults injected").isGreaterThanOrEqualTo(4);
            assertThat(baseline[0]).isNotNull();
            assertThat(end.heapAfterGcBytes).as("heap after GC; %s", log)
                .isLessThanOrEqualTo(baseline[0].heapAfterGcBytes + HEAP_GROWTH_LIMIT_BYTES);
            assertThat(end.threads).as("threads; %s", log).isLessThanOrEqualTo(baseline[0].threads + THREAD_GROWTH_LIMIT);
            assertThat(end.descriptors).as("open descriptors; %s", log)
                .isLessThanOrEqualTo(baseline[0].descriptors + DESCRIPTOR_GROWTH_LIMIT);
        }
        finally
        {
            scheduler.shutdownNow();
        }
    }

    private static String inject(final EngineHarness harness, final int fault)
    {
        switch (fault % 4)
        {
            case 0:
                harness.simulator.faults().dropOneConnection();
                return "dropped a connection";
            case 1:
                harness.simulator.faults().stall(Duration.ofMillis(1_500));
                return "stalled 1.5 s";
            case 2:
                harness.simulator.faults().skipSequence(3);
                return "skipped 3 diffs";
            default:
                harness.simulator.faults().malformedFrames(5);
                return "sent 5 malformed frames";
        }
    }

    /** The process's heap after a full GC, live threads and open file descriptors. */
    private record Footprint(long heapAfterGcBytes, int threads, long descriptors)
    {
        static Footprint measure()
        {
            for (int i = 0; i < 3; i++)
            {
                System.gc();
            }
            final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            final int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            final long descriptors = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix ?
                unix.getOpenFileDescriptorCount() : 0;
            return new Footprint(heap, threads, descriptors);
        }

        @Override
        public String toString()
        {
            return String.format("heap after GC %.1f MB, %d threads, %d open descriptors",
                heapAfterGcBytes / 1048576.0, threads, descriptors);
        }
    }
}
