package io.fathom.codec.okx;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes {@link DepthMessage}s as OKX v5 {@code books} pushes, for the exchange simulator and round-trip
 * tests, without allocating.
 *
 * <p>Prices and sizes are written with each level's received decimals. OKX's level is
 * {@code ["px","sz","0","orders"]}; the message holds no order counts, so a level writes 1 order, or 0 when
 * its size is 0 (as OKX sends for a removal). {@code checksum} is the message's, or 0 without one;
 * {@code seqId}/{@code prevSeqId} are written when the message has a last update id ({@code prevSeqId} -1
 * when it has no previous one). The encoder holds no state; threads may share it.
 */
public final class OkxBooksEncoder
{
    private static final int MAX_FIXED_LENGTH = 256;
    private static final byte[] ARG_START = ascii("{\"arg\":{\"channel\":\"");
    private static final byte[] INST_ID = ascii("\",\"instId\":\"");
    private static final byte[] ACTION_SNAPSHOT = ascii("\"},\"action\":\"snapshot\",\"data\":[{\"asks\":");
    private static final byte[] ACTION_UPDATE = ascii("\"},\"action\":\"update\",\"data\":[{\"asks\":");
    private static final byte[] BIDS = ascii(",\"bids\":");
    private static final byte[] TS = ascii(",\"ts\":\"");
    private static final byte[] CHECKSUM = ascii("\",\"checksum\":");
    private static final byte[] PREV_SEQ_ID = ascii(",\"prevSeqId\":");
    private static final byte[] SEQ_ID = ascii(",\"seqId\":");
    private static final byte[] END = ascii("}]}");
    private static final byte[] LEVEL_SUFFIX = ascii(",\"0\",\"1\"");
    private static final byte[] ZERO_LEVEL_SUFFIX = ascii(",\"0\",\"0\"");
    private static final byte[] BOOKS = ascii("books");

    /** An upper bound on the bytes {@link #encode} writes, for sizing a fixed buffer. */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 20);
    }

    /**
     * Writes a {@code books} push: {@code snapshot} for {@link DepthMessage#KIND_SNAPSHOT}, else {@code update}.
     *
     * @return the number of bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        int index = put(buffer, offset, ARG_START);
        index = put(buffer, index, BOOKS);
        index = put(buffer, index, INST_ID);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, message.kind() == DepthMessage.KIND_SNAPSHOT ? ACTION_SNAPSHOT : ACTION_UPDATE);
        index = JsonWriter.putQuotedLevels(buffer, index, message, DepthMessage.ASK, LEVEL_SUFFIX, ZERO_LEVEL_SUFFIX);
        index = put(buffer, index, BIDS);
        index = JsonWriter.putQuotedLevels(buffer, index, message, DepthMessage.BID, LEVEL_SUFFIX, ZERO_LEVEL_SUFFIX);
        index = put(buffer, index, TS);
        index = putLong(buffer, index, message.eventTimeMs());
        index = put(buffer, index, CHECKSUM);
        index = putLong(buffer, index, message.hasChecksum() ? message.checksum() : 0);
        if (DepthMessage.NO_ID != message.lastUpdateId())
        {
            index = put(buffer, index, PREV_SEQ_ID);
            index = putLong(buffer, index, message.previousUpdateId());
            index = put(buffer, index, SEQ_ID);
            index = putLong(buffer, index, message.lastUpdateId());
        }
        index = put(buffer, index, END);
        return index - offset;
    }
}
