package io.fathom.engine.journal;

import java.util.Locale;

/** What the engine does when its journal's disk runs short of space. */
public enum JournalFullPolicy
{
    /** Journaling is suspended, counted and marked; the books carry on (the default). */
    SUSPEND,
    /** Journaling is suspended as for {@link #SUSPEND} and the engine asks its owner to shut it down in order. */
    STOP;

    /** The policy named {@code suspend} or {@code stop} (any case), or null. */
    public static JournalFullPolicy find(final String name)
    {
        for (final JournalFullPolicy policy : values())
        {
            if (policy.name().equalsIgnoreCase(name.trim()))
            {
                return policy;
            }
        }
        return null;
    }

    /** The name the command line uses. */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
