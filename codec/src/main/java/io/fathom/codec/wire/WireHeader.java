package io.fathom.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The header of every message of the published book stream (schema {@link #SCHEMA_ID}), little-endian.
 *
 * <pre>
 *   0  int16  schema id 0xFA71
 *   2  int16  schema version ({@link #VERSION}; 2 added the venue to {@link InstrumentDefinition}); a reader refuses
 *             a version it does not know
 *   4  int16  template id ({@link WireTemplate})
 *   6  int16  block length: bytes of the fixed block after the header (a reader skips fields it does not know)
 *   8  int32  instrument id, the publisher's own (unique per publisher, not across shards)
 *  12  int32  sequence: per instrument and publisher, +1 for every message the publisher meant to send for it,
 *             sent or not; a jump means messages were lost and the book is in doubt until its next snapshot
 *  16  int64  publish time, System.nanoTime() of the publisher (comparable only on the same host)
 * </pre>
 */
public final class WireHeader
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final short SCHEMA_ID = (short)0xFA71;
    public static final short VERSION = 2;
    /** The oldest version a reader of this one still reads: a version 1 definition names no venue. */
    public static final short OLDEST_READ_VERSION = 1;
    public static final int LENGTH = 24;

    private static final int SCHEMA = 0;
    private static final int SCHEMA_VERSION = 2;
    private static final int TEMPLATE = 4;
    private static final int BLOCK_LENGTH = 6;
    private static final int INSTRUMENT_ID = 8;
    private static final int SEQUENCE = 12;
    private static final int PUBLISH_NS = 16;

    private WireHeader()
    {
    }

    /** Writes a header at {@code offset}; the body follows at {@code offset + LENGTH}. */
    public static void put(
        final MutableDirectBuffer buffer,
        final int offset,
        final short templateId,
        final int blockLength,
        final int instrumentId,
        final int sequence,
        final long publishNs)
    {
        buffer.putShort(offset + SCHEMA, SCHEMA_ID, BYTE_ORDER);
        buffer.putShort(offset + SCHEMA_VERSION, VERSION, BYTE_ORDER);
        buffer.putShort(offset + TEMPLATE, templateId, BYTE_ORDER);
        buffer.putShort(offset + BLOCK_LENGTH, (short)blockLength, BYTE_ORDER);
        buffer.putInt(offset + INSTRUMENT_ID, instrumentId, BYTE_ORDER);
        buffer.putInt(offset + SEQUENCE, sequence, BYTE_ORDER);
        buffer.putLong(offset + PUBLISH_NS, publishNs, BYTE_ORDER);
    }

    /** Whether {@code length} bytes at {@code offset} start with a header of this schema, any version. */
    public static boolean isBookWire(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= LENGTH && buffer.getShort(offset + SCHEMA, BYTE_ORDER) == SCHEMA_ID;
    }

    /** Whether the message's version is one this reader knows, {@link #OLDEST_READ_VERSION}..{@link #VERSION}. */
    public static boolean isKnownVersion(final DirectBuffer buffer, final int offset)
    {
        final int version = version(buffer, offset);
        return version >= OLDEST_READ_VERSION && version <= VERSION;
    }

    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SCHEMA_VERSION, BYTE_ORDER);
    }

    public static short templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE, BYTE_ORDER);
    }

    public static int blockLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + BLOCK_LENGTH, BYTE_ORDER) & 0xFFFF;
    }

    public static int instrumentId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + INSTRUMENT_ID, BYTE_ORDER);
    }

    public static int sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + SEQUENCE, BYTE_ORDER);
    }

    public static long publishNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + PUBLISH_NS, BYTE_ORDER);
    }
}
