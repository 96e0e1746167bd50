package io.fathom.codec.journal;

import io.fathom.codec.layout.LevelArrayLayout;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * A whole book at one update id.
 *
 * <pre>
 *  body (after the header), little-endian:
 *   0  int32  instrument id
 *   4  int8   reason: 1 sync (book became valid; deltas applied during the sync follow as delta
 *             records), 2 periodic, 3 final (at shutdown)
 *   5  int8   valid (1) or not (0)
 *   6  int16  reserved
 *   8  int64  update id the book reflects
 *  16  int64  time taken, epoch ns
 *  24  int32  bid count
 *  28  int32  ask count
 *  32  int32  sync delta count (version 2): the delta records right after a sync snapshot that were
 *             applied with it as one step; 0 for periodic and final
 *  36  int32  reserved
 *  40  bids, best first: bid count x { int64 price mantissa, int64 quantity mantissa } ({@link LevelArrayLayout#PRICE_QUANTITY})
 *      asks, best first: ask count x { int64 price mantissa, int64 quantity mantissa }
 * </pre>
 *
 * Version 1 has a 32-byte block without the sync delta count; {@link #syncDeltaCount()} is then
 * {@link #UNKNOWN_COUNT}.
 */
public final class SnapshotRecord
{
    public static final int BLOCK_LENGTH = 40;
    public static final int V1_BLOCK_LENGTH = 32;
    public static final int LEVEL_LENGTH = LevelArrayLayout.PRICE_QUANTITY_LENGTH;
    private static final LevelArrayLayout LEVELS = LevelArrayLayout.PRICE_QUANTITY;
    /** The sync delta count of a version 1 record. */
    public static final int UNKNOWN_COUNT = -1;

    public static final byte REASON_SYNC = 1;
    public static final byte REASON_PERIODIC = 2;
    public static final byte REASON_FINAL = 3;

    private static final int INSTRUMENT_ID = 0;
    private static final int REASON = 4;
    private static final int VALID = 5;
    private static final int UPDATE_ID = 8;
    private static final int EPOCH_NS = 16;
    private static final int BID_COUNT = 24;
    private static final int ASK_COUNT = 28;
    private static final int SYNC_DELTA_COUNT = 32;

    private DirectBuffer buffer;
    private int body;

    private SnapshotRecord()
    {
    }

    /** A reusable reader. */
    public static SnapshotRecord reader()
    {
        return new SnapshotRecord();
    }

    /** The whole length of a record of this version with these levels. */
    public static int length(final int bidCount, final int askCount)
    {
        return JournalHeader.LENGTH + BLOCK_LENGTH + LEVELS.length(bidCount + askCount);
    }

    /** The name used in replay output; "unknown(n)" for a reason this version does not know. */
    public static String reasonName(final int reason)
    {
        switch (reason)
        {
            case REASON_SYNC:
                return "sync";
            case REASON_PERIODIC:
                return "periodic";
            case REASON_FINAL:
                return "final";
            default:
                return "unknown(" + reason + ")";
        }
    }

    /**
     * Writes header and fixed fields; bids then asks follow with {@link #putLevel}.
     *
     * @param syncDeltaCount delta records that follow and belong to this sync; 0 unless reason is sync.
     * @return the offset of the first bid level.
     */
    public static int encodeFixed(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final byte reason,
        final boolean valid,
        final long updateId,
        final long epochNs,
        final int bidCount,
        final int askCount,
        final int syncDeltaCount)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.SNAPSHOT.id(), BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putInt(body + INSTRUMENT_ID, instrumentId, BYTE_ORDER);
        buffer.putByte(body + REASON, reason);
        buffer.putByte(body + VALID, (byte)(valid ? 1 : 0));
        buffer.putShort(body + VALID + 1, (short)0, BYTE_ORDER);
        buffer.putLong(body + UPDATE_ID, updateId, BYTE_ORDER);
        buffer.putLong(body + EPOCH_NS, epochNs, BYTE_ORDER);
        buffer.putInt(body + BID_COUNT, bidCount, BYTE_ORDER);
        buffer.putInt(body + ASK_COUNT, askCount, BYTE_ORDER);
        buffer.putInt(body + SYNC_DELTA_COUNT, syncDeltaCount, BYTE_ORDER);
        buffer.putInt(body + SYNC_DELTA_COUNT + 4, 0, BYTE_ORDER);
        return body + BLOCK_LENGTH;
    }

    /** @return the offset after the level. */
    public static int putLevel(
        final MutableDirectBuffer buffer, final int levelOffset, final long price, final long quantity)
    {
        return LEVELS.put(buffer, levelOffset, 0, price, quantity);
    }

    /** Wraps a record whose header starts at {@code offset}. */
    public SnapshotRecord wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + JournalHeader.LENGTH;
        return this;
    }

    private int levelsOffset()
    {
        return body + JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH);
    }

    public int instrumentId()
    {
        return buffer.getInt(body + INSTRUMENT_ID, BYTE_ORDER);
    }

    public byte reason()
    {
        return buffer.getByte(body + REASON);
    }

    public boolean valid()
    {
        return buffer.getByte(body + VALID) != 0;
    }

    public long updateId()
    {
        return buffer.getLong(body + UPDATE_ID, BYTE_ORDER);
    }

    public long epochNs()
    {
        return buffer.getLong(body + EPOCH_NS, BYTE_ORDER);
    }

    public int bidCount()
    {
        return buffer.getInt(body + BID_COUNT, BYTE_ORDER);
    }

    public int askCount()
    {
        return buffer.getInt(body + ASK_COUNT, BYTE_ORDER);
    }

    /**
     * The delta records right after this sync snapshot that were applied together with it (the
     * stream buffered while the snapshot was fetched); {@link #UNKNOWN_COUNT} in a version 1 record.
     */
    public int syncDeltaCount()
    {
        if (JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH) < SYNC_DELTA_COUNT + 4)
        {
            return UNKNOWN_COUNT;
        }
        return buffer.getInt(body + SYNC_DELTA_COUNT, BYTE_ORDER);
    }

    /** The record's whole length as its fields declare it, header included. */
    public long declaredLength()
    {
        return JournalHeader.LENGTH + JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH) +
            ((long)bidCount() + askCount()) * LEVELS.levelLength();
    }

    public long bidPrice(final int index)
    {
        return LEVELS.price(buffer, levelsOffset(), index);
    }

    public long bidQuantity(final int index)
    {
        return LEVELS.quantity(buffer, levelsOffset(), index);
    }

    public long askPrice(final int index)
    {
        return LEVELS.price(buffer, levelsOffset(), bidCount() + index);
    }

    public long askQuantity(final int index)
    {
        return LEVELS.quantity(buffer, levelsOffset(), bidCount() + index);
    }
}
