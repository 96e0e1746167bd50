package io.fathom.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * A subscriber asks a publisher, on the control stream, to send books whole: the ones named, or every book it
 * has. The header's instrument id is 0 and its sequence counts the requester's requests.
 *
 * <pre>
 *  block (after the header), little-endian:
 *   0  int32  publisher session id the request is for (its Aeron session; 0: every publisher that reads it)
 *   4  int16  instrument count n, 0..{@link #MAX_INSTRUMENTS} (0: every book of the publisher)
 *   6  int16  reserved
 *  then (after the block) n x int32 instrument id, the publisher's own
 * </pre>
 */
public final class SnapshotRequest
{
    public static final int BLOCK_LENGTH = 8;
    /** Most instruments one request names; a requester with more sends several. */
    public static final int MAX_INSTRUMENTS = 256;
    /** Every publisher that reads the request answers it. */
    public static final int ANY_PUBLISHER = 0;

    private static final int SESSION_ID = 0;
    private static final int COUNT = 4;
    private static final int RESERVED = 6;
    private static final int INSTRUMENT_LENGTH = 4;

    private DirectBuffer buffer;
    private int body;
    private int instruments;

    /** Bytes of a request naming {@code count} instruments. */
    public static int length(final int count)
    {
        return WireHeader.LENGTH + BLOCK_LENGTH + count * INSTRUMENT_LENGTH;
    }

    /**
     * Writes the header and block of a request naming {@code count} instruments (0: all), to be followed by
     * {@link #putInstrument}; returns the whole message's length.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int sequence,
        final long publishNs,
        final int publisherSessionId,
        final int count)
    {
        if (count < 0 || count > MAX_INSTRUMENTS)
        {
            throw new IllegalArgumentException("instrument count must be 0.." + MAX_INSTRUMENTS + ": " + count);
        }
        WireHeader.put(buffer, offset, WireTemplate.SNAPSHOT_REQUEST, BLOCK_LENGTH, 0, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putInt(body + SESSION_ID, publisherSessionId, BYTE_ORDER);
        buffer.putShort(body + COUNT, (short)count, BYTE_ORDER);
        buffer.putShort(body + RESERVED, (short)0, BYTE_ORDER);
        return length(count);
    }

    /** Writes the {@code index}th instrument id of the request at {@code offset}. */
    public static void putInstrument(final MutableDirectBuffer buffer, final int offset, final int index, final int instrumentId)
    {
        buffer.putInt(offset + WireHeader.LENGTH + BLOCK_LENGTH + index * INSTRUMENT_LENGTH, instrumentId, BYTE_ORDER);
    }

    /**
     * Whether {@code length} bytes at {@code offset} hold a whole request of this schema (version 1 or later): the
     * template, a block at least as long as version 1's, a count in range and every instrument id it announces.
     */
    public static boolean isWellFormed(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!WireHeader.isBookWire(buffer, offset, length) || WireHeader.version(buffer, offset) < 1 ||
            WireHeader.templateId(buffer, offset) != WireTemplate.SNAPSHOT_REQUEST ||
            length < WireHeader.LENGTH + BLOCK_LENGTH)
        {
            return false;
        }
        final int blockLength = WireHeader.blockLength(buffer, offset);
        final int count = buffer.getShort(offset + WireHeader.LENGTH + COUNT, BYTE_ORDER);
        return blockLength >= BLOCK_LENGTH && count >= 0 && count <= MAX_INSTRUMENTS &&
            length >= WireHeader.LENGTH + blockLength + count * INSTRUMENT_LENGTH;
    }

    /** Reads the request at {@code offset} (its header included); check it with {@link #isWellFormed} first. */
    public SnapshotRequest wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + WireHeader.LENGTH;
        this.instruments = body + WireHeader.blockLength(buffer, offset);
        return this;
    }

    public int publisherSessionId()
    {
        return buffer.getInt(body + SESSION_ID, BYTE_ORDER);
    }

    /** Instruments named; 0 asks for every book. */
    public int instrumentCount()
    {
        return buffer.getShort(body + COUNT, BYTE_ORDER);
    }

    public int instrumentId(final int index)
    {
        return buffer.getInt(instruments + index * INSTRUMENT_LENGTH, BYTE_ORDER);
    }
}
