package io.fathom.engine.journal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.File;

/**
 * The Chronicle Queue directory the engine journals to, rolled daily (UTC), with an optional
 * {@link RetentionPolicy} applied at open and then once a minute on its own thread.
 *
 * <p>Each writing thread takes its own {@link JournalWriter}: Chronicle appenders are single-threaded.
 * Every writer repeats the session's start record (flagged as a continuation) ahead of its first
 * record in a new roll-cycle file, so each file names its instruments even after older files
 * are deleted.
 */
public final class Journal implements AutoCloseable
{
    static
    {
        ChronicleDefaults.apply();
    }

    private final ChronicleQueue queue;
    private final File directory;
    private final JournalRetention retention;
    private final AutoCloseable retentionRunner;
    private JournalSpace space = JournalSpace.UNWATCHED;
    private volatile byte[] sessionStart;
    private volatile long sessionId;

    /**
     * Initialises Chronicle's shutdown hook now. Chronicle registers a JVM shutdown hook the first time a
     * queue is built; a signal handled by a shutdown hook (Agrona's {@code ShutdownSignalBarrier}) that
     * arrives before then makes that registration fail with "Shutdown in progress" and the journal cannot
     * open. Call before installing such a barrier.
     */
    public static void loadLibrary()
    {
        try
        {
            Class.forName("net.openhft.chronicle.core.io.BackgroundResourceReleaser", true, Journal.class.getClassLoader());
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException("Chronicle Core is not on the class path", ex);
        }
    }

    /** A journal that keeps everything. */
    public Journal(final File directory)
    {
        this(directory, RetentionPolicy.NONE, RetentionCounters.NONE);
    }

    /** @param counters where retention counts what it deleted. */
    public Journal(final File directory, final RetentionPolicy retention, final RetentionCounters counters)
    {
        this(directory, RollCycles.FAST_DAILY, SystemTimeProvider.INSTANCE, retention, counters);
    }

    /**
     * @param counters where retention counts what it deleted.
     * @param space    watches the disk, suspending journaling while it is short of space.
     */
    public Journal(
        final File directory, final RetentionPolicy retention, final RetentionCounters counters, final JournalSpace space)
    {
        this(directory, retention, counters);
        watchSpace(space);
    }

    /**
     * As {@link #Journal(File, RetentionPolicy, RetentionCounters, JournalSpace)}, the retention agent started by
     * {@code starter} instead of on a thread of its own: an engine whose caller invokes every agent.
     */
    public Journal(final File directory, final RetentionPolicy retention, final RetentionCounters counters,
        final JournalSpace space, final RetentionStarter starter)
    {
        this(open(directory, RollCycles.FAST_DAILY, SystemTimeProvider.INSTANCE), directory, retention, counters, starter);
        watchSpace(space);
    }

    /** With another roll cycle and clock: for tests that cross cycle boundaries in a moment. */
    Journal(
        final File directory,
        final RollCycle rollCycle,
        final TimeProvider time,
        final RetentionPolicy retention,
        final RetentionCounters counters)
    {
        this(open(directory, rollCycle, time), directory, retention, counters, RetentionStarter.OWN_THREAD);
    }

    /** Starts the retention agent, which applies the policy once a minute; closed with the journal. */
    @FunctionalInterface
    public interface RetentionStarter
    {
        /** On a thread of its own, {@code fathom-journal-retention}, sleeping 100 ms when idle. */
        RetentionStarter OWN_THREAD = agent ->
        {
            final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(100), Journal::onRetentionError,
                null, agent);
            AgentRunner.startOnThread(runner);
            return runner;
        };

        AutoCloseable start(Agent retention);
    }

    private static SingleChronicleQueue open(final File directory, final RollCycle rollCycle, final TimeProvider time)
    {
        return ChronicleQueue.singleBuilder(directory).rollCycle(rollCycle).timeProvider(time).build();
    }

    private Journal(
        final SingleChronicleQueue single,
        final File directory,
        final RetentionPolicy retention,
        final RetentionCounters counters,
        final RetentionStarter starter)
    {
        this.directory = directory;
        this.queue = single;
        try
        {
            if (retention.keepsEverything())
            {
                this.retention = null;
                this.retentionRunner = null;
            }
            else
            {
                this.retention = new JournalRetention(single, directory, single.epoch(), retention, counters);
                this.retention.apply();
                this.retentionRunner = starter.start(this.retention);
            }
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
    }

    private static void onRetentionError(final Throwable error)
    {
        org.slf4j.LoggerFactory.getLogger(Journal.class).error("journal retention failed", error);
    }

    public File directory()
    {
        return directory;
    }

    /** Watches the disk for every writer made after this call; before the first writer, from the building thread. */
    Journal watchSpace(final JournalSpace space)
    {
        this.space = space;
        return this;
    }

    /** What watches this journal's disk. */
    public JournalSpace space()
    {
        return space;
    }

    /** A writer for one thread (Chronicle appenders are single-threaded). */
    public JournalWriter newWriter()
    {
        return new JournalWriter(this, queue.createAppender(), queue.time(), queue.rollCycle().lengthInMillis(),
            ((SingleChronicleQueue)queue).epoch());
    }

    /** The underlying queue, for tools and tests that read or append raw documents. */
    public ChronicleQueue queue()
    {
        return queue;
    }

    /** The retention in force, or null when the journal keeps everything. */
    public JournalRetention retention()
    {
        return retention;
    }

    /** The current session's start record as written, for continuations; null before the first. */
    byte[] sessionStart()
    {
        return sessionStart;
    }

    long sessionId()
    {
        return sessionId;
    }

    void sessionStarted(final byte[] encoded, final long id)
    {
        sessionId = id;
        sessionStart = encoded;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(retentionRunner, queue::close);
    }
}
