package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * Session start and end records; written once per engine run (and a start again at the head of
 * every new roll-cycle file), so allocation is acceptable here.
 *
 * <pre>
 *  session start body, little-endian:
 *   0  int64  epoch ns
 *   8  int32  instrument count
 *  12  int8   flags (version 2): bit 0 continuation, the same session going on in a new roll-cycle
 *             file; books carry on, nothing is reset
 *  13  int8[3] reserved
 *  16  int64  session id (version 2): shared by a start, its continuations and its end
 *  24  int32  pressure depth (version 2): levels per side in the volume pressure signal
 *  28  int32  book capacity per side (version 2): levels a book keeps
 *  32  int64  snapshot interval, ms (version 2): periodic snapshots, 0 for none
 *  40  instruments: count x { int32 id, int8 price scale, int8 quantity scale,
 *                             int8 venue length, venue ASCII, int8 symbol length, symbol ASCII }
 *      int16 description length, description ASCII (version 2): the rest of the configuration,
 *      "key=value" pairs separated by spaces
 *
 *  session end body, little-endian:
 *   0  int64  epoch ns
 *   8  int8   clean shutdown (1) or not (0)
 *   9  int8[7] reserved
 *  16  int64  delta records written this session
 *  24  int64  snapshot records written this session
 *  32  int64  session id (version 2)
 * </pre>
 *
 * Version 1 starts have a 16-byte block and no description; version 1 ends a 32-byte block. Their
 * missing fields decode as {@link SessionConfig#UNKNOWN} and session id 0.
 */
public final class SessionRecords
{
    public static final int START_BLOCK_LENGTH = 40;
    public static final int V1_START_BLOCK_LENGTH = 16;
    public static final int END_BLOCK_LENGTH = 40;
    public static final int V1_END_BLOCK_LENGTH = 32;
    public static final int END_LENGTH = JournalHeader.LENGTH + END_BLOCK_LENGTH;
    public static final int MAX_DESCRIPTION_LENGTH = 4096;

    private static final int FLAG_CONTINUATION = 1;

    /** One entry of the instrument table. */
    public record Instrument(int id, String venue, String symbol, int priceScale, int quantityScale)
    {
    }

    /**
     * What a session ran with, as far as replaying it needs to know.
     *
     * @param sessionId           random, names the session; 0 when unknown (version 1).
     * @param pressureDepth       levels per side in the volume pressure signal; 0 when unknown.
     * @param bookCapacityPerSide levels a book side keeps; 0 when unknown.
     * @param snapshotIntervalMs  periodic snapshot interval; 0 for none, -1 when unknown.
     * @param description         the rest, "key=value" pairs; empty when unknown.
     */
    public record SessionConfig(
        long sessionId, int pressureDepth, int bookCapacityPerSide, long snapshotIntervalMs, String description)
    {
        /** What a version 1 session start says of its configuration: nothing. */
        public static final SessionConfig UNKNOWN = new SessionConfig(0, 0, 0, -1, "");
    }

    /** A decoded session start. */
    public record SessionStart(long epochNs, boolean continuation, SessionConfig config, List<Instrument> instruments)
    {
    }

    /** A decoded session end. */
    public record SessionEnd(long epochNs, boolean clean, long deltaRecords, long snapshotRecords, long sessionId)
    {
    }

    private SessionRecords()
    {
    }

    /** @return the record's length. */
    public static int encodeStart(
        final MutableDirectBuffer buffer,
        final int offset,
        final long epochNs,
        final boolean continuation,
        final SessionConfig config,
        final List<Instrument> instruments)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.SESSION_START.id(), START_BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putLong(body, epochNs, BYTE_ORDER);
        buffer.putInt(body + 8, instruments.size(), BYTE_ORDER);
        buffer.putInt(body + 12, continuation ? FLAG_CONTINUATION : 0, BYTE_ORDER);
        buffer.putLong(body + 16, config.sessionId(), BYTE_ORDER);
        buffer.putInt(body + 24, config.pressureDepth(), BYTE_ORDER);
        buffer.putInt(body + 28, config.bookCapacityPerSide(), BYTE_ORDER);
        buffer.putLong(body + 32, config.snapshotIntervalMs(), BYTE_ORDER);
        int position = body + START_BLOCK_LENGTH;
        for (final Instrument instrument : instruments)
        {
            buffer.putInt(position, instrument.id(), BYTE_ORDER);
            buffer.putByte(position + 4, (byte)instrument.priceScale());
            buffer.putByte(position + 5, (byte)instrument.quantityScale());
            position = putString(buffer, position + 6, instrument.venue(), 1);
            position = putString(buffer, position, instrument.symbol(), 1);
        }
        position = putString(buffer, position, config.description(), 2);
        return position - offset;
    }

    /** Sets or clears the continuation flag of an encoded start, and its time. */
    public static void markContinuation(
        final MutableDirectBuffer buffer, final int offset, final boolean continuation, final long epochNs)
    {
        final int body = offset + JournalHeader.LENGTH;
        buffer.putLong(body, epochNs, BYTE_ORDER);
        buffer.putByte(body + 12, (byte)(continuation ? FLAG_CONTINUATION : 0));
    }

    /**
     * Decodes a start of any supported version.
     *
     * @throws IndexOutOfBoundsException when the record is shorter than its fields say.
     */
    public static SessionStart decodeStart(final DirectBuffer buffer, final int offset, final int length)
    {
        final int body = offset + JournalHeader.LENGTH;
        final int blockLength = JournalHeader.blockLength(buffer, offset);
        final int end = offset + length;
        check(body + Math.max(blockLength, V1_START_BLOCK_LENGTH), end);
        final long epochNs = buffer.getLong(body, BYTE_ORDER);
        final int count = buffer.getInt(body + 8, BYTE_ORDER);
        if (count < 0 || count > length)
        {
            throw new IndexOutOfBoundsException("instrument count " + count + " in a record of " + length + " bytes");
        }
        final boolean v2 = blockLength >= START_BLOCK_LENGTH;
        final boolean continuation = v2 && (buffer.getByte(body + 12) & FLAG_CONTINUATION) != 0;
        int position = body + blockLength;
        final List<Instrument> instruments = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            check(position + 7, end);
            final int id = buffer.getInt(position, BYTE_ORDER);
            final int priceScale = buffer.getByte(position + 4);
            final int quantityScale = buffer.getByte(position + 5);
            position += 6;
            final int venueLength = buffer.getByte(position) & 0xFF;
            check(position + 2 + venueLength, end);
            final String venue = buffer.getStringWithoutLengthAscii(position + 1, venueLength);
            position += 1 + venueLength;
            final int symbolLength = buffer.getByte(position) & 0xFF;
            check(position + 1 + symbolLength, end);
            final String symbol = buffer.getStringWithoutLengthAscii(position + 1, symbolLength);
            position += 1 + symbolLength;
            instruments.add(new Instrument(id, venue, symbol, priceScale, quantityScale));
        }
        SessionConfig config = SessionConfig.UNKNOWN;
        if (v2)
        {
            check(position + 2, end);
            final int descriptionLength = buffer.getShort(position, BYTE_ORDER) & 0xFFFF;
            check(position + 2 + descriptionLength, end);
            config = new SessionConfig(
                buffer.getLong(body + 16, BYTE_ORDER),
                buffer.getInt(body + 24, BYTE_ORDER),
                buffer.getInt(body + 28, BYTE_ORDER),
                buffer.getLong(body + 32, BYTE_ORDER),
                buffer.getStringWithoutLengthAscii(position + 2, descriptionLength));
        }
        return new SessionStart(epochNs, continuation, config, List.copyOf(instruments));
    }

    /** @return the record's length. */
    public static int encodeEnd(
        final MutableDirectBuffer buffer,
        final int offset,
        final long epochNs,
        final boolean clean,
        final long deltaRecords,
        final long snapshotRecords,
        final long sessionId)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.SESSION_END.id(), END_BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.setMemory(body, END_BLOCK_LENGTH, (byte)0);
        buffer.putLong(body, epochNs, BYTE_ORDER);
        buffer.putByte(body + 8, (byte)(clean ? 1 : 0));
        buffer.putLong(body + 16, deltaRecords, BYTE_ORDER);
        buffer.putLong(body + 24, snapshotRecords, BYTE_ORDER);
        buffer.putLong(body + 32, sessionId, BYTE_ORDER);
        return END_LENGTH;
    }

    /**
     * Decodes an end of any supported version.
     *
     * @throws IndexOutOfBoundsException when the record is shorter than its fields say.
     */
    public static SessionEnd decodeEnd(final DirectBuffer buffer, final int offset, final int length)
    {
        final int body = offset + JournalHeader.LENGTH;
        final int blockLength = JournalHeader.blockLength(buffer, offset);
        check(body + Math.max(blockLength, V1_END_BLOCK_LENGTH), offset + length);
        return new SessionEnd(
            buffer.getLong(body, BYTE_ORDER),
            buffer.getByte(body + 8) != 0,
            buffer.getLong(body + 16, BYTE_ORDER),
            buffer.getLong(body + 24, BYTE_ORDER),
            blockLength >= END_BLOCK_LENGTH ? buffer.getLong(body + 32, BYTE_ORDER) : 0);
    }

    private static void check(final int needed, final int end)
    {
        if (needed > end)
        {
            throw new IndexOutOfBoundsException("record ends at " + end + ", its fields need " + needed);
        }
    }

    private static int putString(
        final MutableDirectBuffer buffer, final int offset, final String value, final int lengthBytes)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        final int max = lengthBytes == 1 ? 255 : MAX_DESCRIPTION_LENGTH;
        if (bytes.length > max)
        {
            throw new IllegalArgumentException("text longer than " + max + " bytes: " + value);
        }
        if (lengthBytes == 1)
        {
            buffer.putByte(offset, (byte)bytes.length);
        }
        else
        {
            buffer.putShort(offset, (short)bytes.length, BYTE_ORDER);
        }
        buffer.putBytes(offset + lengthBytes, bytes);
        return offset + lengthBytes + bytes.length;
    }
}
