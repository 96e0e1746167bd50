package io.fathom.bench;

import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads received frames from the real recordings in {@code ../shared/realdata} for benchmarks. */
final class RealFrames
{
    private RealFrames()
    {
    }

    /** Received frames of a recording whose payload contains {@code marker}. */
    static List<byte[]> load(final String fileName, final String marker)
    {
        final List<byte[]> frames = loadAll(fileName, marker);
        if (frames.isEmpty())
        {
            throw new IllegalStateException("no frames with " + marker + " in " + realdata().resolve(fileName));
        }
        return frames;
    }

    /** Every received frame of a recording. */
    static List<byte[]> loadAll(final String fileName)
    {
        return loadAll(fileName, "");
    }

    private static List<byte[]> loadAll(final String fileName, final String marker)
    {
        final Path path = realdata().resolve(fileName);
        final List<byte[]> frames = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(path))
        {
            while (reader.next())
            {
                if (reader.type() == RecordType.RECEIVED)
                {
                    final String payload = reader.payloadAsString();
                    if (payload.contains(marker))
                    {
                        frames.add(payload.getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return frames;
    }

    static Path realdata()
    {
        final String configured = System.getProperty("fathom.realdata");
        for (final String candidate : new String[]{ configured, "../shared/realdata", "../../shared/realdata" })
        {
            if (candidate != null && Files.isDirectory(Path.of(candidate)))
            {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException(
            "real recordings not found: run from the repository root or set -Dfathom.realdata=DIR");
    }
}
