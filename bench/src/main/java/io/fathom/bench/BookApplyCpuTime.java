package io.fathom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link BookApplyBenchmark} timed in the thread's own CPU time rather than wall-clock time, as
 * {@link DecodeCpuTime} does for decoding: on a shared 2-vCPU machine a descheduled thread inflates JMH's
 * figures far beyond their error bars, where CPU time stays comparable between two builds. The same setup,
 * the same deltas; each delta its own batch ({@code applyDelta}) or sixteen to a batch ({@code applyDeltaBatch}).
 * Not a JMH benchmark: a plain {@code main}.
 *
 * <pre>
 *   taskset -c 1 java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *       io.fathom.bench.BookApplyCpuTime [levelsPerDelta=1] [batch|single] [rounds=15] [deltasPerRound=1000000]
 * </pre>
 */
public final class BookApplyCpuTime
{
    private static final int WARM_UP_ROUNDS = 10;
    private static final int BATCH = 16;

    private BookApplyCpuTime()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int levelsPerDelta = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        final boolean batch = args.length > 1 && "batch".equals(args[1]);
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        final int deltasPerRound = args.length > 3 ? Integer.parseInt(args[3]) / BATCH * BATCH : 1_000_000;
        final BookApplyBenchmark benchmark = new BookApplyBenchmark();
        benchmark.levelsPerDelta = levelsPerDelta;
        benchmark.setUp();
        try
        {
            final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            final double[] nsPerDelta = new double[rounds];
            long check = 0;
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++)
            {
                final long startNs = threads.getCurrentThreadCpuTime();
                if (batch)
                {
                    for (int n = 0; n < deltasPerRound; n += BATCH)
                    {
                        check += benchmark.applyDeltaBatch();
                    }
                }
                else
                {
                    for (int n = 0; n < deltasPerRound; n++)
                    {
                        check += benchmark.applyDelta();
                    }
                }
                if (round >= 0)
                {
                    nsPerDelta[round] = (threads.getCurrentThreadCpuTime() - startNs) / (double)deltasPerRound;
                }
            }
            Arrays.sort(nsPerDelta);
            System.out.printf("%d level(s) a delta, %s: CPU ns per delta min %.0f median %.0f max %.0f " +
                "(per level %.1f / %.1f) over %d rounds of %d deltas (check %d)%n",
                levelsPerDelta, batch ? "16 a batch" : "one a batch",
                nsPerDelta[0], nsPerDelta[rounds / 2], nsPerDelta[rounds - 1],
                nsPerDelta[0] / levelsPerDelta, nsPerDelta[rounds / 2] / levelsPerDelta, rounds, deltasPerRound, check);
        }
        finally
        {
            benchmark.tearDown();
        }
    }
}
