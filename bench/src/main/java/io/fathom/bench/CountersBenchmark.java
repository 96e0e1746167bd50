package io.fathom.bench;

import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.IoUtil;
import org.agrona.concurrent.status.AtomicCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The counter updates a feed thread makes per frame, in the memory-mapped counters file: the
 * engine-wide message count and the feed's message count and last-message time; paid on every frame, so
 * they must stay a small fraction of a decode. Run with {@code -prof gc}: the allocation per operation
 * must be zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class CountersBenchmark
{
    private static final int FEEDS = 500;

    private File runDir;
    private EngineCounters counters;
    private FeedCounters feeds;
    private AtomicCounter messages;
    private int next;
    private long epochNs;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        runDir = Files.createTempDirectory("fathom-counters-bench").toFile();
        counters = new EngineCounters(runDir);
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < FEEDS; i++)
        {
            symbols.add("SYM" + i);
        }
        feeds = new FeedCounters(counters, "binance", symbols);
        messages = counters.get(SystemCounter.MESSAGES_RECEIVED);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        counters.close();
        IoUtil.delete(runDir, true);
    }

    /** What FeedConnection does for every frame. */
    @Benchmark
    public long countFrame()
    {
        final int id = next;
        next = id + 1 == FEEDS ? 0 : id + 1;
        messages.increment();
        feeds.onMessage(id, ++epochNs);
        return epochNs;
    }
}
