package io.fathom.engine;

import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Makes the ring's handler threads, pinning each to its CPU where {@link ThreadingSettings#handlerCpus()}
 * names one (a CPU the host refuses is counted as an error and the thread runs unpinned), and joins them
 * at shutdown.
 */
final class HandlerThreads implements ThreadFactory
{
    private static final Logger LOG = LoggerFactory.getLogger(HandlerThreads.class);

    private final List<Integer> cpus;
    private final EngineCounters counters;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<String> pinningRefused = new CopyOnWriteArrayList<>();

    HandlerThreads(final List<Integer> cpus, final EngineCounters counters)
    {
        this.cpus = cpus;
        this.counters = counters;
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final int index = threads.size();
        final Runnable body = index >= cpus.size() ? runnable : () ->
        {
            final String refused = CpuPinning.pinCurrentThread(cpus.get(index));
            if (refused != null)
            {
                pinningRefused.add(refused);
                counters.recordError(new IllegalStateException(refused));
                LOG.warn(refused);
            }
            runnable.run();
        };
        final Thread thread = new Thread(body, "fathom-handler-" + index);
        threads.add(thread);
        return thread;
    }

    /** Waits for every handler thread to end, up to the deadline; returns whether all did. */
    boolean join(final NanoClock clock, final long deadlineNs)
    {
        boolean ok = true;
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - clock.nanoTime())));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            ok &= !thread.isAlive();
        }
        return ok;
    }

    /** Threads the host would not pin as asked, with why. */
    List<String> pinningRefused()
    {
        return List.copyOf(pinningRefused);
    }
}
