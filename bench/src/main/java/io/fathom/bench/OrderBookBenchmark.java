package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's {@link OrderBook} alone, per level changed: a quantity change at the touch, a new level
 * inserted and then deleted at a given depth, and a whole snapshot loaded, because every delta and every
 * resync is made of these. Each side holds 1,000 levels one tick apart (a Binance {@code limit=1000}
 * snapshot). Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class OrderBookBenchmark
{
    static final int LEVELS = 1000;
    static final int CAPACITY = 5000;
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 2_000_000L;

    private final OrderBook book = new OrderBook(0, CAPACITY);
    private long quantity = 1_000_000L;

    /** Where the inserted level goes: 0 is a new best price, 999 is behind every existing level but one. */
    @State(Scope.Thread)
    public static class Depth
    {
        @Param({ "0", "10", "100", "999" })
        public int depth;
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        load(book);
    }

    /** A new quantity at the best bid: the commonest change there is. One level. */
    @Benchmark
    public int topOfBookChange()
    {
        quantity ^= 1;
        return book.set(DepthMessage.BID, MID - TICK, quantity);
    }

    /**
     * A new bid level half a tick from an existing one at {@link Depth#depth}, then its removal; reported per
     * level (two per operation). The levels behind it move each time, so a new best price costs the most.
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public int insertAndDelete(final Depth depth)
    {
        final long price = MID - (depth.depth + 1) * TICK + TICK / 2;
        return book.set(DepthMessage.BID, price, 7_000_000L) + book.set(DepthMessage.BID, price, 0);
    }

    /** A whole 1,000-level-a-side snapshot loaded into a cleared book, best first; reported per level. */
    @Benchmark
    @OperationsPerInvocation(2 * LEVELS)
    public long snapshotLoad()
    {
        load(book);
        return book.updateId();
    }

    private static void load(final OrderBook book)
    {
        book.clear();
        for (int i = 0; i < LEVELS; i++)
        {
            book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
            book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 1_000_000L + i);
        }
        book.updateId(1);
    }
}
