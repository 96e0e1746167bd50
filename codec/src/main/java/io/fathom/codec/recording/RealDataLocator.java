package io.fathom.codec.recording;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real exchange recordings kept in the repository's {@code data/realdata} folder, the one place
 * the codec, engine and tools tests and the benchmarks look for them.
 *
 * <p>The folder is the system property {@value #PROPERTY} when it is set (the build sets it for every test
 * from the repository root), otherwise {@value #DEFAULT_DIR} relative to the working directory, which is
 * where it is when a benchmark jar is run from the repository root. Nothing else is tried: a missing folder
 * or file throws {@link IllegalStateException} naming the property and the path, so a test that needs a
 * recording fails rather than skips or silently reads another copy. Stateless and thread-safe.
 */
public final class RealDataLocator
{
    /** The system property that names the recordings folder. */
    public static final String PROPERTY = "fathom.realdata";

    /** The folder used when {@link #PROPERTY} is not set, relative to the working directory. */
    public static final String DEFAULT_DIR = "data/realdata";

    private RealDataLocator()
    {
    }

    /**
     * The recordings folder.
     *
     * @return the folder named by {@link #PROPERTY}, or {@link #DEFAULT_DIR} when the property is not set.
     * @throws IllegalStateException if that folder does not exist.
     */
    public static Path dir()
    {
        return dir(System.getProperty(PROPERTY), Path.of(""));
    }

    /**
     * A recording by file name, such as {@code okx_v5_books_3inst.ws.txt}.
     *
     * @throws IllegalStateException if the folder or the file does not exist.
     */
    public static Path file(final String name)
    {
        return file(dir(), name);
    }

    /**
     * The recordings folder given the value of {@link #PROPERTY} (or {@code null}) and the working directory.
     *
     * @throws IllegalStateException if that folder does not exist.
     */
    static Path dir(final String configured, final Path workingDir)
    {
        final Path dir = null != configured ? Path.of(configured) : workingDir.resolve(DEFAULT_DIR);
        if (!Files.isDirectory(dir))
        {
            final String source = null != configured ?
                "-D" + PROPERTY + "=" + configured :
                PROPERTY + " not set, so " + DEFAULT_DIR + " under the working directory";
            throw new IllegalStateException("real recordings folder not found: " +
                dir.toAbsolutePath().normalize() + " (" + source + "); run from the repository root or set -D" +
                PROPERTY + "=<folder>");
        }
        return dir;
    }

    /**
     * A recording by file name in the given folder.
     *
     * @throws IllegalStateException if the file does not exist.
     */
    static Path file(final Path dir, final String name)
    {
        final Path file = dir.resolve(name);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("real recording " + name + " not found: " +
                file.toAbsolutePath().normalize() + " (folder from " + PROPERTY + " or " + DEFAULT_DIR + ")");
        }
        return file;
    }
}
