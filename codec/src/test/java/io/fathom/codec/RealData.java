package io.fathom.codec;

import io.fathom.codec.recording.RealDataLocator;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Loads the frames of the real exchange recordings in {@code data/realdata}, found by {@link RealDataLocator}.
 * A missing file fails the calling test; nothing is skipped.
 */
public final class RealData
{
    /** One recorded line: its type, url and raw payload text. */
    public record Frame(RecordType type, String url, long timestampNs, byte[] payload, long lineNumber)
    {
        public String text()
        {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private RealData()
    {
    }

    /** A recording by file name, from {@link RealDataLocator}; a missing file fails the calling test. */
    public static Path file(final String name)
    {
        return RealDataLocator.file(name);
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
                    reader.type(), reader.url(), reader.timestampNs(), payload, reader.lineNumber()));
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
