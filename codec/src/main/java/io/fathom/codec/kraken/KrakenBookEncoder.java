package io.fathom.codec.kraken;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import io.fathom.codec.json.Rfc3339;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putByte;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes {@link DepthMessage}s as Kraken WebSocket v2 {@code book} messages, for the exchange simulator and
 * round-trip tests, without allocating: bids then asks as JSON numbers with each level's decimals,
 * {@code checksum} when the message has one, {@code timestamp} when it has an event time. The encoder holds
 * no state; threads may share it.
 */
public final class KrakenBookEncoder
{
    private static final int MAX_FIXED_LENGTH = 192;
    private static final byte[] SNAPSHOT = ascii("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"");
    private static final byte[] UPDATE = ascii("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"");
    private static final byte[] BIDS = ascii("\",\"bids\":");
    private static final byte[] ASKS = ascii(",\"asks\":");
    private static final byte[] CHECKSUM = ascii(",\"checksum\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":\"");
    private static final byte[] PRICE = ascii("{\"price\":");
    private static final byte[] QTY = ascii(",\"qty\":");
    private static final byte[] END = ascii("}]}");

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
        int index = put(buffer, offset, message.kind() == DepthMessage.KIND_SNAPSHOT ? SNAPSHOT : UPDATE);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, BIDS);
        index = putLevels(buffer, index, message, DepthMessage.BID);
        index = put(buffer, index, ASKS);
        index = putLevels(buffer, index, message, DepthMessage.ASK);
        if (message.hasChecksum())
        {
            index = put(buffer, index, CHECKSUM);
            index = putLong(buffer, index, message.checksum());
        }
        if (message.eventTimeMs() > 0)
        {
            index = put(buffer, index, TIMESTAMP);
            index += Rfc3339.format(message.eventTimeMs(), buffer, index);
            index = putByte(buffer, index, '"');
        }
        return put(buffer, index, END) - offset;
    }

    private static int putLevels(
        final MutableDirectBuffer buffer, final int start, final DepthMessage message, final byte side)
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
            index = put(buffer, index, PRICE);
            index = JsonWriter.putPrice(buffer, index, message, i);
            index = put(buffer, index, QTY);
            index = JsonWriter.putQuantity(buffer, index, message, i);
            index = putByte(buffer, index, '}');
        }
        return putByte(buffer, index, ']');
    }
}
