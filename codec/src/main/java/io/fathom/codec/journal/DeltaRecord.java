package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * One applied depth event: the levels it set on one book (absolute quantities, 0 removes).
 *
 * <pre>
 *  body (after the header), little-endian:
 *   0  int32  instrument id
 *   4  int16  part index      (a message larger than one ring slot spans parts)
 *   6  int16  part count
 *   8  int64  first update id (Binance U)
 *  16  int64  last update id  (Binance u)
 *  24  int64  previous update id (Binance futures pu, -1 when absent)
 *  32  int64  exchange event time, ms
 *  40  int64  receive time, epoch ns
 *  48  int32  level count
 *  52  int32  reserved
 *  56  levels: level count x { int64 price mantissa, int64 quantity mantissa, int8 side (0 bid, 1 ask) }
 * </pre>
 */
public final class DeltaRecord
{
    public static final int BLOCK_LENGTH = 56;
    public static final int LEVEL_LENGTH = 17;

    private static final int INSTRUMENT_ID = 0;
    private static final int PART_INDEX = 4;
    private static final int PART_COUNT = 6;
    private static final int FIRST_UPDATE_ID = 8;
    private static final int LAST_UPDATE_ID = 16;
    private static final int PREVIOUS_UPDATE_ID = 24;
    private static final int EVENT_TIME_MS = 32;
    private static final int RECEIVE_EPOCH_NS = 40;
    private static final int LEVEL_COUNT = 48;

    private DirectBuffer buffer;
    private int body;

    private DeltaRecord()
    {
    }

    /** A reusable reader. */
    public static DeltaRecord reader()
    {
        return new DeltaRecord();
    }

    /** The whole length of a record of this version with {@code levelCount} levels. */
    public static int length(final int levelCount)
    {
        return JournalHeader.LENGTH + BLOCK_LENGTH + levelCount * LEVEL_LENGTH;
    }

    /**
     * Writes header and fixed fields; levels follow with {@link #putLevel}.
     *
     * @return the offset of the first level.
     */
    public static int encodeFixed(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final int partIndex,
        final int partCount,
        final long firstUpdateId,
        final long lastUpdateId,
        final long previousUpdateId,
        final long eventTimeMs,
        final long receiveEpochNs,
        final int levelCount)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.DELTA.id(), BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putInt(body + INSTRUMENT_ID, instrumentId, BYTE_ORDER);
        buffer.putShort(body + PART_INDEX, (short)partIndex, BYTE_ORDER);
        buffer.putShort(body + PART_COUNT, (short)partCount, BYTE_ORDER);
        buffer.putLong(body + FIRST_UPDATE_ID, firstUpdateId, BYTE_ORDER);
        buffer.putLong(body + LAST_UPDATE_ID, lastUpdateId, BYTE_ORDER);
        buffer.putLong(body + PREVIOUS_UPDATE_ID, previousUpdateId, BYTE_ORDER);
        buffer.putLong(body + EVENT_TIME_MS, eventTimeMs, BYTE_ORDER);
        buffer.putLong(body + RECEIVE_EPOCH_NS, receiveEpochNs, BYTE_ORDER);
        buffer.putInt(body + LEVEL_COUNT, levelCount, BYTE_ORDER);
        buffer.putInt(body + LEVEL_COUNT + 4, 0, BYTE_ORDER);
        return body + BLOCK_LENGTH;
    }

    /** @return the offset after the level. */
    public static int putLevel(
        final MutableDirectBuffer buffer, final int levelOffset, final byte side, final long price, final long quantity)
    {
        buffer.putLong(levelOffset, price, BYTE_ORDER);
        buffer.putLong(levelOffset + 8, quantity, BYTE_ORDER);
        buffer.putByte(levelOffset + 16, side);
        return levelOffset + LEVEL_LENGTH;
    }

    /** Wraps a record whose header starts at {@code offset}. */
    public DeltaRecord wrap(final DirectBuffer buffer, final int offset)
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

    public int partIndex()
    {
        return buffer.getShort(body + PART_INDEX, BYTE_ORDER);
    }

    public int partCount()
    {
        return buffer.getShort(body + PART_COUNT, BYTE_ORDER);
    }

    public long firstUpdateId()
    {
        return buffer.getLong(body + FIRST_UPDATE_ID, BYTE_ORDER);
    }

    public long lastUpdateId()
    {
        return buffer.getLong(body + LAST_UPDATE_ID, BYTE_ORDER);
    }

    public long previousUpdateId()
    {
        return buffer.getLong(body + PREVIOUS_UPDATE_ID, BYTE_ORDER);
    }

    public long eventTimeMs()
    {
        return buffer.getLong(body + EVENT_TIME_MS, BYTE_ORDER);
    }

    public long receiveEpochNs()
    {
        return buffer.getLong(body + RECEIVE_EPOCH_NS, BYTE_ORDER);
    }

    public int levelCount()
    {
        return buffer.getInt(body + LEVEL_COUNT, BYTE_ORDER);
    }

    /** The record's whole length as its fields declare it, header included. */
    public long declaredLength()
    {
        return JournalHeader.LENGTH + JournalHeader.blockLength(buffer, body - JournalHeader.LENGTH) +
            (long)levelCount() * LEVEL_LENGTH;
    }

    public byte side(final int index)
    {
        return buffer.getByte(levelsOffset() + index * LEVEL_LENGTH + 16);
    }

    public long price(final int index)
    {
        return buffer.getLong(levelsOffset() + index * LEVEL_LENGTH, BYTE_ORDER);
    }

    public long quantity(final int index)
    {
        return buffer.getLong(levelsOffset() + index * LEVEL_LENGTH + 8, BYTE_ORDER);
    }
}
