package io.fathom.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.errors.ErrorConsumer;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a {@code counters.dat} from another process: the engine's counters and distinct errors,
 * live or after it exited or crashed.
 */
public final class CountersFileReader implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final CountersFile file;
    private final CountersReader counters;

    public CountersFileReader(final File runDir)
    {
        final File path = new File(runDir, CountersFile.FILE_NAME);
        if (!path.isFile())
        {
            throw new IllegalArgumentException("no " + CountersFile.FILE_NAME + " in " + runDir +
                " (is this an engine's --run-dir?)");
        }
        mapped = IoUtil.mapExistingFile(path, FileChannel.MapMode.READ_ONLY, CountersFile.FILE_NAME);
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        if (mapped.capacity() < CountersFile.HEADER_LENGTH || mapped.getInt(CountersFile.MAGIC_OFFSET) != CountersFile.MAGIC)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException(path + " is not a Fathom counters file (or is still being created)");
        }
        final int version = mapped.getInt(CountersFile.VERSION_OFFSET);
        if (version != CountersFile.VERSION)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException(path + " has layout version " + version + "; this tool reads " +
                CountersFile.VERSION);
        }
        file = new CountersFile(mapped, mapped.getInt(CountersFile.VALUES_LENGTH_OFFSET),
            mapped.getInt(CountersFile.METADATA_LENGTH_OFFSET), mapped.getInt(CountersFile.ERROR_LOG_LENGTH_OFFSET));
        counters = new CountersReader(file.metadata(), file.values());
    }

    public CountersReader counters()
    {
        return counters;
    }

    public long pid()
    {
        return file.pid();
    }

    public long startEpochMs()
    {
        return file.startEpochMs();
    }

    public long heartbeatEpochMs()
    {
        return file.heartbeatEpochMs();
    }

    /** @return the number of distinct errors. */
    public int readErrors(final ErrorConsumer consumer)
    {
        return ErrorLogReader.read(file.errorLog(), consumer);
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
