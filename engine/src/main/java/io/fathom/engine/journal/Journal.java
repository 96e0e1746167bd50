package io.fathom.engine.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;

import java.io.File;

/**
 * The Chronicle Queue directory the engine journals to, rolled daily.
 *
 * <p>Each writing thread takes its own {@link JournalWriter}: Chronicle appenders are single-threaded.
 */
public final class Journal implements AutoCloseable
{
    static
    {
        // A trading host does not phone home: Chronicle's usage analytics stay off unless asked for.
        if (System.getProperty("chronicle.analytics.disable") == null)
        {
            System.setProperty("chronicle.analytics.disable", "true");
        }
        if (System.getProperty("chronicle.announcer.disable") == null)
        {
            System.setProperty("chronicle.announcer.disable", "true");
        }
    }

    private final ChronicleQueue queue;
    private final File directory;

    public Journal(final File directory)
    {
        this.directory = directory;
        this.queue = ChronicleQueue.singleBuilder(directory).rollCycle(RollCycles.FAST_DAILY).build();
    }

    public File directory()
    {
        return directory;
    }

    public JournalWriter newWriter()
    {
        return new JournalWriter(queue.createAppender());
    }

    public ChronicleQueue queue()
    {
        return queue;
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
