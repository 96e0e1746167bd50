package io.fathom.codec.layout;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * An array of price levels as the journal and the book stream lay them out, little-endian, described once for
 * {@code SnapshotRecord}, {@code BookSnapshot} and {@code LevelChanges}:
 *
 * <pre>
 *  level i at start + i x level length:
 *   0  int64  price mantissa
 *   8  int64  quantity mantissa
 *  16  int8   side, 0 bid / 1 ask ({@link #PRICE_QUANTITY_SIDE} only)
 * </pre>
 */
public final class LevelArrayLayout
{
    /** Bytes of a {price, quantity} level. */
    public static final int PRICE_QUANTITY_LENGTH = 16;
    /** Bytes of a {price, quantity, side} level. */
    public static final int PRICE_QUANTITY_SIDE_LENGTH = 17;
    /** {price, quantity}: whole books, whose sides the bid and ask counts give. */
    public static final LevelArrayLayout PRICE_QUANTITY = new LevelArrayLayout(PRICE_QUANTITY_LENGTH);
    /** {price, quantity, side}: changes of either side in one array. */
    public static final LevelArrayLayout PRICE_QUANTITY_SIDE = new LevelArrayLayout(PRICE_QUANTITY_SIDE_LENGTH);

    private static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int PRICE = 0;
    private static final int QUANTITY = 8;
    private static final int SIDE = 16;

    private final int levelLength;

    private LevelArrayLayout(final int levelLength)
    {
        this.levelLength = levelLength;
    }

    /** Bytes of one level. */
    public int levelLength()
    {
        return levelLength;
    }

    /** Bytes of {@code count} levels. */
    public int length(final int count)
    {
        return count * levelLength;
    }

    /** Writes level {@code index} of the array at {@code start}; returns the offset after it. */
    public int put(final MutableDirectBuffer buffer, final int start, final int index, final long price, final long quantity)
    {
        final int at = start + index * levelLength;
        buffer.putLong(at + PRICE, price, BYTE_ORDER);
        buffer.putLong(at + QUANTITY, quantity, BYTE_ORDER);
        return at + levelLength;
    }

    /** Writes level {@code index} with its side ({@link #PRICE_QUANTITY_SIDE}); returns the offset after it. */
    public int put(
        final MutableDirectBuffer buffer, final int start, final int index, final byte side, final long price, final long quantity)
    {
        final int next = put(buffer, start, index, price, quantity);
        buffer.putByte(next - levelLength + SIDE, side);
        return next;
    }

    public long price(final DirectBuffer buffer, final int start, final int index)
    {
        return buffer.getLong(start + index * levelLength + PRICE, BYTE_ORDER);
    }

    public long quantity(final DirectBuffer buffer, final int start, final int index)
    {
        return buffer.getLong(start + index * levelLength + QUANTITY, BYTE_ORDER);
    }

    /** The side of level {@code index} ({@link #PRICE_QUANTITY_SIDE} only). */
    public byte side(final DirectBuffer buffer, final int start, final int index)
    {
        return buffer.getByte(start + index * levelLength + SIDE);
    }
}
