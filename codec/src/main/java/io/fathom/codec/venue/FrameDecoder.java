package io.fathom.codec.venue;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.instrument.ScaleCatalogue;
import org.agrona.DirectBuffer;

/**
 * One venue's WebSocket frames and REST snapshots behind one shape, so the feed thread, the recording
 * checker and the benchmarks decode every venue the same way without allocating.
 *
 * <p>A frame may hold several depth messages (a Coinbase {@code l2_data} with several products): after
 * {@link #decodeFrame} returns {@link DecodeResult#DEPTH}, {@link #messageCount()} says how many, and
 * {@link #decodeMessage} yields the others from the same, unchanged bytes. Not thread-safe: one per feed
 * thread.
 */
public interface FrameDecoder
{
    /**
     * Decodes a WebSocket text frame and its first depth message.
     *
     * @return {@link DecodeResult#DEPTH}, {@link DecodeResult#IGNORED} for a well-formed frame that is not
     * depth (acks, heartbeats, other channels), or an error with {@link #errorOffset()} set.
     */
    DecodeResult decodeFrame(DirectBuffer buffer, int offset, int length, DepthMessage out);

    /** Depth messages in the last frame {@link #decodeFrame} returned {@code DEPTH} for; 1 for most venues. */
    default int messageCount()
    {
        return 1;
    }

    /** Decodes message {@code index} (1..{@link #messageCount()}-1) of the last frame. */
    default DecodeResult decodeMessage(final int index, final DepthMessage out)
    {
        throw new IndexOutOfBoundsException("message " + index + " of 1");
    }

    /**
     * The connection-wide sequence number the last well-formed frame carried, whatever its channel, or
     * {@link DepthMessage#NO_ID} for venues that number per instrument or not at all (only Coinbase's
     * {@code sequence_num} counts every message of a connection).
     */
    default long connectionSequence()
    {
        return DepthMessage.NO_ID;
    }

    /**
     * Decodes the body of a REST depth snapshot into a {@link DepthMessage#KIND_SNAPSHOT} message without a
     * symbol (the caller asked for it).
     *
     * @throws UnsupportedOperationException for venues whose snapshots arrive on the stream.
     */
    default DecodeResult decodeSnapshot(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        throw new UnsupportedOperationException("snapshots arrive on the stream");
    }

    /**
     * Decodes a REST depth snapshot as {@link #decodeSnapshot(DirectBuffer, int, int, DepthMessage)} does, at
     * the scales of the instrument it was requested for.
     *
     * @throws UnsupportedOperationException for venues whose snapshots arrive on the stream.
     */
    default DecodeResult decodeSnapshot(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final DepthMessage out,
        final int priceScale,
        final int quantityScale)
    {
        throw new UnsupportedOperationException("snapshots arrive on the stream");
    }

    /** Where the last decode's error was detected, relative to its offset, or -1. */
    int errorOffset();

    /**
     * @param priceScale    decimals of the price mantissas produced.
     * @param quantityScale decimals of the quantity mantissas produced.
     * @return a new decoder for the venue's depth protocol.
     */
    static FrameDecoder forVenue(final Venue venue, final int priceScale, final int quantityScale)
    {
        return VenueFrameDecoders.create(venue, ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /**
     * @param catalogue each instrument's scales (and the defaults for the others), applied to a message's
     *                  levels once its symbol is read.
     * @return a new decoder for the venue's depth protocol.
     */
    static FrameDecoder forVenue(final Venue venue, final ScaleCatalogue catalogue)
    {
        return VenueFrameDecoders.create(venue, catalogue);
    }
}
