package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.UnrepresentableValues;
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
    /** The distinct-error log's record of a rejected frame; no stack trace, the message says it all. */
    static final class FrameRejectedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        FrameRejectedException(final String message)
        {
            super(message, null, false, false);
        }
    }

    private static final int EXCERPT_BYTES = 200;

    private final Logger log;
    private final String source;
    private final io.fathom.engine.status.EngineCounters counters;
    private final EnumSet<DecodeResult> seen = EnumSet.noneOf(DecodeResult.class);
    private boolean unknownSymbolSeen;
    private final java.util.BitSet unrepresentableSeen = new java.util.BitSet();

    DecodeErrorLog(final Logger log, final String source, final io.fathom.engine.status.EngineCounters counters)
    {
        this.log = log;
        this.source = source;
        this.counters = counters;
    }

    void decodeError(final DecodeResult result, final int errorOffset, final DirectBuffer buffer, final int length)
    {
        if (seen.add(result))
        {
            final int excerpt = Math.min(length, EXCERPT_BYTES);
            final String frame = buffer.getStringWithoutLengthAscii(0, excerpt) + (excerpt < length ? "..." : "");
            log.warn("{}: rejected frame ({} at byte {} of {}): {}", source, result, errorOffset, length, frame);
            counters.recordError(new FrameRejectedException(result + " at byte " + errorOffset + " of a " + length +
                "-byte frame: " + frame));
        }
    }

    /** A message over the frame limit, refused by the transport before any of it was decoded. */
    void frameTooLarge()
    {
        if (seen.add(DecodeResult.FRAME_TOO_LARGE))
        {
            final String message = DecodeResult.FRAME_TOO_LARGE + ": a message over " +
                io.fathom.codec.json.JsonScanner.MAX_FRAME_LENGTH + " bytes, refused unread; the connection closes (1009)";
            log.warn("{}: rejected frame ({})", source, message);
            counters.recordError(new FrameRejectedException(message));
        }
    }

    /** A value an instrument's scales cannot hold: the first of each instrument is logged with value and scales. */
    void unrepresentable(
        final int instrumentId,
        final String symbol,
        final DirectBuffer buffer,
        final int errorOffset,
        final int length,
        final int priceScale,
        final int quantityScale)
    {
        if (unrepresentableSeen.get(instrumentId))
        {
            return;
        }
        unrepresentableSeen.set(instrumentId);
        final String message = UnrepresentableValues.describe(symbol,
            UnrepresentableValues.valueAt(buffer, errorOffset, length), priceScale, quantityScale);
        log.warn("{}: {}", source, message);
        counters.recordError(new FrameRejectedException(message));
    }

    void unknownSymbol(final DepthMessage message)
    {
        if (!unknownSymbolSeen)
        {
            unknownSymbolSeen = true;
            log.warn("{}: depth for a symbol not subscribed here: {}", source, message.symbolAsString());
            counters.recordError(new FrameRejectedException("depth for a symbol not held: " + message.symbolAsString()));
        }
    }
}
