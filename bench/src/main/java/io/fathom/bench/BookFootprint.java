package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap a book takes as it fills: builds {@code books} books of {@code capacity} levels per side for each case
 * (empty; 20 and 1,000 levels one tick apart on the bid side only, then on both sides) and prints the heap after
 * GC per book, and that of an empty {@link PendingDeltas}. The one-sided cases less the empty one give the cost
 * of a side. Not a JMH benchmark: a plain {@code main}; heap figures are averages over many books, so run it with
 * a heap that holds them all and nothing else running in the JVM.
 *
 * <pre>
 *   java -Xmx2g -cp bench/target/benchmarks.jar io.fathom.bench.BookFootprint [books=2000] [capacity=2048]
 * </pre>
 */
public final class BookFootprint
{
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 1_000_000L;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private BookFootprint()
    {
    }

    public static void main(final String[] args)
    {
        final int books = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        final int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 2_048;
        System.out.printf("%,d books of capacity %,d per side; bytes of heap after GC per book%n", books, capacity);
        final long empty = perBook(books, capacity, 0, false);
        print("empty book", empty, empty);
        for (final int levels : new int[] { 20, 1_000 })
        {
            final long oneSide = perBook(books, capacity, levels, false);
            final long bothSides = perBook(books, capacity, levels, true);
            print(levels + " levels a side: one side", oneSide - empty, oneSide);
            print(levels + " levels a side: both sides", bothSides - empty, bothSides);
        }
        final long before = heapAfterGc();
        final Object[] pending = new Object[books];
        for (int i = 0; i < books; i++)
        {
            pending[i] = new PendingDeltas(1 << 16);
        }
        System.out.printf("%-34s %,10d%n", "empty pending deltas", (heapAfterGc() - before) / books);
        reachable(pending);
    }

    private static void print(final String label, final long levelsBytes, final long bookBytes)
    {
        System.out.printf("%-34s %,10d for the levels %,10d for the book%n", label, levelsBytes, bookBytes);
    }

    private static long perBook(final int books, final int capacity, final int levels, final boolean bothSides)
    {
        final long before = heapAfterGc();
        final OrderBook[] built = new OrderBook[books];
        for (int b = 0; b < books; b++)
        {
            final OrderBook book = new OrderBook(b, capacity);
            for (int i = 0; i < levels; i++)
            {
                book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
                if (bothSides)
                {
                    book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 1_000_000L + i);
                }
            }
            built[b] = book;
        }
        final long perBook = (heapAfterGc() - before - 16L - 4L * books) / books;
        reachable(built);
        return perBook;
    }

    private static long heapAfterGc()
    {
        for (int i = 0; i < 3; i++)
        {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Keeps what was built reachable until after the heap was read. */
    private static void reachable(final Object[] objects)
    {
        if (objects.length > 0 && objects[objects.length - 1] == null)
        {
            throw new IllegalStateException("not built");
        }
    }
}
