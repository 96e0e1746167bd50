package io.fathom.codec.binance;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Writes {@link DepthMessage}s in Binance's JSON wire formats, for the exchange simulator and round-trip
 * tests, without allocating.
 *
 * <p>Prices and quantities are printed with exactly the encoder's scales (Binance prints 8 decimals);
 * the message's mantissas are taken to be at those scales and its own scale fields are not consulted.
 * The symbol and stream name are copied verbatim, so they must be plain ASCII needing no JSON escape.
 * The target must be an {@link org.agrona.ExpandableArrayBuffer} or have at least
 * {@link #maxEncodedLength(int, int, int)} bytes from {@code offset}. The encoder holds no mutable
 * state, so threads may share it as long as each writes to its own buffer.
 */
public final class BinanceDepthEncoder
{
    /** A time argument meaning "leave the field out", as spot events and snapshots do. */
    public static final long NO_TIME = -1L;

    private static final int MAX_LEVEL_LENGTH = 2 * FixedPoint.MAX_FORMATTED_LENGTH + 8;
    private static final int MAX_FIXED_LENGTH = 256;

    private static final byte[] DEPTH_UPDATE_START = ascii("{\"e\":\"depthUpdate\",\"E\":");
    private static final byte[] TRANSACTION_TIME_START = ascii(",\"T\":");
    private static final byte[] SYMBOL_START = ascii(",\"s\":\"");
    private static final byte[] FIRST_ID_START = ascii("\",\"U\":");
    private static final byte[] LAST_ID_START = ascii(",\"u\":");
    private static final byte[] PREVIOUS_ID_START = ascii(",\"pu\":");
    private static final byte[] BIDS_START = ascii(",\"b\":");
    private static final byte[] ASKS_START = ascii(",\"a\":");
    private static final byte[] STREAM_START = ascii("{\"stream\":\"");
    private static final byte[] DATA_START = ascii("\",\"data\":");
    private static final byte[] SNAPSHOT_START = ascii("{\"lastUpdateId\":");
    private static final byte[] SNAPSHOT_EVENT_TIME_START = ascii(",\"E\":");
    private static final byte[] SNAPSHOT_BIDS_START = ascii(",\"bids\":");
    private static final byte[] SNAPSHOT_ASKS_START = ascii(",\"asks\":");
    private static final byte[] LEVEL_START = ascii("[\"");
    private static final byte[] LEVEL_SEPARATOR = ascii("\",\"");
    private static final byte[] LEVEL_END = ascii("\"]");

    private final int priceScale;
    private final int quantityScale;

    /**
     * @param priceScale    decimals printed for prices, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals printed for quantities, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public BinanceDepthEncoder(final int priceScale, final int quantityScale)
    {
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE || quantityScale < 0 ||
            quantityScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "scales outside 0.." + FixedPoint.MAX_SCALE + ": price=" + priceScale + " quantity=" + quantityScale);
        }
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
    }

    /**
     * An upper bound on the bytes any encode method writes, for sizing a fixed buffer.
     *
     * @param symbolLength     the message's symbol length.
     * @param streamNameLength the stream name length for a combined frame, else 0.
     * @param levelCount       the message's level count.
     */
    public static int maxEncodedLength(final int symbolLength, final int streamNameLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + streamNameLength + levelCount * MAX_LEVEL_LENGTH;
    }

    /**
     * Writes a bare {@code depthUpdate} event; {@code "pu"} is included only when the message has a
     * previous update id.
     *
     * @return the number of bytes written.
     */
    public int encodeDepthUpdate(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        return encodeDepthUpdate(buffer, offset, message, NO_TIME);
    }

    /**
     * Writes a bare {@code depthUpdate} event as the futures markets send it, with the transaction time
     * {@code "T"} after {@code "E"}; {@link #NO_TIME} leaves it out.
     *
     * @return the number of bytes written.
     */
    public int encodeDepthUpdate(
        final MutableDirectBuffer buffer, final int offset, final DepthMessage message, final long transactionTimeMs)
    {
        int index = offset;
        index += put(buffer, index, DEPTH_UPDATE_START);
        index += buffer.putLongAscii(index, message.eventTimeMs());
        if (NO_TIME != transactionTimeMs)
        {
            index += put(buffer, index, TRANSACTION_TIME_START);
            index += buffer.putLongAscii(index, transactionTimeMs);
        }
        index += put(buffer, index, SYMBOL_START);
        buffer.putBytes(index, message.symbolBytes(), 0, message.symbolLength());
        index += message.symbolLength();
        index += put(buffer, index, FIRST_ID_START);
        index += buffer.putLongAscii(index, message.firstUpdateId());
        index += put(buffer, index, LAST_ID_START);
        index += buffer.putLongAscii(index, message.lastUpdateId());
        if (DepthMessage.NO_ID != message.previousUpdateId())
        {
            index += put(buffer, index, PREVIOUS_ID_START);
            index += buffer.putLongAscii(index, message.previousUpdateId());
        }
        index += put(buffer, index, BIDS_START);
        index = putLevels(buffer, index, message, DepthMessage.BID);
        index += put(buffer, index, ASKS_START);
        index = putLevels(buffer, index, message, DepthMessage.ASK);
        buffer.putByte(index++, (byte)'}');

        return index - offset;
    }

    /**
     * Writes {@code {"stream":"<name>","data":<depthUpdate>}} as received on a combined stream.
     *
     * @return the number of bytes written.
     */
    public int encodeCombinedDepthUpdate(
        final MutableDirectBuffer buffer,
        final int offset,
        final DirectBuffer streamName,
        final int streamNameOffset,
        final int streamNameLength,
        final DepthMessage message)
    {
        return encodeCombinedDepthUpdate(
            buffer, offset, streamName, streamNameOffset, streamNameLength, message, NO_TIME);
    }

    /**
     * Writes a combined-stream event whose data carries the futures transaction time {@code "T"}; see
     * {@link #encodeDepthUpdate(MutableDirectBuffer, int, DepthMessage, long)}.
     *
     * @return the number of bytes written.
     */
    public int encodeCombinedDepthUpdate(
        final MutableDirectBuffer buffer,
        final int offset,
        final DirectBuffer streamName,
        final int streamNameOffset,
        final int streamNameLength,
        final DepthMessage message,
        final long transactionTimeMs)
    {
        int index = offset;
        index += put(buffer, index, STREAM_START);
        buffer.putBytes(index, streamName, streamNameOffset, streamNameLength);
        index += streamNameLength;
        index += put(buffer, index, DATA_START);
        index += encodeDepthUpdate(buffer, index, message, transactionTimeMs);
        buffer.putByte(index++, (byte)'}');

        return index - offset;
    }

    /**
     * Writes a REST depth snapshot body {@code {"lastUpdateId":N,"bids":[...],"asks":[...]}} using the
     * message's last update id.
     *
     * @return the number of bytes written.
     */
    public int encodeSnapshot(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        return encodeSnapshot(buffer, offset, message, NO_TIME, NO_TIME);
    }

    /**
     * Writes a futures REST depth snapshot body
     * {@code {"lastUpdateId":N,"E":..,"T":..,"bids":[...],"asks":[...]}}; a time of {@link #NO_TIME} is left
     * out.
     *
     * @return the number of bytes written.
     */
    public int encodeSnapshot(
        final MutableDirectBuffer buffer,
        final int offset,
        final DepthMessage message,
        final long eventTimeMs,
        final long transactionTimeMs)
    {
        int index = offset;
        index += put(buffer, index, SNAPSHOT_START);
        index += buffer.putLongAscii(index, message.lastUpdateId());
        if (NO_TIME != eventTimeMs)
        {
            index += put(buffer, index, SNAPSHOT_EVENT_TIME_START);
            index += buffer.putLongAscii(index, eventTimeMs);
        }
        if (NO_TIME != transactionTimeMs)
        {
            index += put(buffer, index, TRANSACTION_TIME_START);
            index += buffer.putLongAscii(index, transactionTimeMs);
        }
        index += put(buffer, index, SNAPSHOT_BIDS_START);
        index = putLevels(buffer, index, message, DepthMessage.BID);
        index += put(buffer, index, SNAPSHOT_ASKS_START);
        index = putLevels(buffer, index, message, DepthMessage.ASK);
        buffer.putByte(index++, (byte)'}');

        return index - offset;
    }

    private int putLevels(
        final MutableDirectBuffer buffer, final int start, final DepthMessage message, final byte side)
    {
        int index = start;
        buffer.putByte(index++, (byte)'[');
        boolean first = true;
        for (int i = 0, count = message.levelCount(); i < count; i++)
        {
            if (message.side(i) != side)
            {
                continue;
            }
            if (!first)
            {
                buffer.putByte(index++, (byte)',');
            }
            first = false;
            index += put(buffer, index, LEVEL_START);
            index += FixedPoint.format(message.price(i), priceScale, buffer, index);
            index += put(buffer, index, LEVEL_SEPARATOR);
            index += FixedPoint.format(message.quantity(i), quantityScale, buffer, index);
            index += put(buffer, index, LEVEL_END);
        }
        buffer.putByte(index++, (byte)']');

        return index;
    }

    private static int put(final MutableDirectBuffer buffer, final int index, final byte[] bytes)
    {
        buffer.putBytes(index, bytes);
        return bytes.length;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(US_ASCII);
    }
}
