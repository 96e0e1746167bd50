package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * A book stopped being trustworthy: from here until its next sync snapshot, replay holds no book.
 *
 * <pre>
 *  body (after the header), little-endian:
 *   0  int32  instrument id
 *   4  int8   reason: 1 sequence gap, 2 crossed book, 3 connection lost, 4 book capacity exceeded
 *   5  int8   reserved
 *   6  int16  reserved
 *   8  int64  update id the book had reached
 *  16  int64  time, epoch ns
 * </pre>
 */
public final class BookStateRecord
{
    public static final int BLOCK_LENGTH = 24;
    public static final int LENGTH = JournalHeader.LENGTH + BLOCK_LENGTH;

    public static final byte REASON_GAP = 1;
    public static final byte REASON_CROSSED = 2;
    public static final byte REASON_CONNECTION_LOST = 3;
    public static final byte REASON_CAPACITY = 4;

    private static final int INSTRUMENT_ID = 0;
    private static final int REASON = 4;
    private static final int UPDATE_ID = 8;
    private static final int EPOCH_NS = 16;

    private DirectBuffer buffer;
    private int body;

    private BookStateRecord()
    {
    }

    public static BookStateRecord reader()
    {
        return new BookStateRecord();
    }

    public static String reasonName(final int reason)
    {
        switch (reason)
        {
            case REASON_GAP:
                return "gap";
            case REASON_CROSSED:
                return "crossed";
            case REASON_CONNECTION_LOST:
                return "connection_lost";
            case REASON_CAPACITY:
                return "capacity";
            default:
                return "unknown(" + reason + ")";
        }
    }

    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final byte reason,
        final long updateId,
        final long epochNs)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.BOOK_STATE.id(), BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putInt(body + INSTRUMENT_ID, instrumentId, BYTE_ORDER);
        buffer.putByte(body + REASON, reason);
        buffer.putByte(body + REASON + 1, (byte)0);
        buffer.putShort(body + REASON + 2, (short)0, BYTE_ORDER);
        buffer.putLong(body + UPDATE_ID, updateId, BYTE_ORDER);
        buffer.putLong(body + EPOCH_NS, epochNs, BYTE_ORDER);
        return LENGTH;
    }

    public BookStateRecord wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + JournalHeader.LENGTH;
        return this;
    }

    public int instrumentId()
    {
        return buffer.getInt(body + INSTRUMENT_ID, BYTE_ORDER);
    }

    public byte reason()
    {
        return buffer.getByte(body + REASON);
    }

    public long updateId()
    {
        return buffer.getLong(body + UPDATE_ID, BYTE_ORDER);
    }

    public long epochNs()
    {
        return buffer.getLong(body + EPOCH_NS, BYTE_ORDER);
    }
}
