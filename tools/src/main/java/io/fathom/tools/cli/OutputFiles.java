package io.fathom.tools.cli;

import java.io.File;

/** Checks, before anything starts, that a file a command writes only at its end can be written there. */
public final class OutputFiles
{
    private OutputFiles()
    {
    }

    /** @throws IllegalArgumentException naming the option unless the file can be created or replaced. */
    public static void requireWritable(final String option, final File file)
    {
        final File parent = file.getAbsoluteFile().getParentFile();
        if (file.isDirectory() || parent == null || !parent.isDirectory() || !parent.canWrite() ||
            (file.exists() && !file.canWrite()))
        {
            throw new IllegalArgumentException(
                option + " must be a writable file in an existing directory (got " + file + ")");
        }
    }
}
