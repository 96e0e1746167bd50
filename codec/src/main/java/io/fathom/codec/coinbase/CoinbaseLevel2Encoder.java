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
 * {@code timestamp} (and every update's {@code event_time}). Several messages can share one frame, as
 * Coinbase batches events, with the frame's own {@code sequence_num} and {@code timestamp}. The encoder
 * holds no state; threads may share it.
 */
public final class CoinbaseLevel2Encoder
{
    private static final int MAX_FIXED_LENGTH = 256;
    private static final byte[] L2_START = ascii("{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"");
    private static final byte[] HEARTBEAT_START = ascii("{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"");
    private static final byte[] SEQUENCE = ascii("\",\"sequence_num\":");
    private static final byte[] EVENTS = ascii(",\"events\":[");
    private static final byte[] SNAPSHOT_EVENT = ascii("{\"type\":\"snapshot\",\"product_id\":\"");
    private static final byte[] UPDATE_EVENT = ascii("{\"type\":\"update\",\"product_id\":\"");
    private static final byte[] UPDATES = ascii("\",\"updates\":[");
    private static final byte[] BID = ascii("{\"side\":\"bid\",\"event_time\":\"");
    private static final byte[] OFFER = ascii("{\"side\":\"offer\",\"event_time\":\"");
    private static final byte[] PRICE = ascii("\",\"price_level\":\"");
    private static final byte[] QUANTITY = ascii("\",\"new_quantity\":\"");
    private static final byte[] UPDATE_END = ascii("\"}");
    private static final byte[] EVENT_END = ascii("]}");
    private static final byte[] END = ascii("]}");
    private static final byte[] HEARTBEAT_EVENT = ascii(",\"events\":[{\"current_time\":\"");
    private static final byte[] COUNTER = ascii("\",\"heartbeat_counter\":\"");
    private static final byte[] HEARTBEAT_END = ascii("\"}]}");

    /**
     * An upper bound on the bytes {@link #encode(MutableDirectBuffer, int, DepthMessage)} writes, for sizing a
     * fixed buffer; for a frame of several events, the sum of each message's bound.
     */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 100);
    }

    /**
     * Writes a frame of one event.
     *
     * @return the number of bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        int index = putHeader(buffer, offset, message.sequence(), message.eventTimeMs());
        index = putEvent(buffer, index, message);
        return put(buffer, index, END) - offset;
    }

    /**
     * Writes a frame of {@code count} events, one per message in order; the frame's {@code sequence_num} and
     * {@code timestamp} are given, and the decoder hands them to every event, whatever the messages hold.
     *
     * @return the number of bytes written.
     */
    public int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sequence,
        final long epochMs,
        final DepthMessage[] messages,
        final int count)
    {
        int index = putHeader(buffer, offset, sequence, epochMs);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                index = putByte(buffer, index, ',');
            }
            index = putEvent(buffer, index, messages[i]);
        }
        return put(buffer, index, END) - offset;
    }

    private static int putHeader(
        final MutableDirectBuffer buffer, final int offset, final long sequence, final long epochMs)
    {
        int index = put(buffer, offset, L2_START);
        index += Rfc3339.format(epochMs, buffer, index);
        index = put(buffer, index, SEQUENCE);
        index = putLong(buffer, index, sequence);
        return put(buffer, index, EVENTS);
    }

    private static int putEvent(final MutableDirectBuffer buffer, final int start, final DepthMessage message)
    {
        int index = put(buffer, start, message.kind() == DepthMessage.KIND_SNAPSHOT ? SNAPSHOT_EVENT : UPDATE_EVENT);
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
        return put(buffer, index, EVENT_END);
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
