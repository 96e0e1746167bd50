package io.fathom.engine.journal;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;

/**
 * How many bytes the journal's filesystem still has for this process: read on a cadence by {@link JournalSpace},
 * behind an interface so a test can shrink and restore it at will.
 */
@FunctionalInterface
public interface UsableSpace
{
    /** @return the bytes still usable; may block briefly (one {@code statvfs}). */
    long usableBytes() throws IOException;

    /** The usable space of the filesystem holding {@code directory} ({@link FileStore#getUsableSpace()}). */
    static UsableSpace of(final File directory)
    {
        return new UsableSpace()
        {
            private FileStore store;

            @Override
            public long usableBytes() throws IOException
            {
                if (store == null)
                {
                    store = Files.getFileStore(directory.toPath());
                }
                return store.getUsableSpace();
            }
        };
    }
}
