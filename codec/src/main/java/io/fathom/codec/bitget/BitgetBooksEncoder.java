package io.fathom.codec.bitget;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Writes {@link DepthMessage}s as Bitget v1 {@code books} pushes, for the exchange simulator and round-trip
 * tests, without allocating: with each level's received decimals and the venue's key order, a decoded frame
 * is re-encoded byte for byte. The encoder holds no mutable state; threads may share it.
 */
public final class BitgetBooksEncoder
{
    private static final int MAX_FIXED_LENGTH = 256;
    private static final byte[] SNAPSHOT_START = ascii("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"");
    private static final byte[] UPDATE_START = ascii("{\"action\":\"update\",\"arg\":{\"instType\":\"");
    private static final byte[] CHANNEL = ascii("\",\"channel\":\"books\",\"instId\":\"");
    private static final byte[] DATA = ascii("\"},\"data\":[{\"asks\":");
    private static final byte[] BIDS = ascii(",\"bids\":");
    private static final byte[] CHECKSUM = ascii(",\"checksum\":");
    private static final byte[] TS = ascii(",\"ts\":\"");
    private static final byte[] END = ascii("\"}]}");
    private static final byte[] NO_SUFFIX = new byte[0];

    private final byte[] instType;

    /**
     * @param instType the {@code instType} Bitget pushes back: {@link BitgetProtocol#SPOT_PUSH_INST_TYPE} or
     *                 {@link BitgetProtocol#MIX_PUSH_INST_TYPE}.
     */
    public BitgetBooksEncoder(final String instType)
    {
        this.instType = ascii(instType);
    }

    /** An upper bound on the bytes {@link #encode} writes, for sizing a fixed buffer. */
    public static int maxEncodedLength(final int symbolLength, final int levelCount)
    {
        return MAX_FIXED_LENGTH + symbolLength + levelCount * (2 * JsonWriter.MAX_DECIMAL_LENGTH + 8);
    }

    /**
     * Writes a {@code books} push: {@code snapshot} for {@link DepthMessage#KIND_SNAPSHOT}, else {@code update};
     * the checksum is the message's, or 0 without one.
     *
     * @return the number of bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final DepthMessage message)
    {
        int index = put(buffer, offset, message.kind() == DepthMessage.KIND_SNAPSHOT ? SNAPSHOT_START : UPDATE_START);
        index = put(buffer, index, instType);
        index = put(buffer, index, CHANNEL);
        index = JsonWriter.putSymbol(buffer, index, message);
        index = put(buffer, index, DATA);
        index = JsonWriter.putQuotedLevels(buffer, index, message, DepthMessage.ASK, NO_SUFFIX, NO_SUFFIX);
        index = put(buffer, index, BIDS);
        index = JsonWriter.putQuotedLevels(buffer, index, message, DepthMessage.BID, NO_SUFFIX, NO_SUFFIX);
        index = put(buffer, index, CHECKSUM);
        index = putLong(buffer, index, message.hasChecksum() ? message.checksum() : 0);
        index = put(buffer, index, TS);
        index = putLong(buffer, index, message.eventTimeMs());
        index = put(buffer, index, END);
        return index - offset;
    }
}
