package io.fathom.codec;

import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Locates and loads the real exchange recordings in {@code shared/realdata}. A missing file fails the
 * calling test; nothing is skipped silently.
 */
public final class RealData
{
    public static final String PROPERTY = "fathom.realdata";

    /** One recorded line: its type, url and raw payload text. */
    public record Frame(RecordType type, String url, long timestampNanos, byte[] payload, long lineNumber)
    {
        public String text()
        {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private RealData()
    {
    }

    public static Path file(final String name)
    {
        final List<Path> tried = new ArrayList<>();
        final String property = System.getProperty(PROPERTY);
        if (null != property)
        {
            tried.add(Paths.get(property));
        }
        tried.add(Paths.get("..", "shared", "realdata"));
        tried.add(Paths.get("..", "..", "shared", "realdata"));

        for (final Path dir : tried)
        {
            final Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate))
            {
                return candidate;
            }
        }
        return fail("real-data recording " + name + " not found; looked in " +
            tried.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList() +
            " (set -D" + PROPERTY + "=<dir>)");
    }

    public static List<Frame> frames(final String name)
    {
        final List<Frame> frames = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(file(name)))
        {
            while (reader.next())
            {
                final byte[] payload = new byte[reader.payloadLength()];
                reader.payload().getBytes(reader.payloadOffset(), payload);
                frames.add(new Frame(
                    reader.type(), reader.url(), reader.timestampNanos(), payload, reader.lineNumber()));
            }
        }
        catch (final IOException ex)
        {
            return fail("cannot read " + name, ex);
        }
        return frames;
    }

    public static List<Frame> frames(final String name, final RecordType type)
    {
        return frames(name).stream().filter(f -> f.type() == type).toList();
    }
}
