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
        final List<String> log = new ArrayList<>();
        try (EngineHarness harness = new EngineHarness(SYMBOLS, rate))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .streamsPerConnection(20)
                .staleAfter(Duration.ofSeconds(2))
                .journalSnapshotInterval(Duration.ofSeconds(5)));
            Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");

            final long startNs = System.nanoTime();
            final long endNs = startNs + seconds * 1_000_000_000L;
            final long baselineAtNs = startNs + Math.min(10_000_000_000L, (endNs - startNs) / 4);
            Footprint baseline = null;
            int fault = 0;
            long nextFaultNs = startNs + FAULT_INTERVAL_MS * 1_000_000L;
            while (System.nanoTime() < endNs)
            {
                Thread.sleep(100);
                final long nowNs = System.nanoTime();
                if (baseline == null && nowNs >= baselineAtNs)
                {
                    baseline = Footprint.measure();
                    log.add("baseline after " + (nowNs - startNs) / 1_000_000 + " ms: " + baseline);
                }
                if (nowNs >= nextFaultNs && nowNs < endNs - FAULT_INTERVAL_MS * 1_000_000L)
                {
                    log.add(inject(harness, fault++) + " at " + (nowNs - startNs) / 1_000_000 + " ms");
                    nextFaultNs = nowNs + FAULT_INTERVAL_MS * 1_000_000L;
                }
            }
            Await.until(() -> engine.booksLive() == SYMBOLS, Duration.ofSeconds(60), "every book valid after the last fault");
            final Footprint end = Footprint.measure();
            log.add("end: " + end);

            final ShutdownReport report = engine.shutdown();
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
            log.add(String.format("%d s at %d msg/s, %d symbols, %d faults: received %d, published %d, consumed %d, " +
                "applied %d, discarded %d, gaps %d, decode errors %d, reconnects %d, resyncs %d, ring-full drops %d, " +
                "shutdown %s in %d ms", seconds, rate, SYMBOLS, fault,
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
            assertThat(fault).as("faults injected").isGreaterThanOrEqualTo(4);
            assertThat(baseline).isNotNull();
            assertThat(end.heapAfterGcBytes).as("heap after GC; %s", log)
                .isLessThanOrEqualTo(baseline.heapAfterGcBytes + HEAP_GROWTH_LIMIT_BYTES);
            assertThat(end.threads).as("threads; %s", log).isLessThanOrEqualTo(baseline.threads + THREAD_GROWTH_LIMIT);
            assertThat(end.descriptors).as("open descriptors; %s", log)
                .isLessThanOrEqualTo(baseline.descriptors + DESCRIPTOR_GROWTH_LIMIT);
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
