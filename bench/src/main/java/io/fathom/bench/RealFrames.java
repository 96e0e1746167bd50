package io.fathom.bench;

import io.fathom.codec.recording.RealDataLocator;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads received frames from the real recordings in {@code data/realdata} for benchmarks; run the benchmark
 * jar from the repository root, or name the folder with {@code -jvmArgsAppend -Dfathom.realdata=<folder>}.
 */
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
            throw new IllegalStateException("no frames with " + marker + " in " + RealDataLocator.file(fileName));
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
        final Path path = RealDataLocator.file(fileName);
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
}
