package io.fathom.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * A book stopped being valid, with the journal's reason ({@code io.fathom.codec.journal.BookStateRecord}
 * reasons, or 255 when the publisher closes); it is valid again with its next {@link BookSnapshot}.
 *
 * <pre>
 *  block (after the header), little-endian:
 *   0  int8   reason
 *   1  int8   reserved
 *   2  int16  reserved
 *   4  int32  reserved
 *   8  int64  update id the book had reached
 * </pre>
 */
public final class BookInvalid
{
    public static final int BLOCK_LENGTH = 16;
    public static final int LENGTH = WireHeader.LENGTH + BLOCK_LENGTH;

    private static final int REASON = 0;
    private static final int UPDATE_ID = 8;

    private DirectBuffer buffer;
    private int body;

    /** Writes a whole message (header and block) at {@code offset}; returns its length. */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final int sequence,
        final long publishNs,
        final int reason,
        final long updateId)
    {
        WireHeader.put(buffer, offset, WireTemplate.INVALID, BLOCK_LENGTH, instrumentId, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putByte(body + REASON, (byte)reason);
        buffer.putByte(body + REASON + 1, (byte)0);
        buffer.putShort(body + REASON + 2, (short)0, BYTE_ORDER);
        buffer.putInt(body + REASON + 4, 0, BYTE_ORDER);
        buffer.putLong(body + UPDATE_ID, updateId, BYTE_ORDER);
        return LENGTH;
    }

    public BookInvalid wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + WireHeader.LENGTH;
        return this;
    }

    public int reason()
    {
        return buffer.getByte(body + REASON) & 0xFF;
    }

    public long updateId()
    {
        return buffer.getLong(body + UPDATE_ID, BYTE_ORDER);
    }
}
