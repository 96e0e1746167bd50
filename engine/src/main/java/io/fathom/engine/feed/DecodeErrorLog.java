package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;

import java.util.EnumSet;

/**
 * Logs the first frame of each distinct decode failure on one connection, with where it failed;
 * later occurrences are only counted (by the caller's counters), so a hostile stream cannot flood
 * the log or allocate per frame.
 */
final class DecodeErrorLog
{
    private static final int EXCERPT_BYTES = 200;

    private final Logger log;
    private final String source;
    private final EnumSet<DecodeResult> seen = EnumSet.noneOf(DecodeResult.class);
    private boolean unknownSymbolSeen;

    DecodeErrorLog(final Logger log, final String source)
    {
        this.log = log;
        this.source = source;
    }

    void decodeError(final DecodeResult result, final int errorOffset, final DirectBuffer buffer, final int length)
    {
        if (seen.add(result))
        {
            final int excerpt = Math.min(length, EXCERPT_BYTES);
            log.warn("{}: rejected frame ({} at byte {} of {}): {}{}", source, result, errorOffset, length,
                buffer.getStringWithoutLengthAscii(0, excerpt), excerpt < length ? "..." : "");
        }
    }

    void unknownSymbol(final DepthMessage message)
    {
        if (!unknownSymbolSeen)
        {
            unknownSymbolSeen = true;
            log.warn("{}: depth for a symbol not subscribed here: {}", source, message.symbolAsString());
        }
    }
}
