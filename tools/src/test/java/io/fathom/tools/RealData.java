package io.fathom.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the real exchange recordings beside the project ({@code ../shared/realdata}). */
public final class RealData
{
    private RealData()
    {
    }

    /** A recording by file name; fails the test when the recordings are not there. */
    public static Path file(final String name)
    {
        final Path file = dir().resolve(name);
        if (!Files.isRegularFile(file))
        {
            throw new AssertionError("recording not found: " + file);
        }
        return file;
    }

    public static Path dir()
    {
        final List<Path> candidates = new ArrayList<>();
        final String configured = System.getProperty("fathom.realdata");
        if (configured != null)
        {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/realdata"));
        candidates.add(Path.of("../../shared/realdata"));
        for (final Path candidate : candidates)
        {
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        throw new AssertionError("real exchange recordings not found; looked in " + candidates);
    }
}
