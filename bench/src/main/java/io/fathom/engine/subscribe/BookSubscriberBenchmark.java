package io.fathom.engine.subscribe;

import io.aeron.ExclusivePublication;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.wire.BookSnapshot;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.codec.wire.LevelChanges;
import io.fathom.engine.publish.AeronConnection;
import io.fathom.engine.view.TopOfBook;
import org.HdrHistogram.Recorder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The subscriber's fragment handling ({@link BookSubscriber#poll()}): {@link #MESSAGES_PER_OP} {@code LevelChanges}
 * offered on an {@code aeron:ipc} publication of an embedded media driver, read by a {@code BookSubscriber} on the
 * same driver, each applied to its book (valid from a snapshot in setup), published to the book's view and its
 * latency recorded. The offers are part of each operation. In the subscriber's package for its message count.
 * Run with {@code -prof gc}: 0 B/op in steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED" })
public class BookSubscriberBenchmark
{
    static final int MESSAGES_PER_OP = 64;
    private static final int BOOKS = 100;
    private static final int STREAM_ID = 1801;

    @Param({ "1", "10" })
    int levels;

    private AeronConnection connection;
    private ExclusivePublication publication;
    private BookSubscriber subscriber;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024));
    private final int[] sequences = new int[BOOKS];
    private long updateId = 1_000;

    @Setup
    public void setUp()
    {
        connection = AeronConnection.open(null, "bench");
        publication = connection.aeron().addExclusivePublication("aeron:ipc?term-length=4m", STREAM_ID);
        subscriber = BookSubscriber.connect(new SubscriberContext().channel("aeron:ipc").streamId(STREAM_ID)
            .aeronDir(connection.directory()).controlChannels(List.of()).latencyRecorder(new Recorder(TimeUnit.SECONDS.toNanos(1), 3)));
        while (!publication.isConnected() || !subscriber.isConnected())
        {
            subscriber.poll();
        }
        for (int id = 0; id < BOOKS; id++)
        {
            offer(InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names("SYM" + id, "binance"), id, sequences[id],
                System.nanoTime(), 8, 8));
            BookSnapshot.encode(buffer, 0, id, ++sequences[id], System.nanoTime(), 1, 0L, 10, 10);
            for (int i = 0; i < 10; i++)
            {
                BookSnapshot.putLevel(buffer, 0, i, 10_000_000_000L - i * 1_000_000L, 100_000_000L);
                BookSnapshot.putLevel(buffer, 0, 10 + i, 10_001_000_000L + i * 1_000_000L, 100_000_000L);
            }
            offer(BookSnapshot.length(20));
            subscriber.poll();
        }
        final TopOfBook top = new TopOfBook();
        while (!subscriber.bookView("binance", "SYM" + (BOOKS - 1)).read(top))
        {
            subscriber.poll();
        }
    }

    private void offer(final int length)
    {
        while (publication.offer(buffer, 0, length) < 0)
        {
            subscriber.poll();
        }
    }

    @Benchmark
    public long pollLevelChanges()
    {
        for (int m = 0; m < MESSAGES_PER_OP; m++)
        {
            final int id = m % BOOKS;
            LevelChanges.encode(buffer, 0, id, ++sequences[id], System.nanoTime(), ++updateId, updateId, levels, true);
            for (int l = 0; l < levels; l++)
            {
                final boolean bid = l % 2 == 0;
                LevelChanges.putLevel(buffer, 0, l, bid ? DepthMessage.BID : DepthMessage.ASK,
                    bid ? 10_000_000_000L - l * 1_000_000L : 10_001_000_000L + l * 1_000_000L, 100_000_000L + (updateId & 0xFF));
            }
            offer(LevelChanges.length(levels));
        }
        while (subscriber.poll() > 0) // every message offered is read before the next operation
        {
            Thread.onSpinWait();
        }
        return subscriber.messages();
    }

    @TearDown
    public void tearDown()
    {
        if (subscriber.sequenceGaps() != 0)
        {
            throw new IllegalStateException("the benchmark's messages were not applied: " + subscriber.sequenceGaps() + " gaps");
        }
        CloseHelper.closeAll(subscriber, publication, connection);
    }
}
