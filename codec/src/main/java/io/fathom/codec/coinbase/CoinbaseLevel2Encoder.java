package io.fathom.codec.coinbase;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import io.fathom.codec.json.Rfc3339;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putByte;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes Coinbase Advanced Trade {@code l2_data} and {@code heartbeats} messages, for the exchange simulator
 * and round-trip tests, without allocating. A depth message becomes one event with its levels in message
 * order; its {@link DepthMessage#sequence()} is the {@code sequence_num} and its event time the
 * {@code timestamp} (and every update's {@code event_time}). The encoder holds no state; threads may share it.
 */
public final class CoinbaseLevel2Encoder
{
    private static final int MAX_FIXED_LENGTH = 256;
    private static final byte[] L2_START = ascii("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"");
    private static final byte[] HEARTBEAT_START = ascii("{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"");
    private static final byte[] SEQUENCE = ascii("\",\"sequence_num\":");
    private static final byte[] SNAPSHOT_EVENT = ascii(",\"events\":[{\"type\":\"snapshot\",\"product_id\":\"");
    private static final byte[] UPDATE_EVENT = ascii(",\"events\":[{\"type\":\"update\",\"product_id\":\"");
    private static final byte[] UPDATES = ascii("\",\"updates\":[");
    private static final byte[] BID = ascii("{\"side\":\"bid\",\"event_time\":\"");
    private static final byte[] OFFER = ascii("{\"side\":\"offer\",\"event_time\":\"");
    private static final byte[] PRICE = ascii("\",\"price_level\":\"");
    private static final byte[] QUANTITY = ascii("\",\"new_quantity\":\"");
    private static final byte[] UPDATE_END = ascii("\"}");
    private static final byte[] END = ascii("]}]}");
    private static final byte[] HEARTBEAT_EVENT = ascii(",\"events\":[{\"current_time\":\"");
    private static final byte[] COUNTER = ascii("\",\"heartbeat_counter\":\"");
    private static final byte[] HEARTBEAT_END = ascii("\"}]}");

    /** An upper bound on the bytes {@link #encode} writes, for sizing a fixed buffer. */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 100);
    }

    /**
     * @return the number of bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        int index = put(buffer, offset, L2_START);
        index += Rfc3339.format(message.eventTimeMs(), buffer, index);
        index = put(buffer, index, SEQUENCE);
        index = putLong(buffer, index, message.sequence());
        index = put(buffer, index, message.kind() == DepthMessage.KIND_SNAPSHOT ? SNAPSHOT_EVENT : UPDATE_EVENT);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, UPDATES);
        for (int i = 0, count = message.levelCount(); i < count; i++)
        {
            if (i > 0)
            {
                index = putByte(buffer, index, ',');
            }
            index = put(buffer, index, message.side(i) == DepthMessage.BID ? BID : OFFER);
            index += Rfc3339.format(message.eventTimeMs(), buffer, index);
            index = put(buffer, index, PRICE);
            index = JsonWriter.putPrice(buffer, index, message, i);
            index = put(buffer, index, QUANTITY);
            index = JsonWriter.putQuantity(buffer, index, message, i);
            index = put(buffer, index, UPDATE_END);
        }
        return put(buffer, index, END) - offset;
    }

    /**
     * Writes a {@code heartbeats} message, which also takes a {@code sequence_num} on the connection.
     *
     * @return the number of bytes written.
     */
    public int encodeHeartbeat(
        final MutableDirectBuffer buffer, final int offset, final long sequence, final long epochMs, final long counter)
    {
        int index = put(buffer, offset, HEARTBEAT_START);
        index += Rfc3339.format(epochMs, buffer, index);
        index = put(buffer, index, SEQUENCE);
        index = putLong(buffer, index, sequence);
        index = put(buffer, index, HEARTBEAT_EVENT);
        index += Rfc3339.format(epochMs, buffer, index);
        index = put(buffer, index, COUNTER);
        index = putLong(buffer, index, counter);
        return put(buffer, index, HEARTBEAT_END) - offset;
    }
}
