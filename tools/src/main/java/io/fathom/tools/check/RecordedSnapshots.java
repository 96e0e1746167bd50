package io.fathom.tools.check;

import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST snapshots a recording holds, per symbol in the order they were received, so that a check can
 * answer a book's snapshot request with the next one, no earlier than the stream reaches its receive time.
 */
final class RecordedSnapshots
{
    private static final Pattern SYMBOL_PARAM = Pattern.compile("[?&]symbol=([A-Za-z0-9_\\-]+)");

    /** One recorded REST snapshot: when it was received and its body. */
    private record RestSnapshot(long receivedNs, byte[] body)
    {
    }

    private final Map<String, ArrayDeque<RestSnapshot>> bySymbol = new HashMap<>();

    private RecordedSnapshots()
    {
    }

    /**
     * Reads every HTTP record of {@code http}; a record whose URL names no symbol is added to {@code problems}
     * and skipped.
     */
    static RecordedSnapshots read(final Path http, final List<String> problems) throws IOException
    {
        final RecordedSnapshots snapshots = new RecordedSnapshots();
        try (RecordingReader reader = RecordingReader.open(http))
        {
            while (reader.next())
            {
                if (reader.type() != RecordType.HTTP)
                {
                    continue;
                }
                final Matcher m = SYMBOL_PARAM.matcher(reader.url());
                if (!m.find())
                {
                    problems.add(http + " line " + reader.lineNumber() + ": no symbol= in " + reader.url());
                    continue;
                }
                snapshots.bySymbol.computeIfAbsent(m.group(1).toUpperCase(Locale.ROOT), k -> new ArrayDeque<>())
                    .add(new RestSnapshot(reader.timestampNs(), reader.payloadAsString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return snapshots;
    }

    boolean isEmpty()
    {
        return bySymbol.isEmpty();
    }

    /** Whether a snapshot of {@code symbol} is left to answer a request with. */
    boolean hasMore(final String symbol)
    {
        final ArrayDeque<RestSnapshot> recorded = bySymbol.get(symbol);
        return recorded != null && !recorded.isEmpty();
    }

    /**
     * Takes the next snapshot of {@code symbol} if it was received at or before {@code nowNs}.
     *
     * @return its body, or null when the next one is still ahead of the stream (or none is left).
     */
    byte[] takeDue(final String symbol, final long nowNs)
    {
        final ArrayDeque<RestSnapshot> recorded = bySymbol.get(symbol);
        if (recorded == null || recorded.isEmpty() || recorded.peek().receivedNs() > nowNs)
        {
            return null;
        }
        return recorded.poll().body();
    }
}
