package io.fathom.engine.status;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;

/**
 * Layout of {@code counters.dat}, the engine's status file in its run directory, which another
 * process maps to read counters and errors live, or after the engine died.
 *
 * <pre>
 *   0  int32  magic 0x4654_4D43 ("FTMC")
 *   4  int32  layout version
 *   8  int32  values length
 *  12  int32  metadata length
 *  16  int32  error log length
 *  20  int32  reserved
 *  24  int64  pid of the engine
 *  32  int64  engine start, epoch ms
 *  40  int64  heartbeat, epoch ms (written every 100 ms while the engine runs)
 *  48  reserved up to byte 127, so the values start 128-byte aligned as Agrona's
 *      counter layout (128 bytes a counter) expects
 * 128  values:    Agrona CountersManager values buffer
 *      metadata:  Agrona CountersManager metadata buffer
 *      error log: Agrona DistinctErrorLog buffer
 * </pre>
 */
public final class CountersFile
{
    public static final String FILE_NAME = "counters.dat";
    public static final int MAGIC = 0x46544D43;
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 128;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int VALUES_LENGTH_OFFSET = 8;
    static final int METADATA_LENGTH_OFFSET = 12;
    static final int ERROR_LOG_LENGTH_OFFSET = 16;
    static final int PID_OFFSET = 24;
    static final int START_TIME_OFFSET = 32;
    static final int HEARTBEAT_OFFSET = 40;

    /** Counter type ids; system counters use {@link #SYSTEM_TYPE}. Ids are never reused. */
    public static final int SYSTEM_TYPE = 0;
    public static final int FEED_STATE_TYPE = 1;
    public static final int FEED_MESSAGES_TYPE = 2;
    public static final int FEED_LAST_MESSAGE_TYPE = 3;
    public static final int FEED_RECONNECTS_TYPE = 4;
    public static final int FEED_RESYNCS_TYPE = 5;
    public static final int CONNECTION_STATE_TYPE = 10;
    public static final int CONNECTION_MESSAGES_TYPE = 11;
    public static final int CONNECTION_RECONNECTS_TYPE = 12;
    /** Holds a system counter id reserved for a counter this build does not have; labelled "unused". */
    public static final int UNUSED_ID_TYPE = 99;

    /** What a connection's state counter holds, by value: the supervisor's connection states in order. */
    public static final java.util.List<String> CONNECTION_STATES =
        java.util.List.of("pending", "connecting", "open", "backoff", "closing", "closed", "failed");

    private final UnsafeBuffer header;
    private final UnsafeBuffer values;
    private final UnsafeBuffer metadata;
    private final UnsafeBuffer errorLog;

    /** Wraps a mapped file whose header is already written (a reader) or about to be (the engine). */
    CountersFile(final MappedByteBuffer mapped, final int valuesLength, final int metadataLength, final int errorLogLength)
    {
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        values = new UnsafeBuffer(mapped, HEADER_LENGTH, valuesLength);
        metadata = new UnsafeBuffer(mapped, HEADER_LENGTH + valuesLength, metadataLength);
        errorLog = new UnsafeBuffer(mapped, HEADER_LENGTH + valuesLength + metadataLength, errorLogLength);
    }

    void writeHeader(final long pid, final long startEpochMs)
    {
        header.putInt(VERSION_OFFSET, VERSION);
        header.putInt(VALUES_LENGTH_OFFSET, values.capacity());
        header.putInt(METADATA_LENGTH_OFFSET, metadata.capacity());
        header.putInt(ERROR_LOG_LENGTH_OFFSET, errorLog.capacity());
        header.putLong(PID_OFFSET, pid);
        header.putLong(START_TIME_OFFSET, startEpochMs);
        header.putLongVolatile(HEARTBEAT_OFFSET, startEpochMs);
        header.putIntVolatile(MAGIC_OFFSET, MAGIC);
    }

    void heartbeat(final long epochMs)
    {
        header.putLongOrdered(HEARTBEAT_OFFSET, epochMs);
    }

    public long pid()
    {
        return header.getLong(PID_OFFSET);
    }

    public long startEpochMs()
    {
        return header.getLong(START_TIME_OFFSET);
    }

    public long heartbeatEpochMs()
    {
        return header.getLongVolatile(HEARTBEAT_OFFSET);
    }

    public AtomicBuffer values()
    {
        return values;
    }

    public AtomicBuffer metadata()
    {
        return metadata;
    }

    public AtomicBuffer errorLog()
    {
        return errorLog;
    }
}
