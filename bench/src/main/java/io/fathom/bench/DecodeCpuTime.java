package io.fathom.bench;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Fathom's decode of a {@link DecodeBenchmark} case timed in the thread's own CPU time rather than wall-clock
 * time, because on a shared 2-vCPU machine a thread that is descheduled for other builds inflates JMH's
 * figures far beyond their error bars; comparing two builds of the codec with this is steadier (it still
 * feels a busy sibling core's caches). Not a JMH benchmark: a plain {@code main}.
 *
 * <pre>
 *   java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *       io.fathom.bench.DecodeCpuTime binance-spot-10 [rounds=15] [framesPerRound=200000]
 * </pre>
 */
public final class DecodeCpuTime
{
    private static final int WARM_UP_ROUNDS = 10;

    private DecodeCpuTime()
    {
    }

    public static void main(final String[] args)
    {
        if (args.length < 1)
        {
            System.err.println("usage: DecodeCpuTime CASE [rounds] [framesPerRound]");
            System.exit(2);
        }
        final String decodeCase = args[0];
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        final int framesPerRound = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        final DecodeCases.FathomDecoder decoder = DecodeCases.fathom(decodeCase);
        final List<byte[]> loaded = DecodeCases.frames(decodeCase);
        final UnsafeBuffer[] frames = new UnsafeBuffer[loaded.size()];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = new UnsafeBuffer(loaded.get(i));
        }
        final DepthMessage message = new DepthMessage(10_000);
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final double[] nsPerFrame = new double[rounds];
        long levels = 0;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++)
        {
            final long startNs = threads.getCurrentThreadCpuTime();
            int next = 0;
            for (int n = 0; n < framesPerRound; n++)
            {
                final UnsafeBuffer frame = frames[next];
                next = next + 1 == frames.length ? 0 : next + 1;
                if (decoder.decode(frame, 0, frame.capacity(), message) != DecodeResult.DEPTH)
                {
                    throw new IllegalStateException(decodeCase + " frame did not decode");
                }
                levels += message.levelCount();
            }
            if (round >= 0)
            {
                nsPerFrame[round] = (threads.getCurrentThreadCpuTime() - startNs) / (double)framesPerRound;
            }
        }
        Arrays.sort(nsPerFrame);
        System.out.printf("%s: CPU ns per frame min %.0f median %.0f max %.0f over %d rounds of %d frames (%d levels)%n",
            decodeCase, nsPerFrame[0], nsPerFrame[rounds / 2], nsPerFrame[rounds - 1], rounds, framesPerRound, levels);
    }
}
