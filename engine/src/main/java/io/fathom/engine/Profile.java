package io.fathom.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** How the engine's handler threads wait. */
public enum Profile
{
    /** Sleeping waits: safe on a small host shared with other work (the default). */
    BALANCED,
    /** Busy-spinning handler threads, pinned to the CPUs given: for a host with cores to spare. */
    LOW_LATENCY,
    /**
     * Waits that park at once, never spinning or yielding: for an engine whose threads share one core (a
     * one-CPU VM, a {@code taskset} to one CPU), where a thread that spins or yields keeps the core from the
     * thread that has the next frame. Pinned to one CPU at 50k msg/s it cut the engine's receipt-to-applied
     * median from 0.3-1 ms to 70 µs (bench/RESULTS.md); each hop then costs a wake-up, so on a host with
     * cores to spare {@link #BALANCED} is faster.
     */
    SHARED_CORE;

    /** @return the profile of an id ({@code balanced}, {@code low-latency}), or null. */
    public static Profile find(final String name)
    {
        for (final Profile profile : values())
        {
            if (profile.id().equalsIgnoreCase(name))
            {
                return profile;
            }
        }
        return null;
    }

    /**
     * How an I/O agent of the selector transport waits when a cycle found nothing: busy-spinning under
     * {@link #LOW_LATENCY}; parking from 1 µs up to 100 µs under {@link #SHARED_CORE}; otherwise spinning,
     * yielding, then parking the same way.
     */
    public IdleStrategy newIoIdleStrategy()
    {
        if (this == LOW_LATENCY)
        {
            return new BusySpinIdleStrategy();
        }
        final int spinsAndYields = this == SHARED_CORE ? 0 : 1;
        return new BackoffIdleStrategy(100 * spinsAndYields, 10 * spinsAndYields, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MICROSECONDS.toNanos(100));
    }

    /**
     * How the ring's handlers wait for the next event: busy-spinning under {@link #LOW_LATENCY}; parking 20 µs at a
     * time under {@link #SHARED_CORE}; otherwise 100 spins and 100 yields, then parking 50 µs at a time.
     */
    public WaitStrategy newRingWaitStrategy()
    {
        switch (this)
        {
            case LOW_LATENCY:
                return new BusySpinWaitStrategy();
            case SHARED_CORE:
                return new SleepingWaitStrategy(0, TimeUnit.MICROSECONDS.toNanos(20));
            default:
                return new SleepingWaitStrategy(200, TimeUnit.MICROSECONDS.toNanos(50));
        }
    }

    /** The profile's id: its name in lower case with a hyphen, e.g. {@code low-latency}. */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
