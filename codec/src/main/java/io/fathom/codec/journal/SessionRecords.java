package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * Session start and end records; written once per engine run, so allocation is acceptable here.
 *
 * <pre>
 *  session start body, little-endian:
 *   0  int64  epoch ns
 *   8  int32  instrument count
 *  12  int32  reserved
 *  16  instruments: count x { int32 id, int8 price scale, int8 quantity scale,
 *                             int8 venue length, venue ASCII, int8 symbol length, symbol ASCII }
 *
 *  session end body, little-endian:
 *   0  int64  epoch ns
 *   8  int8   clean shutdown (1) or not (0)
 *   9  int8[7] reserved
 *  16  int64  delta records written this session
 *  24  int64  snapshot records written this session
 * </pre>
 */
public final class SessionRecords
{
    public static final int START_BLOCK_LENGTH = 16;
    public static final int END_BLOCK_LENGTH = 32;
    public static final int END_LENGTH = JournalHeader.LENGTH + END_BLOCK_LENGTH;

    /** One entry of the instrument table. */
    public record Instrument(int id, String venue, String symbol, int priceScale, int quantityScale)
    {
    }

    /** A decoded session start. */
    public record SessionStart(long epochNs, java.util.List<Instrument> instruments)
    {
    }

    /** A decoded session end. */
    public record SessionEnd(long epochNs, boolean clean, long deltaRecords, long snapshotRecords)
    {
    }

    private SessionRecords()
    {
    }

    public static int encodeStart(
        final MutableDirectBuffer buffer, final int offset, final long epochNs, final java.util.List<Instrument> instruments)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.SESSION_START.id(), START_BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putLong(body, epochNs, BYTE_ORDER);
        buffer.putInt(body + 8, instruments.size(), BYTE_ORDER);
        buffer.putInt(body + 12, 0, BYTE_ORDER);
        int position = body + START_BLOCK_LENGTH;
        for (final Instrument instrument : instruments)
        {
            buffer.putInt(position, instrument.id(), BYTE_ORDER);
            buffer.putByte(position + 4, (byte)instrument.priceScale());
            buffer.putByte(position + 5, (byte)instrument.quantityScale());
            position = putShortString(buffer, position + 6, instrument.venue());
            position = putShortString(buffer, position, instrument.symbol());
        }
        return position - offset;
    }

    public static SessionStart decodeStart(final DirectBuffer buffer, final int offset)
    {
        final int body = offset + JournalHeader.LENGTH;
        final long epochNs = buffer.getLong(body, BYTE_ORDER);
        final int count = buffer.getInt(body + 8, BYTE_ORDER);
        int position = body + JournalHeader.blockLength(buffer, offset);
        final java.util.List<Instrument> instruments = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final int id = buffer.getInt(position, BYTE_ORDER);
            final int priceScale = buffer.getByte(position + 4);
            final int quantityScale = buffer.getByte(position + 5);
            position += 6;
            final int venueLength = buffer.getByte(position) & 0xFF;
            final String venue = buffer.getStringWithoutLengthAscii(position + 1, venueLength);
            position += 1 + venueLength;
            final int symbolLength = buffer.getByte(position) & 0xFF;
            final String symbol = buffer.getStringWithoutLengthAscii(position + 1, symbolLength);
            position += 1 + symbolLength;
            instruments.add(new Instrument(id, venue, symbol, priceScale, quantityScale));
        }
        return new SessionStart(epochNs, instruments);
    }

    public static int encodeEnd(
        final MutableDirectBuffer buffer,
        final int offset,
        final long epochNs,
        final boolean clean,
        final long deltaRecords,
        final long snapshotRecords)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.SESSION_END.id(), END_BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.setMemory(body, END_BLOCK_LENGTH, (byte)0);
        buffer.putLong(body, epochNs, BYTE_ORDER);
        buffer.putByte(body + 8, (byte)(clean ? 1 : 0));
        buffer.putLong(body + 16, deltaRecords, BYTE_ORDER);
        buffer.putLong(body + 24, snapshotRecords, BYTE_ORDER);
        return END_LENGTH;
    }

    public static SessionEnd decodeEnd(final DirectBuffer buffer, final int offset)
    {
        final int body = offset + JournalHeader.LENGTH;
        return new SessionEnd(
            buffer.getLong(body, BYTE_ORDER),
            buffer.getByte(body + 8) != 0,
            buffer.getLong(body + 16, BYTE_ORDER),
            buffer.getLong(body + 24, BYTE_ORDER));
    }

    private static int putShortString(final MutableDirectBuffer buffer, final int offset, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 255)
        {
            throw new IllegalArgumentException("name longer than 255 bytes: " + value);
        }
        buffer.putByte(offset, (byte)bytes.length);
        buffer.putBytes(offset + 1, bytes);
        return offset + 1 + bytes.length;
    }
}
