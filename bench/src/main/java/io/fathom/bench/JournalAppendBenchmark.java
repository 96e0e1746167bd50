package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.journal.JournalSpace;
import io.fathom.engine.journal.JournalSpaceSettings;
import io.fathom.engine.journal.RetentionCounters;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.IoUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Appending one delta record to the Chronicle Queue journal, as the journal handler does for every
 * applied delta, because the journal must keep up with the ring: 2,000,000 records a second is 500 ns
 * per operation (records/s = 10^9 / ns/op). Run with {@code -prof gc}: the allocation per operation must
 * be zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true" })
public class JournalAppendBenchmark
{
    @Param({ "1", "10" })
    public int levels;

    private File directory;
    private EngineCounters counters;
    private Journal journal;
    private JournalWriter writer;
    private DepthEvent event;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        directory = Files.createTempDirectory("fathom-journal-bench").toFile();
        counters = new EngineCounters(directory);
        journal = new Journal(new File(directory, "journal"), RetentionPolicy.NONE, RetentionCounters.NONE,
            new JournalSpace(directory, JournalSpaceSettings.DEFAULT, counters.get(SystemCounter.JOURNAL_SUSPENDED),
                counters.get(SystemCounter.JOURNAL_RECORDS_SKIPPED), counters::recordError));
        writer = journal.newWriter();
        event = new DepthEvent(levels);
        event.kind = DepthEvent.KIND_DELTA;
        event.partCount = 1;
        event.previousUpdateId = DepthMessage.NO_ID;
        event.levelCount = levels;
        for (int i = 0; i < levels; i++)
        {
            event.sides[i] = (byte)(i & 1);
            event.prices[i] = 10_000_000_000L + i * 1_000_000L;
            event.quantities[i] = 123_456_789L + i;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        writer.close();
        journal.close();
        counters.close();
        IoUtil.delete(directory, true);
    }

    @Benchmark
    public long appendDelta()
    {
        event.firstUpdateId++;
        event.lastUpdateId = event.firstUpdateId;
        writer.delta(event);
        return writer.records();
    }
}
