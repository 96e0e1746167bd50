package io.fathom.codec.journal;

import org.agrona.DirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * Checks that a record is whole and says when it happened, for any template and supported version,
 * without allocating (except for session records, which are rare).
 */
public final class JournalRecords
{
    private static final int DELTA_LEVEL_COUNT = 48;
    private static final int DELTA_RECEIVE_EPOCH_NS = 40;
    private static final int SNAPSHOT_BID_COUNT = 24;
    private static final int SNAPSHOT_ASK_COUNT = 28;
    private static final int SNAPSHOT_EPOCH_NS = 16;
    private static final int BOOK_STATE_EPOCH_NS = 16;
    private static final int FEED_STATE_CAUSE_LENGTH = 18;

    private JournalRecords()
    {
    }

    /**
     * Whether a record of a known template holds exactly what its header and counts declare.
     *
     * @param length the record's length as stored.
     * @return null when it is whole, else what is wrong with it.
     */
    public static String problem(
        final JournalTemplate template, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < JournalHeader.LENGTH)
        {
            return "shorter than a header: " + length + " bytes";
        }
        final int blockLength = JournalHeader.blockLength(buffer, offset);
        final int minBlockLength = minBlockLength(template);
        if (blockLength < minBlockLength)
        {
            return template.label() + " block of " + blockLength + " bytes, at least " + minBlockLength + " expected";
        }
        final int body = offset + JournalHeader.LENGTH;
        if (JournalHeader.LENGTH + blockLength > length)
        {
            return template.label() + " of " + length + " bytes cannot hold its " + blockLength + "-byte block";
        }
        final long expected;
        switch (template)
        {
            case DELTA:
                expected = JournalHeader.LENGTH + blockLength +
                    (long)buffer.getInt(body + DELTA_LEVEL_COUNT, BYTE_ORDER) * DeltaRecord.LEVEL_LENGTH;
                break;
            case SNAPSHOT:
                final long levels = (long)buffer.getInt(body + SNAPSHOT_BID_COUNT, BYTE_ORDER) +
                    buffer.getInt(body + SNAPSHOT_ASK_COUNT, BYTE_ORDER);
                expected = JournalHeader.LENGTH + blockLength + levels * SnapshotRecord.LEVEL_LENGTH;
                break;
            case FEED_STATE:
                expected = JournalHeader.LENGTH + blockLength +
                    (buffer.getShort(body + FEED_STATE_CAUSE_LENGTH, BYTE_ORDER) & 0xFFFF);
                break;
            case SESSION_START:
                try
                {
                    SessionRecords.decodeStart(buffer, offset, length);
                    return null;
                }
                catch (final IndexOutOfBoundsException ex)
                {
                    return "session_start: " + ex.getMessage();
                }
            default:
                expected = JournalHeader.LENGTH + blockLength;
        }
        return expected == length ? null : template.label() + " of " + length + " bytes, its fields declare " + expected;
    }

    /**
     * When the record happened, epoch ns: a delta's receive time, a snapshot's or state change's time
     * taken, a session's start or end. Call only on a record {@link #problem} found whole.
     */
    public static long epochNs(final JournalTemplate template, final DirectBuffer buffer, final int offset)
    {
        final int body = offset + JournalHeader.LENGTH;
        switch (template)
        {
            case DELTA:
                return buffer.getLong(body + DELTA_RECEIVE_EPOCH_NS, BYTE_ORDER);
            case SNAPSHOT:
                return buffer.getLong(body + SNAPSHOT_EPOCH_NS, BYTE_ORDER);
            case BOOK_STATE:
                return buffer.getLong(body + BOOK_STATE_EPOCH_NS, BYTE_ORDER);
            default:
                return buffer.getLong(body, BYTE_ORDER);
        }
    }

    /** The block length of a template's first version: anything shorter is not a record of it. */
    public static int minBlockLength(final JournalTemplate template)
    {
        switch (template)
        {
            case SESSION_START:
                return SessionRecords.V1_START_BLOCK_LENGTH;
            case DELTA:
                return DeltaRecord.BLOCK_LENGTH;
            case SNAPSHOT:
                return SnapshotRecord.V1_BLOCK_LENGTH;
            case BOOK_STATE:
                return BookStateRecord.V1_BLOCK_LENGTH;
            case SESSION_END:
                return SessionRecords.V1_END_BLOCK_LENGTH;
            case JOURNAL_GAP:
                return JournalGapRecord.BLOCK_LENGTH;
            default:
                return FeedStateRecord.BLOCK_LENGTH;
        }
    }
}
