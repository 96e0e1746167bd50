package io.fathom.engine;

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
    LOW_LATENCY;

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
     * {@link #LOW_LATENCY}; otherwise spinning, yielding, then parking up to 100 µs.
     */
    public IdleStrategy newIoIdleStrategy()
    {
        return this == LOW_LATENCY ? new BusySpinIdleStrategy() :
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    }

    /** The profile's id: its name in lower case with a hyphen, e.g. {@code low-latency}. */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
