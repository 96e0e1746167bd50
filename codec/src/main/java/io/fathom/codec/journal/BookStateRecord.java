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
 *  24  int64  first update id of the event that invalidated it (version 2; -1 when none, e.g. a
 *             lost connection): for a gap, the U that did not follow on
 *  32  int64  last update id of that event (version 2; -1 when none)
 * </pre>
 *
 * Version 1 has a 24-byte block; the triggering update ids then read as {@link #NO_ID}.
 */
public final class BookStateRecord
{
    public static final int BLOCK_LENGTH = 40;
    public static final int V1_BLOCK_LENGTH = 24;
    public static final int LENGTH = JournalHeader.LENGTH + BLOCK_LENGTH;
    public static final long NO_ID = -1L;

    public static final byte REASON_GAP = 1;
    public static final byte REASON_CROSSED = 2;
    public static final byte REASON_CONNECTION_LOST = 3;
    public static final byte REASON_CAPACITY = 4;
    /** The venue's checksum of the book disagreed with the local book. */
    public static final byte REASON_CHECKSUM = 5;
    /** Messages of the instrument were dropped because the ring stayed full (the consumers fell behind). */
    public static final byte REASON_RING_FULL = 6;
    /** A price or quantity of the instrument could not be held at its scale; the message was not applied. */
    public static final byte REASON_UNREPRESENTABLE = 7;

    private static final int INSTRUMENT_ID = 0;
    private static final int REASON = 4;
    private static final int UPDATE_ID = 8;
    private static final int EPOCH_NS = 16;
    private static final int TRIGGER_FIRST_UPDATE_ID = 24;
    private static final int TRIGGER_LAST_UPDATE_ID = 32;

    private DirectBuffer buffer;
    private int body;

    private BookStateRecord()
    {
    }

    /** A reusable reader. */
    public static BookStateRecord reader()
    {
        return new BookStateRecord();
    }

    /** The name used in replay output; "unknown(n)" for a reason this version does not know. */
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
            case REASON_CHECKSUM:
                return "checksum";
            case REASON_RING_FULL:
                return "ring_full";
            case REASON_UNREPRESENTABLE:
                return "unrepresentable";
            default:
                return "unknown(" + reason + ")";
        }
    }

    /** @return the record's length. */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final byte reason,
        final long updateId,
        final long triggerFirstUpdateId,
        final long triggerLastUpdateId,
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
        buffer.putLong(body + TRIGGER_FIRST_UPDATE_ID, triggerFirstUpdateId, BYTE_ORDER);
        buffer.putLong(body + TRIGGER_LAST_UPDATE_ID, triggerLastUpdateId, BYTE_ORDER);
        return LENGTH;
    }

    /** Wraps a record whose header starts at {@code offset}. */
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

    /** First update id of the event that invalidated the book; {@link #NO_ID} when none or version 1. */
    public long triggerFirstUpdateId()
    {
        return hasTrigger() ? buffer.getLong(body + TRIGGER_FIRST_UPDATE_ID, BYTE_ORDER) : NO_ID;
    }

    /** Last update id of the event that invalidated the book; {@link #NO_ID} when none or version 1. */
    public long triggerLastUpdateId()
    {
        return hasTrigger() ? buffer.getLong(body + TRIGGER_LAST_UPDATE_ID, BYTE_ORDER) : NO_ID;
    }

    private boolean hasTrigger()
    {
        return JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH) >= BLOCK_LENGTH;
    }
}
