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
 * One level changed in a side of 1,000 levels one tick apart, reported per level: a new best price and its
 * removal, a quantity change and a removal and re-insertion deep in the side, and a best price that walks up one
 * tick a step while the worst level goes (the range of prices moves, so a price-indexed side re-centres).
 * A book must cost the same at any depth. Run with {@code -prof gc}: the allocation per operation must be zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class BookLevelBenchmark
{
    private static final int LEVELS = 1000;
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 1_000_000L;

    /** Capacity per side: the engine's default and the one {@link BookApplyBenchmark} uses. */
    @Param({ "2048", "4096" })
    public int capacity;

    private OrderBook book;
    private long quantity = 1_000_000L;
    private long bestBid;
    private long worstBid;

    @Setup(Level.Iteration)
    public void setUp()
    {
        book = new OrderBook(0, capacity);
        for (int i = 0; i < LEVELS; i++)
        {
            book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
            book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 1_000_000L + i);
        }
        bestBid = MID - TICK;
        worstBid = MID - LEVELS * TICK;
    }

    /** A bid one tick above the best, then its removal: the best changes twice. */
    @Benchmark
    @OperationsPerInvocation(2)
    public int newBestThenDeleteBest()
    {
        final long price = bestBid + TICK;
        return book.set(DepthMessage.BID, price, 7_000_000L) + book.set(DepthMessage.BID, price, 0);
    }

    /** A new quantity at the 900th bid. */
    @Benchmark
    public int deepQuantityChange()
    {
        quantity ^= 1;
        return book.set(DepthMessage.BID, MID - 900 * TICK, quantity);
    }

    /** The 900th bid removed and put back. */
    @Benchmark
    @OperationsPerInvocation(2)
    public int deepDeleteThenInsert()
    {
        final long price = MID - 900 * TICK;
        return book.set(DepthMessage.BID, price, 0) + book.set(DepthMessage.BID, price, 5_000_000L);
    }

    /** A new best bid one tick up and the removal of the worst: the side keeps 1,000 levels as its prices rise. */
    @Benchmark
    @OperationsPerInvocation(2)
    public int bestWalksUp()
    {
        bestBid += TICK;
        final int outcome = book.set(DepthMessage.BID, bestBid, 3_000_000L);
        final int removal = book.set(DepthMessage.BID, worstBid, 0);
        worstBid += TICK;
        return outcome + removal;
    }
}
