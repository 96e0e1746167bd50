package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.view.BookLevels;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.BookViewWriter;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.TopOfBook;
import io.fathom.engine.view.ViewSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A reader on another thread copying a book's top (or its 10 levels a side) from its {@link BookView} while
 * the writer publishes, and the writer's cost of publishing an {@link OrderBook}'s 10 levels a side.
 *
 * <p>The {@code *WhilePublishing} groups run one reader thread and one writer thread: {@code target=same} has
 * the writer publish the book being read without pause (the worst case for the reader: the writer takes the
 * lines it reads away on every publish, and a read that spans a whole publish retries);
 * {@code target=neighbour} has it publish the instrument next to it in memory, so the figure shows whether the
 * padding keeps instruments off each other's cache lines. The {@code alone} benchmarks are one thread with no
 * other. Run under {@code taskset -c 0,1} with {@code -prof gc}: every read and publish must allocate nothing;
 * {@link BookViewCpuTime} times the same operations in thread CPU time, steadier on a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class BookViewReadBenchmark
{
    private static final int DEPTH = ViewSettings.DEFAULT_DEPTH;
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 1_000_000L;

    /** The views, with a book to publish, shared by the reader and the writer of a group. */
    @State(Scope.Group)
    public static class Shared
    {
        /** Which instrument the writer publishes: the one read, or the one next to it in memory. */
        @Param({ "same", "neighbour" })
        public String target;

        BookViews views;
        BookView view;
        BookViewWriter writer;
        OrderBook book;
        int writtenId;
        long updateId;

        @Setup(Level.Trial)
        public void setUp()
        {
            views = new BookViews(List.of("SYM0", "SYM1", "SYM2"), new ViewSettings(8, 8, DEPTH));
            view = views.view(1);
            writer = views.writer();
            writtenId = "same".equals(target) ? 1 : 2;
            book = new OrderBook(writtenId, 64).scales(8, 8, false);
            for (int i = 0; i < 20; i++)
            {
                book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
                book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 2_000_000L + i);
            }
            writer.publish(1, book, 1L);
            writer.publish(2, book, 1L);
        }

        void publish()
        {
            book.updateId(++updateId);
            writer.publish(writtenId, book, updateId);
        }
    }

    /** A reading thread's own copies. */
    @State(Scope.Thread)
    public static class Copies
    {
        final TopOfBook top = new TopOfBook();
        final BookLevels levels = new BookLevels(DEPTH);
    }

    /** A book for one thread alone: the writer's cost and the reader's without a writer. */
    @State(Scope.Thread)
    public static class Alone
    {
        BookView view;
        BookViewWriter writer;
        OrderBook book;
        long updateId;

        @Setup(Level.Trial)
        public void setUp()
        {
            final BookViews views = new BookViews(List.of("SYM0"), new ViewSettings(8, 8, DEPTH));
            view = views.view(0);
            writer = views.writer();
            book = new OrderBook(0, 64).scales(8, 8, false);
            for (int i = 0; i < 20; i++)
            {
                book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
                book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 2_000_000L + i);
            }
            writer.publish(0, book, 1L);
        }
    }

    @Benchmark
    @Group("topWhilePublishing")
    @GroupThreads(1)
    public double readTop(final Shared shared, final Copies copies)
    {
        final TopOfBook top = copies.top;
        shared.view.read(top);
        return top.bidPrice() + top.askPrice() + top.updateId();
    }

    @Benchmark
    @Group("topWhilePublishing")
    @GroupThreads(1)
    public void publishTop(final Shared shared)
    {
        shared.publish();
    }

    @Benchmark
    @Group("levelsWhilePublishing")
    @GroupThreads(1)
    public long readLevels(final Shared shared, final Copies copies)
    {
        final BookLevels levels = copies.levels;
        shared.view.read(levels, DEPTH);
        return levels.bidPriceMantissa(DEPTH - 1) + levels.askPriceMantissa(DEPTH - 1) + levels.updateId();
    }

    @Benchmark
    @Group("levelsWhilePublishing")
    @GroupThreads(1)
    public void publishLevels(final Shared shared)
    {
        shared.publish();
    }

    /** The writer's cost alone: an {@link OrderBook}'s 10 best levels a side, its update id and the time. */
    @Benchmark
    public long publishAlone(final Alone alone)
    {
        final OrderBook book = alone.book;
        book.updateId(++alone.updateId);
        alone.writer.publish(0, book, alone.updateId);
        return alone.updateId;
    }

    @Benchmark
    public void readTopAlone(final Alone alone, final Copies copies, final Blackhole blackhole)
    {
        final TopOfBook top = copies.top;
        blackhole.consume(alone.view.read(top));
        blackhole.consume(top.bidPrice());
    }

    @Benchmark
    public void readLevelsAlone(final Alone alone, final Copies copies, final Blackhole blackhole)
    {
        final BookLevels levels = copies.levels;
        blackhole.consume(alone.view.read(levels, DEPTH));
        blackhole.consume(levels.askPriceMantissa(DEPTH - 1));
    }
}
