package io.fathom.codec.kraken;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putByte;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes {@link DepthMessage}s as Kraken WebSocket v1 {@code book} frames, for the exchange simulator and
 * round-trip tests, without allocating.
 *
 * <p>A snapshot is one {@code {"as":..,"bs":..}} dict; an update with both sides is two dicts, asks then
 * bids, as Kraken sends it, with {@code "c"} in the last one when the message has a checksum. Values keep
 * each level's received decimals; every level's timestamp is the message's event time
 * ({@code seconds.micros}). The encoder holds no state; threads may share it.
 */
public final class KrakenV1BookEncoder
{
    private static final int MAX_FIXED_LENGTH = 128;
    private static final byte[] SNAPSHOT_ASKS = ascii("{\"as\":");
    private static final byte[] SNAPSHOT_BIDS = ascii(",\"bs\":");
    private static final byte[] ASKS = ascii("{\"a\":");
    private static final byte[] BIDS = ascii("{\"b\":");
    private static final byte[] CHECKSUM = ascii(",\"c\":\"");
    private static final byte[] BOOK = ascii(",\"book-");
    private static final byte[] DICT_SEPARATOR = ascii("},");
    private static final byte[] PAIR_START = ascii("\",\"");
    private static final byte[] FRAME_END = ascii("\"]");
    private static final byte[] LEVEL_START = ascii("[\"");
    private static final byte[] SEPARATOR = ascii("\",\"");
    private static final byte[] LEVEL_END = ascii("\"]");
    private static final int MICROS_PER_MS = 1000;

    /** An upper bound on the bytes {@link #encode} writes, for sizing a fixed buffer. */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 32);
    }

    /**
     * @param channelId the subscription's {@code channelID}.
     * @param depth     the subscribed depth, written as the channel name {@code book-<depth>}.
     * @return the number of bytes written.
     */
    public int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final long channelId,
        final int depth,
        final DepthMessage message)
    {
        int index = putByte(buffer, offset, '[');
        index = putLong(buffer, index, channelId);
        index = putByte(buffer, index, ',');
        if (message.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            index = put(buffer, index, SNAPSHOT_ASKS);
            index = putLevels(buffer, index, message, DepthMessage.ASK);
            index = put(buffer, index, SNAPSHOT_BIDS);
            index = putLevels(buffer, index, message, DepthMessage.BID);
            index = putChecksum(buffer, index, message);
        }
        else
        {
            final boolean hasAsks = count(message, DepthMessage.ASK) > 0;
            final boolean hasBids = count(message, DepthMessage.BID) > 0;
            if (hasAsks || !hasBids)
            {
                index = put(buffer, index, ASKS);
                index = putLevels(buffer, index, message, DepthMessage.ASK);
                if (hasBids)
                {
                    index = put(buffer, index, DICT_SEPARATOR);
                }
            }
            if (hasBids)
            {
                index = put(buffer, index, BIDS);
                index = putLevels(buffer, index, message, DepthMessage.BID);
            }
            index = putChecksum(buffer, index, message);
        }
        index = put(buffer, index, BOOK);
        index = putLong(buffer, index, depth);
        index = put(buffer, index, PAIR_START);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, FRAME_END);
        return index - offset;
    }

    private static int putChecksum(final MutableDirectBuffer buffer, final int start, final DepthMessage message)
    {
        int index = start;
        if (message.hasChecksum())
        {
            index = put(buffer, index, CHECKSUM);
            index = putLong(buffer, index, message.checksum());
            index = putByte(buffer, index, '"');
        }
        return putByte(buffer, index, '}');
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
            index = put(buffer, index, LEVEL_START);
            index = JsonWriter.putPrice(buffer, index, message, i);
            index = put(buffer, index, SEPARATOR);
            index = JsonWriter.putQuantity(buffer, index, message, i);
            index = put(buffer, index, SEPARATOR);
            index = JsonWriter.putDecimal(buffer, index, message.eventTimeMs() * MICROS_PER_MS, 6, 6);
            index = put(buffer, index, LEVEL_END);
        }
        return putByte(buffer, index, ']');
    }

    private static int count(final DepthMessage message, final byte side)
    {
        int count = 0;
        for (int i = 0; i < message.levelCount(); i++)
        {
            if (message.side(i) == side)
            {
                count++;
            }
        }
        return count;
    }
}
