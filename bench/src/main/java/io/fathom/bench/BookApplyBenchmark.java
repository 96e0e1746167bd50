package io.fathom.bench;

import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.engine.sync.BookSync;
import io.fathom.codec.Venue;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import org.agrona.IoUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.nio.file.Files;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The book handler applying live deltas to a synchronised book: chain check, level updates near the
 * top, crossed check, latency recording, the book's view and the counters at the end of each batch; the whole
 * of the handler thread's work per message, where {@link OrderBookBenchmark} isolates the book. No listener is
 * set, so volume pressure is not computed per message (as in an engine without one). Run with {@code -prof gc}:
 * the allocation per operation must be zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true" })
public class BookApplyBenchmark
{
    private static final int DEPTH = 1000;
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 1_000_000L;
    private static final int PREPARED = 4096;
    private static final int BATCH = 16;

    /** Levels each delta sets: 1 (a typical top-of-book tick) and 10 (a busy 100 ms batch). */
    @Param({ "1", "10" })
    public int levelsPerDelta;

    private File runDir;
    private EngineCounters counters;
    private BookHandler handler;
    private DepthEvent[] deltas;
    private long updateId;
    private long sequence;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        runDir = Files.createTempDirectory("fathom-bench").toFile();
        counters = new EngineCounters(runDir);
        handler = new BookHandler(HandlerSettings.of(1, 4096).withPendingMaxLevels(1 << 16), BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(counters));

        updateId = 1_000;
        handler.onEvent(event(DepthEvent.KIND_DELTA, updateId, updateId, 0), sequence++, true);
        final DepthEvent snapshot = event(DepthEvent.KIND_SNAPSHOT, updateId, updateId, 2 * DEPTH);
        for (int i = 0; i < DEPTH; i++)
        {
            set(snapshot, i, DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
            set(snapshot, DEPTH + i, DepthMessage.ASK, MID + (i + 1) * TICK, 1_000_000L + i);
        }
        handler.onEvent(snapshot, sequence++, true);
        if (handler.state(0) != SyncState.LIVE)
        {
            throw new IllegalStateException("book did not synchronise");
        }

        final SplittableRandom random = new SplittableRandom(42);
        deltas = new DepthEvent[PREPARED];
        for (int d = 0; d < PREPARED; d++)
        {
            final DepthEvent delta = event(DepthEvent.KIND_DELTA, 0, 0, levelsPerDelta);
            for (int i = 0; i < levelsPerDelta; i++)
            {
                final boolean bid = random.nextBoolean();
                final int level = (int)Math.min(DEPTH - 1, Math.abs(random.nextGaussian()) * 8);
                final long price = bid ? MID - (level + 1) * TICK : MID + (level + 1) * TICK;
                set(delta, i, bid ? DepthMessage.BID : DepthMessage.ASK, price, 1 + random.nextLong(5_000_000L));
            }
            deltas[d] = delta;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        counters.close();
        IoUtil.delete(runDir, true);
    }

    /** One delta event: U = u = previous u + 1, so every one applies. */
    @Benchmark
    public long applyDelta()
    {
        handler.onEvent(nextDelta(), sequence++, true);
        return handler.book(0).updateId();
    }

    /** A batch of deltas as the ring hands a busy handler them, the last one marked end of batch; per delta. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long applyDeltaBatch()
    {
        for (int i = 1; i <= BATCH; i++)
        {
            handler.onEvent(nextDelta(), sequence++, i == BATCH);
        }
        return handler.book(0).updateId();
    }

    private DepthEvent nextDelta()
    {
        final DepthEvent delta = deltas[next];
        next = (next + 1) & (PREPARED - 1);
        final long id = ++updateId;
        delta.firstUpdateId = id;
        delta.lastUpdateId = id;
        delta.receiveNanos = System.nanoTime();
        delta.outcome = DepthEvent.OUTCOME_NONE;
        return delta;
    }

    private static DepthEvent event(final byte kind, final long first, final long last, final int levels)
    {
        final DepthEvent event = new DepthEvent(Math.max(1, levels));
        event.kind = kind;
        event.partIndex = 0;
        event.partCount = 1;
        event.firstUpdateId = first;
        event.lastUpdateId = last;
        event.previousUpdateId = DepthMessage.NO_ID;
        event.levelCount = levels;
        event.snapshotSlot = -1;
        return event;
    }

    private static void set(final DepthEvent event, final int index, final byte side, final long price, final long quantity)
    {
        event.sides[index] = side;
        event.prices[index] = price;
        event.quantities[index] = quantity;
    }
}
