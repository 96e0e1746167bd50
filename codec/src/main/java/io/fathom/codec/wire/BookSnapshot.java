package io.fathom.codec.wire;

import io.fathom.codec.layout.LevelArrayLayout;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * A whole valid book: every level of both sides, best first. A subscriber replaces its book with it and the
 * book is valid from here on; the instrument's sequence restarts from this message's.
 *
 * <pre>
 *  block (after the header), little-endian:
 *   0  int64  update id, the venue's id of the last change in the book
 *   8  int64  time of that change, epoch ns
 *  16  int32  bid count b
 *  20  int32  ask count a
 *  24  (b + a) levels of {int64 price mantissa, int64 quantity mantissa} ({@link LevelArrayLayout#PRICE_QUANTITY}):
 *      bids best first, then asks
 * </pre>
 */
public final class BookSnapshot
{
    public static final int BLOCK_LENGTH = 24;
    public static final int LEVEL_LENGTH = LevelArrayLayout.PRICE_QUANTITY_LENGTH;
    private static final LevelArrayLayout LEVELS = LevelArrayLayout.PRICE_QUANTITY;

    private static final int UPDATE_ID = 0;
    private static final int EPOCH_NS = 8;
    private static final int BID_COUNT = 16;
    private static final int ASK_COUNT = 20;

    private DirectBuffer buffer;
    private int body;
    private int levels;

    /** Bytes of a snapshot with this many levels in all. */
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
        final long epochNs,
        final int bidCount,
        final int askCount)
    {
        WireHeader.put(buffer, offset, WireTemplate.SNAPSHOT, BLOCK_LENGTH, instrumentId, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putLong(body + UPDATE_ID, updateId, BYTE_ORDER);
        buffer.putLong(body + EPOCH_NS, epochNs, BYTE_ORDER);
        buffer.putInt(body + BID_COUNT, bidCount, BYTE_ORDER);
        buffer.putInt(body + ASK_COUNT, askCount, BYTE_ORDER);
    }

    /** Writes level {@code index} (bids first, then asks) of the snapshot at {@code offset}. */
    public static void putLevel(
        final MutableDirectBuffer buffer, final int offset, final int index, final long price, final long quantity)
    {
        LEVELS.put(buffer, offset + WireHeader.LENGTH + BLOCK_LENGTH, index, price, quantity);
    }

    public BookSnapshot wrap(final DirectBuffer buffer, final int offset)
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

    /** Price of level {@code index}, counting bids first, then asks. */
    public long price(final int index)
    {
        return LEVELS.price(buffer, levels, index);
    }

    public long quantity(final int index)
    {
        return LEVELS.quantity(buffer, levels, index);
    }
}
