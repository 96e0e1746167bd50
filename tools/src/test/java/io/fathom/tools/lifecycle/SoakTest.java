package io.fathom.tools.lifecycle;

import com.sun.management.UnixOperatingSystemMXBean;
import io.fathom.engine.Engine;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
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
 * sequence gap, malformed frames), each seen in the engine's counters and followed by every book valid
 * again before the next: afterwards heap after GC, thread count and open descriptors are where they were
 * once the run had warmed up, and nothing published was lost.
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
    /** How long a fault may take to show in the counters, and the books to be valid again after it. */
    private static final Duration FAULT_EFFECT_DEADLINE = Duration.ofSeconds(60);

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
                final Fault fault = Fault.values()[injected.getAndIncrement() % Fault.values().length];
                final long[] before = scheduler.schedule(() ->
                {
                    final long[] counters = counters(engine);
                    assertThat(fault.inject(harness)).as("%s at %d ms", fault, atMsOf(startNs)).isTrue();
                    log.add(fault + " at " + atMsOf(startNs) + " ms");
                    return counters;
                }, startNs + TimeUnit.MILLISECONDS.toNanos(atMs) - System.nanoTime(), TimeUnit.NANOSECONDS)
                    .get(seconds + 60L, TimeUnit.SECONDS);
                Await.until(() -> fault.tookEffect(before, counters(engine)), FAULT_EFFECT_DEADLINE,
                    () -> fault + " to show in the counters: " + Fault.changes(before, counters(engine)));
                log.add("  seen at " + atMsOf(startNs) + " ms: " + Fault.changes(before, counters(engine)));
                Await.until(() -> engine.booksLive() == SYMBOLS, FAULT_EFFECT_DEADLINE, () -> "every book valid after " + fault);
            }
            events.add(scheduler.schedule(() -> { }, startNs + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime(),
                TimeUnit.NANOSECONDS));
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

    private static long atMsOf(final long startNs)
    {
        return (System.nanoTime() - startNs) / 1_000_000;
    }

    private static long[] counters(final Engine engine)
    {
        final long[] values = new long[SystemCounter.values().length];
        for (final SystemCounter counter : SystemCounter.values())
        {
            values[counter.ordinal()] = engine.counters().value(counter);
        }
        return values;
    }

    /** The faults injected in turn, and what each must do to the engine's counters. */
    private enum Fault
    {
        DROPPED_CONNECTION("dropped a connection")
        {
            @Override
            boolean inject(final EngineHarness harness)
            {
                return harness.simulator.faults().dropOneConnection();
            }

            @Override
            boolean tookEffect(final long[] before, final long[] now)
            {
                return rose(SystemCounter.RECONNECTS, before, now) && rose(SystemCounter.RESYNCS, before, now);
            }
        },
        STALL("stalled 1.5 s")
        {
            @Override
            boolean inject(final EngineHarness harness)
            {
                harness.simulator.faults().stall(Duration.ofMillis(1_500));
                return true;
            }

            @Override
            boolean tookEffect(final long[] before, final long[] now)
            {
                return rose(SystemCounter.GAPS, before, now) && rose(SystemCounter.RESYNCS, before, now);
            }
        },
        SKIPPED_DIFFS("skipped 3 diffs")
        {
            @Override
            boolean inject(final EngineHarness harness)
            {
                harness.simulator.faults().skipSequence(3);
                return true;
            }

            @Override
            boolean tookEffect(final long[] before, final long[] now)
            {
                return rose(SystemCounter.GAPS, before, now) && rose(SystemCounter.RESYNCS, before, now);
            }
        },
        MALFORMED_FRAMES("sent 5 malformed frames")
        {
            @Override
            boolean inject(final EngineHarness harness)
            {
                harness.simulator.faults().malformedFrames(5);
                return true;
            }

            @Override
            boolean tookEffect(final long[] before, final long[] now)
            {
                return now[SystemCounter.DECODE_ERRORS.ordinal()] - before[SystemCounter.DECODE_ERRORS.ordinal()] >= 5;
            }
        };

        private final String description;

        Fault(final String description)
        {
            this.description = description;
        }

        /** @return false when the simulator had nothing to apply the fault to. */
        abstract boolean inject(EngineHarness harness);

        abstract boolean tookEffect(long[] before, long[] now);

        static boolean rose(final SystemCounter counter, final long[] before, final long[] now)
        {
            return now[counter.ordinal()] > before[counter.ordinal()];
        }

        /** The fault-related counters that moved, e.g. {@code gaps +3 resyncs +3}. */
        static String changes(final long[] before, final long[] now)
        {
            final StringBuilder text = new StringBuilder();
            for (final SystemCounter counter : List.of(SystemCounter.RECONNECTS, SystemCounter.GAPS, SystemCounter.RESYNCS,
                SystemCounter.DECODE_ERRORS, SystemCounter.STALE_FEEDS))
            {
                final long delta = now[counter.ordinal()] - before[counter.ordinal()];
                text.append(text.length() == 0 ? "" : " ").append(counter.label()).append(" +").append(delta);
            }
            return text.toString();
        }

        @Override
        public String toString()
        {
            return description;
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
