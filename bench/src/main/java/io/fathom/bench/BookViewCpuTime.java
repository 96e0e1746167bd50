package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.view.BookLevels;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.BookViewWriter;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.TopOfBook;
import io.fathom.engine.view.ViewSettings;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * {@link BookViewReadBenchmark}'s operations timed in each thread's own CPU time rather than wall-clock
 * time, because on a shared 2-vCPU machine a descheduled thread inflates JMH's figures far beyond their error
 * bars. Publish alone, read top alone, read 10 levels alone, then the two reads again while a second thread
 * publishes the same book without pause (the writer's CPU ns per publish printed too). Not a JMH benchmark:
 * a plain {@code main}.
 *
 * <pre>
 *   taskset -c 0,1 java -cp bench/target/benchmarks.jar io.fathom.bench.BookViewCpuTime [rounds=15] [opsPerRound=2000000]
 * </pre>
 */
public final class BookViewCpuTime
{
    private static final int WARM_UP_ROUNDS = 10;
    private static final int DEPTH = ViewSettings.DEFAULT_DEPTH;
    private static final long MID = 10_000_000_000L;
    private static final long TICK = 1_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final BookView view;
    private final BookViewWriter writer;
    private final OrderBook book = new OrderBook(0, 64).scales(8, 8, false);
    private final TopOfBook top = new TopOfBook();
    private final BookLevels levels = new BookLevels(DEPTH);
    private final int rounds;
    private final int opsPerRound;
    private long updateId;
    private double sink;
    private volatile boolean publishing;

    private BookViewCpuTime(final int rounds, final int opsPerRound)
    {
        final BookViews views = new BookViews(List.of("SYM0"), new ViewSettings(8, 8, DEPTH));
        this.view = views.view(0);
        this.writer = views.writer();
        this.rounds = rounds;
        this.opsPerRound = opsPerRound;
        for (int i = 0; i < 20; i++)
        {
            book.set(DepthMessage.BID, MID - (i + 1) * TICK, 1_000_000L + i);
            book.set(DepthMessage.ASK, MID + (i + 1) * TICK, 2_000_000L + i);
        }
        publish();
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        final int opsPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final BookViewCpuTime bench = new BookViewCpuTime(rounds, opsPerRound);
        bench.report("publish alone", bench.time(bench::publishes));
        bench.report("read top alone", bench.time(bench::topReads));
        bench.report("read 10 levels alone", bench.time(bench::levelReads));
        bench.whilePublishing("read top while publishing", bench::topReads);
        bench.whilePublishing("read 10 levels while publishing", bench::levelReads);
        System.out.println("(checksum " + bench.sink + ")");
    }

    private void publish()
    {
        book.updateId(++updateId);
        writer.publish(0, book, updateId);
    }

    private void publishes(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            publish();
        }
    }

    private void topReads(final int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            view.read(top);
            sum += top.bidPrice();
        }
        sink += sum;
    }

    private void levelReads(final int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            view.read(levels, DEPTH);
            sum += levels.askPriceMantissa(DEPTH - 1);
        }
        sink += sum;
    }

    private double[] time(final Operation operation)
    {
        final double[] nsPerOp = new double[rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++)
        {
            final long startNs = THREADS.getCurrentThreadCpuTime();
            operation.run(opsPerRound);
            if (round >= 0)
            {
                nsPerOp[round] = (THREADS.getCurrentThreadCpuTime() - startNs) / (double)opsPerRound;
            }
        }
        return nsPerOp;
    }

    private void whilePublishing(final String name, final Operation read) throws InterruptedException
    {
        publishing = true;
        final long[] publishes = new long[1];
        final long[] writerCpuNs = new long[1];
        final Thread writerThread = new Thread(() ->
        {
            final long startNs = THREADS.getCurrentThreadCpuTime();
            long count = 0;
            while (publishing)
            {
                publish();
                count++;
            }
            writerCpuNs[0] = THREADS.getCurrentThreadCpuTime() - startNs;
            publishes[0] = count;
        }, "view-writer");
        writerThread.start();
        final double[] nsPerRead = time(read);
        publishing = false;
        writerThread.join();
        report(name, nsPerRead);
        System.out.printf("  writer meanwhile: %.1f CPU ns per publish over %d publishes%n",
            writerCpuNs[0] / (double)publishes[0], publishes[0]);
    }

    private void report(final String name, final double[] nsPerOp)
    {
        Arrays.sort(nsPerOp);
        System.out.printf("%s: CPU ns per op min %.1f median %.1f max %.1f over %d rounds of %d%n",
            name, nsPerOp[0], nsPerOp[rounds / 2], nsPerOp[rounds - 1], rounds, opsPerRound);
    }

    @FunctionalInterface
    private interface Operation
    {
        void run(int count);
    }
}
