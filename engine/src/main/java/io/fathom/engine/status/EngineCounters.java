package io.fathom.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The engine's counters in a memory-mapped file ({@code counters.dat} in the run directory), so
 * another process can read them live and after a crash.
 *
 * <p>File layout: the values region ({@link #CAPACITY} x {@link CountersReader#COUNTER_LENGTH})
 * followed by the metadata region ({@link #CAPACITY} x {@link CountersReader#METADATA_LENGTH}).
 * System counters are allocated first, in {@link SystemCounter} id order, so their counter ids equal
 * their enum ids. Closing keeps the values in the file (for a reader after exit) and unmaps it:
 * every writer must be stopped first.
 */
public final class EngineCounters implements AutoCloseable
{
    public static final String FILE_NAME = "counters.dat";
    public static final int CAPACITY = 1024;
    public static final int VALUES_LENGTH = CAPACITY * CountersReader.COUNTER_LENGTH;
    public static final int METADATA_LENGTH = CAPACITY * CountersReader.METADATA_LENGTH;

    private final MappedByteBuffer mapped;
    private final CountersManager manager;
    private final AtomicCounter[] system;
    private final long[] finalValues;
    private volatile boolean closed;

    public EngineCounters(final File runDir)
    {
        final File file = new File(runDir, FILE_NAME);
        IoUtil.deleteIfExists(file);
        mapped = IoUtil.mapNewFile(file, VALUES_LENGTH + METADATA_LENGTH);
        final UnsafeBuffer values = new UnsafeBuffer(mapped, 0, VALUES_LENGTH);
        final UnsafeBuffer metadata = new UnsafeBuffer(mapped, VALUES_LENGTH, METADATA_LENGTH);
        manager = new CountersManager(metadata, values);
        final SystemCounter[] all = SystemCounter.values();
        system = new AtomicCounter[all.length];
        finalValues = new long[all.length];
        for (final SystemCounter counter : all)
        {
            final AtomicCounter atomicCounter = manager.newCounter(counter.label(), 0);
            if (atomicCounter.id() != counter.id())
            {
                throw new IllegalStateException("counter id mismatch for " + counter);
            }
            system[counter.id()] = atomicCounter;
        }
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
