package io.fathom.codec.hyperliquid;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putByte;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes {@link DepthMessage}s as Hyperliquid {@code l2Book} messages (full books), for the exchange
 * simulator and round-trip tests, without allocating: bids then asks in message order with each level's
 * decimals; the message holds no order counts, so every level says {@code "n":1}. The encoder holds no
 * state; threads may share it.
 */
public final class HyperliquidL2BookEncoder
{
    private static final int MAX_FIXED_LENGTH = 128;
    private static final byte[] START = ascii("{\"channel\":\"l2Book\",\"data\":{\"coin\":\"");
    private static final byte[] TIME = ascii("\",\"time\":");
    private static final byte[] LEVELS = ascii(",\"levels\":[");
    private static final byte[] PX = ascii("{\"px\":\"");
    private static final byte[] SZ = ascii("\",\"sz\":\"");
    private static final byte[] N = ascii("\",\"n\":1}");
    private static final byte[] END = ascii("]}}");

    /** An upper bound on the bytes {@link #encode} writes, for sizing a fixed buffer. */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 24);
    }

    /**
     * @return the number of bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        int index = put(buffer, offset, START);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, TIME);
        index = putLong(buffer, index, message.eventTimeMs());
        index = put(buffer, index, LEVELS);
        index = putSide(buffer, index, message, DepthMessage.BID);
        index = putByte(buffer, index, ',');
        index = putSide(buffer, index, message, DepthMessage.ASK);
        return put(buffer, index, END) - offset;
    }

    private static int putSide(final MutableDirectBuffer buffer, final int start, final DepthMessage message, final byte side)
    {
        int index = putByte(buffer, start, '[');
        boolean first = true;
        for (int i = 0, count = message.levelCount(); i < count; i++)
        {
            if (message.side(i) != side)
            {
                continue;
            }
            if (!first)
            {
                index = putByte(buffer, index, ',');
            }
            first = false;
            index = put(buffer, index, PX);
            index = JsonWriter.putPrice(buffer, index, message, i);
            index = put(buffer, index, SZ);
            index = JsonWriter.putQuantity(buffer, index, message, i);
            index = put(buffer, index, N);
        }
        return putByte(buffer, index, ']');
    }
}
