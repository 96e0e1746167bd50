package io.fathom.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The engine's counters and distinct-error log in a memory-mapped {@link CountersFile}
 * ({@code counters.dat} in the run directory), so another process can read them live and after
 * a crash. System counters are allocated first, in {@link SystemCounter} id order, so their
 * counter ids equal their enum ids; a set of counters per feed follows.
 *
 * <p>Closing keeps the values in the file (for a reader after exit) and unmaps it: every writer
 * must be stopped first.
 */
public final class EngineCounters implements AutoCloseable
{
    public static final String FILE_NAME = CountersFile.FILE_NAME;
    public static final int CAPACITY = 8192;
    public static final int VALUES_LENGTH = CAPACITY * CountersReader.COUNTER_LENGTH;
    public static final int METADATA_LENGTH = CAPACITY * CountersReader.METADATA_LENGTH;
    public static final int ERROR_LOG_LENGTH = 1024 * 1024;

    private final MappedByteBuffer mapped;
    private final CountersFile file;
    private final CountersManager manager;
    private final DistinctErrorLog errorLog;
    private final AtomicCounter[] system;
    private final long[] finalValues;
    private volatile boolean closed;

    public EngineCounters(final File runDir)
    {
        final File path = new File(runDir, FILE_NAME);
        IoUtil.deleteIfExists(path);
        mapped = IoUtil.mapNewFile(path, CountersFile.totalLength(VALUES_LENGTH, METADATA_LENGTH, ERROR_LOG_LENGTH));
        file = new CountersFile(mapped, VALUES_LENGTH, METADATA_LENGTH, ERROR_LOG_LENGTH);
        manager = new CountersManager(file.metadata(), file.values());
        errorLog = new DistinctErrorLog(file.errorLog(), SystemEpochClock.INSTANCE);
        final SystemCounter[] all = SystemCounter.values();
        system = new AtomicCounter[all.length];
        finalValues = new long[all.length];
        for (final SystemCounter counter : all)
        {
            final AtomicCounter atomicCounter = manager.newCounter(counter.label(), CountersFile.SYSTEM_TYPE);
            if (atomicCounter.id() != counter.id())
            {
                throw new IllegalStateException("counter id mismatch for " + counter);
            }
            system[counter.id()] = atomicCounter;
        }
        file.writeHeader(ProcessHandle.current().pid(), System.currentTimeMillis());
    }

    public AtomicCounter get(final SystemCounter counter)
    {
        return system[counter.id()];
    }

    /** The counter's value; after {@link #close} the value it had then. */
    public long value(final SystemCounter counter)
    {
        return closed ? finalValues[counter.id()] : system[counter.id()].get();
    }

    /** A new counter, e.g. one of a feed's, labelled for readers such as {@code fathom stat}. */
    public AtomicCounter newCounter(final int typeId, final String label)
    {
        return manager.newCounter(label, typeId);
    }

    /**
     * Records an error once per distinct cause (count, first and last time kept in the file).
     * Allocates; for error paths only.
     */
    public void recordError(final Throwable error)
    {
        if (!closed)
        {
            errorLog.record(error);
        }
    }

    /** Marks the engine alive for readers; called periodically by the engine. */
    public void heartbeat(final long epochMs)
    {
        if (!closed)
        {
            file.heartbeat(epochMs);
        }
    }

    public CountersManager manager()
    {
        return manager;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            for (int i = 0; i < system.length; i++)
            {
                finalValues[i] = system[i].get();
            }
            closed = true;
            mapped.force();
            IoUtil.unmap(mapped);
        }
    }
}
