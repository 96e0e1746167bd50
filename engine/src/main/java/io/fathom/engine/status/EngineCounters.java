package io.fathom.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * The engine's counters and distinct-error log in a memory-mapped {@link CountersFile}
 * ({@code counters.dat} in the run directory), so another process can read them live and after
 * a crash. System counters are allocated first, in {@link SystemCounter} id order, so their
 * counter ids equal their enum ids; a set of counters per feed and per connection follows. The file
 * is sized for the run's feeds and connections ({@link CountersSize}); should it fill up all the same,
 * a new counter still works but is kept outside the file, and
 * {@link SystemCounter#COUNTERS_NOT_IN_FILE} says how many are.
 *
 * <p>Closing keeps the values in the file (for a reader after exit) and fixes the values {@link #value}
 * reports. It does not unmap the file: a transport's read thread cannot be stopped in the middle of a buffer
 * it has read, so after the engine has aborted a socket it may still hand over a frame and count it, and a
 * write to an unmapped page would crash the process. The mapping is released with the last reference.
 */
public final class EngineCounters implements AutoCloseable
{
    public static final String FILE_NAME = CountersFile.FILE_NAME;

    private final CountersSize size;
    private final MappedByteBuffer mapped;
    private final CountersFile file;
    private final CountersManager manager;
    private final DistinctErrorLog errorLog;
    private final AtomicCounter[] system;
    private final long[] finalValues;
    private volatile boolean closed;

    /** A file of {@link CountersSize#DEFAULT} size, for tools and tests that make few counters. */
    public EngineCounters(final File runDir)
    {
        this(runDir, CountersSize.DEFAULT);
    }

    /** A file of the given size; an engine passes {@link CountersSize#forFeeds} of its feeds. */
    public EngineCounters(final File runDir, final CountersSize size)
    {
        this.size = size;
        final File path = new File(runDir, FILE_NAME);
        IoUtil.deleteIfExists(path);
        mapped = IoUtil.mapNewFile(path, size.fileLength());
        file = new CountersFile(mapped, size.valuesLength(), size.metadataLength(), size.errorLogLength());
        manager = new CountersManager(file.metadata(), file.values());
        errorLog = new DistinctErrorLog(file.errorLog(), SystemEpochClock.INSTANCE);
        system = new AtomicCounter[SystemCounter.idLimit()];
        finalValues = new long[system.length];
        int nextId = 0;
        for (final SystemCounter counter : SystemCounter.values())
        {
            for (int reserved = nextId; reserved < counter.id(); reserved++)
            {
                manager.newCounter(CountersFile.RESERVED_LABEL, CountersFile.RESERVED_TYPE);
            }
            final AtomicCounter atomicCounter = manager.newCounter(counter.label(), CountersFile.SYSTEM_TYPE);
            nextId = counter.id() + 1;
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

    public CountersSize size()
    {
        return size;
    }

    /**
     * A new counter, e.g. one of a feed's, labelled for readers such as {@code fathom stat}. When the
     * file is full the counter is kept in memory only, counted by {@link SystemCounter#COUNTERS_NOT_IN_FILE}.
     */
    public AtomicCounter newCounter(final int typeId, final String label)
    {
        if (manager.available() > 0)
        {
            return manager.newCounter(label, typeId);
        }
        system[SystemCounter.COUNTERS_NOT_IN_FILE.id()].increment();
        return new AtomicCounter(new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH)), 0);
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
                finalValues[i] = null == system[i] ? 0 : system[i].get();
            }
            closed = true;
            mapped.force();
        }
    }
}
