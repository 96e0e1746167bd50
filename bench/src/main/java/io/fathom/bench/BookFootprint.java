package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap a book takes as it fills: builds {@code books} books of {@code capacity} levels per side, each with
 * {@code levels} levels one tick apart on the bid side or on both, and prints the heap after GC per book; with
 * {@code levels} -1, that of an empty {@link PendingDeltas}. One case a JVM, so that nothing of another case
 * stays in the figure. Not a JMH benchmark: a plain {@code main}.
 *
 * <pre>
 *   java -XX:+UseSerialGC -Xmx2g -cp bench/target/benchmarks.jar io.fathom.bench.BookFootprint \
 *       [books=2000] [capacity=2048] [levels=0] [sides=2]
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
        final int levels = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        final int sides = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        if (levels < 0)
        {
            final long before = heapAfterGc();
            final Object[] pending = new Object[books];
            for (int i = 0; i < books; i++)
            {
                pending[i] = new PendingDeltas(1 << 16);
            }
            System.out.printf("empty pending deltas: %,d bytes each%n", (heapAfterGc() - before) / books);
            reachable(pending);
            return;
        }
        System.out.printf("%,d books of capacity %,d, %,d levels on %d side(s): %,d bytes of heap after GC a book%n",
            books, capacity, levels, sides, perBook(books, capacity, levels, sides == 2));
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
