package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * A feed changed state (version 2): when a feed connected, went live, went stale, dropped, backed off
 * or failed, and why, so the morning-after reader can tell how long each feed was down.
 *
 * <pre>
 *  body (after the header), little-endian:
 *   0  int64  time, epoch ns
 *   8  int32  instrument id (-1 for a change of a whole connection)
 *  12  int32  connection id (-1 when not known)
 *  16  int8   state left   (codes below)
 *  17  int8   state entered
 *  18  int16  cause length in bytes
 *  20  int32  reserved
 *  24  cause, US-ASCII (other characters written as '?'), at most {@link #MAX_CAUSE_LENGTH} bytes
 * </pre>
 *
 * State codes never change meaning: 1 new, 2 connecting, 3 syncing, 4 live, 5 stale, 6 resyncing,
 * 7 backoff, 8 closed, 9 failed; 0 unknown.
 */
public final class FeedStateRecord
{
    public static final int BLOCK_LENGTH = 24;
    public static final int MAX_CAUSE_LENGTH = 1024;

    public static final byte STATE_UNKNOWN = 0;
    public static final byte STATE_NEW = 1;
    public static final byte STATE_CONNECTING = 2;
    public static final byte STATE_SYNCING = 3;
    public static final byte STATE_LIVE = 4;
    public static final byte STATE_STALE = 5;
    public static final byte STATE_RESYNCING = 6;
    public static final byte STATE_BACKOFF = 7;
    public static final byte STATE_CLOSED = 8;
    public static final byte STATE_FAILED = 9;

    private static final String[] STATE_NAMES =
        { "unknown", "new", "connecting", "syncing", "live", "stale", "resyncing", "backoff", "closed", "failed" };

    private static final int EPOCH_NS = 0;
    private static final int INSTRUMENT_ID = 8;
    private static final int CONNECTION_ID = 12;
    private static final int FROM_STATE = 16;
    private static final int TO_STATE = 17;
    private static final int CAUSE_LENGTH = 18;

    private DirectBuffer buffer;
    private int body;

    private FeedStateRecord()
    {
    }

    /** A reusable reader. */
    public static FeedStateRecord reader()
    {
        return new FeedStateRecord();
    }

    /** The name of a state code, as used in replay output. */
    public static String stateName(final int code)
    {
        return code >= 0 && code < STATE_NAMES.length ? STATE_NAMES[code] : "unknown(" + code + ")";
    }

    /** The longest record this class writes. */
    public static int maxLength()
    {
        return JournalHeader.LENGTH + BLOCK_LENGTH + MAX_CAUSE_LENGTH;
    }

    /**
     * Encodes a record without allocating; the cause is cut at {@link #MAX_CAUSE_LENGTH} characters.
     *
     * @return the record's length.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final long epochNs,
        final int instrumentId,
        final int connectionId,
        final byte fromState,
        final byte toState,
        final CharSequence cause)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.FEED_STATE.id(), BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        final int causeLength = cause == null ? 0 : Math.min(cause.length(), MAX_CAUSE_LENGTH);
        buffer.putLong(body + EPOCH_NS, epochNs, BYTE_ORDER);
        buffer.putInt(body + INSTRUMENT_ID, instrumentId, BYTE_ORDER);
        buffer.putInt(body + CONNECTION_ID, connectionId, BYTE_ORDER);
        buffer.putByte(body + FROM_STATE, fromState);
        buffer.putByte(body + TO_STATE, toState);
        buffer.putShort(body + CAUSE_LENGTH, (short)causeLength, BYTE_ORDER);
        buffer.putInt(body + CAUSE_LENGTH + 2, 0, BYTE_ORDER);
        final int causeOffset = body + BLOCK_LENGTH;
        for (int i = 0; i < causeLength; i++)
        {
            final char c = cause.charAt(i);
            buffer.putByte(causeOffset + i, c >= 0x20 && c < 0x7F ? (byte)c : (byte)'?');
        }
        return JournalHeader.LENGTH + BLOCK_LENGTH + causeLength;
    }

    /** Wraps a record whose header starts at {@code offset}. */
    public FeedStateRecord wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + JournalHeader.LENGTH;
        return this;
    }

    public long epochNs()
    {
        return buffer.getLong(body + EPOCH_NS, BYTE_ORDER);
    }

    public int instrumentId()
    {
        return buffer.getInt(body + INSTRUMENT_ID, BYTE_ORDER);
    }

    public int connectionId()
    {
        return buffer.getInt(body + CONNECTION_ID, BYTE_ORDER);
    }

    public byte fromState()
    {
        return buffer.getByte(body + FROM_STATE);
    }

    public byte toState()
    {
        return buffer.getByte(body + TO_STATE);
    }

    public int causeLength()
    {
        return buffer.getShort(body + CAUSE_LENGTH, BYTE_ORDER) & 0xFFFF;
    }

    /** The cause as text; allocates, for tools. */
    public String cause()
    {
        return buffer.getStringWithoutLengthAscii(causeOffset(), causeLength());
    }

    /** The record's whole length as its fields declare it, header included. */
    public long declaredLength()
    {
        return causeOffset() - (body - JournalHeader.LENGTH) + (long)causeLength();
    }

    private int causeOffset()
    {
        return body + JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH);
    }
}
