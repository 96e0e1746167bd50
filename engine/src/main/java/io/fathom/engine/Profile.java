package io.fathom.engine;

import java.util.Locale;

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

    /** The profile's id: its name in lower case with a hyphen, e.g. {@code low-latency}. */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
