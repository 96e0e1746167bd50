package io.fathom.engine.journal;

/**
 * Chronicle Queue's defaults that a trading host does not want, switched off before Chronicle first
 * runs, so that nothing phones home and nothing is written to the user's home directory:
 * <ul>
 *   <li>usage analytics: with {@code chronicle-analytics} on the classpath, an open-source build writes
 *   {@code ~/.chronicle.analytics.client.id} and posts to Google Analytics when a queue opens;</li>
 *   <li>the start-up announcement on stdout;</li>
 *   <li>where JNA, which Chronicle loads for its native calls, unpacks its library: by default
 *   {@code ~/.cache/JNA/temp} on Linux; here {@code java.io.tmpdir}, whose file JNA deletes once loaded.</li>
 * </ul>
 * An operator who sets any of these properties keeps their value. Every class here that opens a queue
 * calls {@link #apply()} from its static initialiser, so an engine embedded as a library is as quiet as
 * the {@code fathom} command line, which calls it first thing.
 */
public final class ChronicleDefaults
{
    public static final String ANALYTICS_DISABLE = "chronicle.analytics.disable";
    public static final String ANNOUNCER_DISABLE = "chronicle.announcer.disable";
    public static final String JNA_TMPDIR = "jna.tmpdir";

    private ChronicleDefaults()
    {
    }

    /** Sets each property that is not already set; idempotent and cheap. */
    public static void apply()
    {
        setIfAbsent(ANALYTICS_DISABLE, "true");
        setIfAbsent(ANNOUNCER_DISABLE, "true");
        setIfAbsent(JNA_TMPDIR, System.getProperty("java.io.tmpdir"));
    }

    private static void setIfAbsent(final String property, final String value)
    {
        if (System.getProperty(property) == null && value != null)
        {
            System.setProperty(property, value);
        }
    }
}
