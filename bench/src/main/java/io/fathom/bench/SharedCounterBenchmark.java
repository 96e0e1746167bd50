package io.fathom.bench;

import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.IoUtil;
import org.agrona.concurrent.status.AtomicCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * What an engine-wide count costs two feed threads on different cores: both adding atomically to one counter of the
 * counters file (what {@code messages} and {@code events_published} are today, once a frame each), against each
 * writing its own counter with an ordered store (what single-writer counts would cost). Run pinned to two CPUs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class SharedCounterBenchmark
{
    /** The counters file, with one engine-wide counter and a counter of each thread's own. */
    @State(Scope.Benchmark)
    public static class Counters
    {
        private File runDir;
        private EngineCounters counters;
        AtomicCounter shared;
        AtomicCounter[] own;

        @Setup(Level.Trial)
        public void setUp() throws Exception
        {
            runDir = Files.createTempDirectory("fathom-shared-counter-bench").toFile();
            counters = new EngineCounters(runDir);
            shared = counters.get(SystemCounter.MESSAGES_RECEIVED);
            own = new AtomicCounter[] { counters.get(SystemCounter.EVENTS_PUBLISHED), counters.get(SystemCounter.GAPS) };
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            counters.close();
            IoUtil.delete(runDir, true);
        }
    }

    /** The counter a thread writes alone. */
    @State(Scope.Thread)
    public static class Own
    {
        AtomicCounter counter;

        @Setup(Level.Trial)
        public void setUp(final Counters counters, final ThreadParams thread)
        {
            counter = counters.own[thread.getThreadIndex() % counters.own.length];
        }
    }

    /** Both threads add to one counter with an atomic add. */
    @Benchmark
    @Group("sharedAtomicAdd")
    @GroupThreads(2)
    public long sharedAtomicAdd(final Counters counters)
    {
        return counters.shared.increment();
    }

    /** Each thread adds to its own counter with an ordered store. */
    @Benchmark
    @Group("ownOrderedStore")
    @GroupThreads(2)
    public void ownOrderedStore(final Own own)
    {
        own.counter.incrementRelease();
    }

    /** Each thread adds to its own counter with an atomic add: the cost of the instruction without the sharing. */
    @Benchmark
    @Group("ownAtomicAdd")
    @GroupThreads(2)
    public long ownAtomicAdd(final Own own)
    {
        return own.counter.increment();
    }
}
