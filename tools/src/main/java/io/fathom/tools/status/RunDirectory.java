package io.fathom.tools.status;

import io.fathom.engine.status.CountersFileReader;

import java.io.File;

/** Opens the counters file of the run directory {@code --dir} names, or says what is wrong with {@code --dir}. */
final class RunDirectory
{
    private RunDirectory()
    {
    }

    /** @throws IllegalArgumentException naming {@code --dir} when it holds no readable counters file. */
    static CountersFileReader open(final File dir)
    {
        try
        {
            return new CountersFileReader(dir);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--dir must be an engine's run directory: " + ex.getMessage(), ex);
        }
    }
}
