package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The 8-byte header in front of every journal record.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |          schema id            |        schema version         |
 *  +-------------------------------+-------------------------------+
 *  |         template id           |     block length (body)       |
 *  +-------------------------------+-------------------------------+
 * </pre>
 *
 * All fields little-endian. The block length is the fixed part of the body; variable parts (levels,
 * instrument entries) follow it, so a newer version may append fixed fields and an older reader
 * still finds the variable part by skipping {@code blockLength} bytes. Readers of this version decode
 * every version from {@link #MIN_SCHEMA_VERSION} to {@link #SCHEMA_VERSION}: a field a record's
 * version does not carry reads as its documented default.
 *
 * <p>Version history: 1, the first; 2 adds the sync delta count to snapshots, the triggering update
 * ids to book states, session config and continuation flag to session starts, the session id to
 * session ends, and the feed state record.
 */
public final class JournalHeader
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final int SCHEMA_ID = 0xFA70;
    public static final int SCHEMA_VERSION = 2;
    public static final int MIN_SCHEMA_VERSION = 1;
    public static final int LENGTH = 8;

    public static final int SCHEMA_ID_OFFSET = 0;
    public static final int VERSION_OFFSET = 2;
    public static final int TEMPLATE_ID_OFFSET = 4;
    public static final int BLOCK_LENGTH_OFFSET = 6;

    private JournalHeader()
    {
    }

    /** Writes a header of the current schema version. */
    public static void write(
        final MutableDirectBuffer buffer, final int offset, final int templateId, final int blockLength)
    {
        buffer.putShort(offset + SCHEMA_ID_OFFSET, (short)SCHEMA_ID, BYTE_ORDER);
        buffer.putShort(offset + VERSION_OFFSET, (short)SCHEMA_VERSION, BYTE_ORDER);
        buffer.putShort(offset + TEMPLATE_ID_OFFSET, (short)templateId, BYTE_ORDER);
        buffer.putShort(offset + BLOCK_LENGTH_OFFSET, (short)blockLength, BYTE_ORDER);
    }

    /** Whether a reader of this version decodes a record of {@code version}. */
    public static boolean isSupported(final int version)
    {
        return version >= MIN_SCHEMA_VERSION && version <= SCHEMA_VERSION;
    }

    public static int schemaId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SCHEMA_ID_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + VERSION_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    public static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE_ID_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    public static int blockLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + BLOCK_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
    }
}
