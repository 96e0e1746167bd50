package io.fathom.codec.wire;

import io.fathom.codec.layout.LevelArrayLayout;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * Levels one applied venue message changed, as absolute quantities (0 removes the level). A message larger
 * than a ring slot comes in several parts; the book is consistent again after the part flagged last.
 *
 * <pre>
 *  block (after the header), little-endian:
 *   0  int64  update id after the message (the venue's last update id)
 *   8  int64  receive time of the venue's frame, epoch ns
 *  16  int32  level count n
 *  20  int8   flags: bit 0 last part of the venue message
 *  21  int8   reserved
 *  22  int16  reserved
 *  24  n levels of {int64 price mantissa, int64 quantity mantissa, int8 side (0 bid, 1 ask)}
 * </pre>
 */
public final class LevelChanges
{
    public static final int BLOCK_LENGTH = 24;
    public static final int LEVEL_LENGTH = LevelArrayLayout.PRICE_QUANTITY_SIDE_LENGTH;
    private static final LevelArrayLayout LEVELS = LevelArrayLayout.PRICE_QUANTITY_SIDE;
    public static final byte FLAG_LAST_PART = 1;

    private static final int UPDATE_ID = 0;
    private static final int RECEIVE_EPOCH_NS = 8;
    private static final int LEVEL_COUNT = 16;
    private static final int FLAGS = 20;

    private DirectBuffer buffer;
    private int body;
    private int levels;

    /** Bytes of a message with this many levels. */
    public static int length(final int levelCount)
    {
        return WireHeader.LENGTH + BLOCK_LENGTH + LEVELS.length(levelCount);
    }

    /** Writes the header and block at {@code offset}; the levels follow, written with {@link #putLevel}. */
    public static void encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final int sequence,
        final long publishNs,
        final long updateId,
        final long receiveEpochNs,
        final int levelCount,
        final boolean lastPart)
    {
        WireHeader.put(buffer, offset, WireTemplate.DELTA, BLOCK_LENGTH, instrumentId, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putLong(body + UPDATE_ID, updateId, BYTE_ORDER);
        buffer.putLong(body + RECEIVE_EPOCH_NS, receiveEpochNs, BYTE_ORDER);
        buffer.putInt(body + LEVEL_COUNT, levelCount, BYTE_ORDER);
        buffer.putByte(body + FLAGS, lastPart ? FLAG_LAST_PART : 0);
        buffer.putByte(body + FLAGS + 1, (byte)0);
        buffer.putShort(body + FLAGS + 2, (short)0, BYTE_ORDER);
    }

    /** Writes level {@code index} of the message at {@code offset}. */
    public static void putLevel(
        final MutableDirectBuffer buffer, final int offset, final int index, final byte side, final long price,
        final long quantity)
    {
        LEVELS.put(buffer, offset + WireHeader.LENGTH + BLOCK_LENGTH, index, side, price, quantity);
    }

    public LevelChanges wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + WireHeader.LENGTH;
        this.levels = body + WireHeader.blockLength(buffer, offset);
        return this;
    }

    public long updateId()
    {
        return buffer.getLong(body + UPDATE_ID, BYTE_ORDER);
    }

    public long receiveEpochNs()
    {
        return buffer.getLong(body + RECEIVE_EPOCH_NS, BYTE_ORDER);
    }

    public int levelCount()
    {
        return buffer.getInt(body + LEVEL_COUNT, BYTE_ORDER);
    }

    public boolean lastPart()
    {
        return (buffer.getByte(body + FLAGS) & FLAG_LAST_PART) != 0;
    }

    public long price(final int index)
    {
        return LEVELS.price(buffer, levels, index);
    }

    public long quantity(final int index)
    {
        return LEVELS.quantity(buffer, levels, index);
    }

    public byte side(final int index)
    {
        return LEVELS.side(buffer, levels, index);
    }
}
