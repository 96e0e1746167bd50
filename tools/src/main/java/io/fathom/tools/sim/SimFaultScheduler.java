package io.fathom.tools.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link SimFaultSchedule} against a simulator's {@link SimFaults} on one thread of its own, and
 * reports each action as it fires: {@code fault: drop-all at 10.0s (500 connections)}, the time counted
 * from the start given. Owned and closed by the {@link Simulator}; {@link #close()} is idempotent and
 * returns once the thread has ended.
 */
final class SimFaultScheduler implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SimFaultScheduler.class);
    private static final long JOIN_TIMEOUT_MS = 2_000;

    private final SimFaultSchedule schedule;
    private final SimFaults faults;
    private final Consumer<String> log;
    private final ScheduledThreadPoolExecutor executor;
    private long startNs;

    SimFaultScheduler(final SimFaultSchedule schedule, final SimFaults faults, final Consumer<String> log)
    {
        this.schedule = schedule;
        this.faults = faults;
        this.log = log;
        this.executor = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "fathom-sim-faults");
            thread.setDaemon(true);
            return thread;
        });
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Schedules every entry at {@code startNs} plus its time, repeating at the schedule's period if any.
     */
    void start(final long startNs)
    {
        this.startNs = startNs;
        final long periodNs = schedule.repeatPeriod().toNanos();
        for (final SimFaultSchedule.Entry entry : schedule.entries())
        {
            final long delayNs = Math.max(0, startNs + entry.at().toNanos() - System.nanoTime());
            if (periodNs > 0)
            {
                executor.scheduleAtFixedRate(() -> fire(entry), delayNs, periodNs, TimeUnit.NANOSECONDS);
            }
            else
            {
                executor.schedule(() -> fire(entry), delayNs, TimeUnit.NANOSECONDS);
            }
        }
    }

    public void close()
    {
        executor.shutdownNow();
        try
        {
            if (!executor.awaitTermination(JOIN_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                LOG.warn("fault scheduler did not stop within {} ms", JOIN_TIMEOUT_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void fire(final SimFaultSchedule.Entry entry)
    {
        try
        {
            final String effect = apply(entry);
            final double elapsedSeconds = (System.nanoTime() - startNs) / 1e9;
            log.accept(String.format(Locale.ROOT, "fault: %s at %.1fs%s", entry.description(), elapsedSeconds, effect));
        }
        catch (final RuntimeException ex)
        {
            // a periodic task that throws is never run again; keep the schedule going
            LOG.error("fault {} failed", entry, ex);
        }
    }

    /**
     * @return what the action did, when that is not evident from the entry: "" or " (...)".
     */
    private String apply(final SimFaultSchedule.Entry entry)
    {
        switch (entry.action())
        {
            case DROP_ALL:
                final int dropped = faults.dropAll();
                return " (" + dropped + (dropped == 1 ? " connection)" : " connections)");
            case DROP_ONE:
                return faults.dropOneConnection() ? "" : " (none open)";
            case STALL:
                faults.stall(entry.duration());
                return "";
            case NO_PONG:
                faults.stopAnsweringPings(entry.duration());
                return "";
            case MALFORMED:
                faults.malformedFrames(entry.count());
                return "";
            case GAP:
                faults.skipSequence(entry.count());
                return "";
            case CORRUPT:
                faults.corruptChecksums(entry.count());
                return "";
            case SLOW_REST:
                faults.slowRest(entry.duration());
                return "";
            case TOO_MANY_REQUESTS:
                faults.rest429(entry.count(), entry.retryAfterSeconds());
                return "";
            case CLEAR:
                faults.clear();
                return "";
            default:
                throw new IllegalStateException("unhandled fault action " + entry.action());
        }
    }
}
