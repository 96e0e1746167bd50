package io.fathom.bench.simdjson;

import io.fathom.bench.jackson.JacksonDepth;

/**
 * simdjson-java as a competitor of Fathom's decoders, found at run time: its reader
 * ({@code SimdjsonVenueParsers}, in {@code src/jdk24/java}) is compiled only when the build runs on JDK 24 or
 * later (the {@code simdjson} profile of {@code bench/pom.xml}), since simdjson-java needs the Vector API of those
 * JDKs, and the rest of the module stays {@code --release 17}.
 */
public final class SimdjsonCompetitor
{
    /** One venue's reader of a whole frame into the fields Fathom decodes. */
    public interface Parser
    {
        void parse(byte[] frame, JacksonDepth out);
    }

    private static final String READERS = "io.fathom.bench.simdjson.SimdjsonVenueParsers";

    private SimdjsonCompetitor()
    {
    }

    /** Whether this build and this JVM can run simdjson-java. */
    public static boolean available()
    {
        try
        {
            Class.forName(READERS);
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        }
        catch (final ClassNotFoundException | LinkageError ex)
        {
            return false;
        }
    }

    /**
     * A reader of the venue's frames.
     *
     * @throws IllegalStateException when simdjson-java cannot run here, saying what it needs.
     */
    public static Parser forVenue(final String venue)
    {
        if (!available())
        {
            throw new IllegalStateException("simdjson-java needs the bench module built and run on JDK 24 or later " +
                "(its simdjson profile activates there) and --add-modules jdk.incubator.vector; " +
                "this is Java " + Runtime.version());
        }
        try
        {
            return (Parser)Class.forName(READERS).getMethod("forVenue", String.class).invoke(null, venue);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("simdjson-java reader for " + venue, ex);
        }
    }
}
