package io.fathom.tools.check;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;
import io.fathom.codec.venue.FrameDecoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a check must know of a recording before it replays it: the instruments to report on and the depth
 * the client subscribed to. Each is one pass over the file.
 */
final class RecordingSurvey
{
    private static final Pattern DEPTH = Pattern.compile("\"depth\"\\s*:\\s*(\\d+)");
    private static final int KRAKEN_DEFAULT_DEPTH = 10;

    private RecordingSurvey()
    {
    }

    /**
     * The instruments the client subscribed to and those with depth messages, in order of first appearance:
     * one subscribed to but never received is reported as never synced rather than left out.
     *
     * @param scratch a message to decode into; its content is left undefined.
     */
    static Set<String> symbols(final Venue venue, final ScaleCatalogue catalogue, final Path ws, final DepthMessage scratch)
        throws IOException
    {
        final Set<String> symbols = new LinkedHashSet<>();
        final FrameDecoder scout = FrameDecoder.forVenue(venue, catalogue);
        final SubscribedSymbols subscribed = new SubscribedSymbols(venue);
        try (RecordingReader reader = RecordingReader.open(ws))
        {
            while (reader.next())
            {
                subscribed.addFrom(reader, symbols);
                if (reader.type() != RecordType.RECEIVED ||
                    scout.decodeFrame(reader.payload(), reader.payloadOffset(), reader.payloadLength(), scratch) !=
                    DecodeResult.DEPTH)
                {
                    continue;
                }
                symbols.add(scratch.symbolAsString());
                for (int i = 1, n = scout.messageCount(); i < n; i++)
                {
                    if (scout.decodeMessage(i, scratch) == DecodeResult.DEPTH)
                    {
                        symbols.add(scratch.symbolAsString());
                    }
                }
            }
        }
        return symbols;
    }

    /** The depth of the recording's book subscription, or Kraken's default 10 when it names none. */
    static int subscribedDepth(final Path ws) throws IOException
    {
        try (RecordingReader reader = RecordingReader.open(ws))
        {
            while (reader.next())
            {
                if (reader.type() == RecordType.SENT)
                {
                    final Matcher m = DEPTH.matcher(reader.payloadAsString());
                    if (m.find())
                    {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
        }
        return KRAKEN_DEFAULT_DEPTH;
    }
}
