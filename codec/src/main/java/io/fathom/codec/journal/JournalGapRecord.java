package io.fathom.codec.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.journal.JournalHeader.BYTE_ORDER;

/**
 * Journaling resumes after a hole: records were not written (the journal's disk was short of space), so from here
 * every book is unknown until its next snapshot, which follows for every valid book.
 *
 * <pre>
 *  body (after the header), little-endian:
 *   0  int64  time journaling resumed, epoch ns
 *   8  int64  time of the first record not written, epoch ns
 *  16  int64  time of the last record not written, epoch ns
 *  24  int64  records not written
 * </pre>
 */
public final class JournalGapRecord
{
    public static final int BLOCK_LENGTH = 32;
    public static final int LENGTH = JournalHeader.LENGTH + BLOCK_LENGTH;

    private static final int EPOCH_NS = 0;
    private static final int FIRST_SKIPPED_EPOCH_NS = 8;
    private static final int LAST_SKIPPED_EPOCH_NS = 16;
    private static final int RECORDS_SKIPPED = 24;

    private DirectBuffer buffer;
    private int body;

    private JournalGapRecord()
    {
    }

    /** A reusable reader. */
    public static JournalGapRecord reader()
    {
        return new JournalGapRecord();
    }

    /** @return the record's length. */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final long epochNs,
        final long firstSkippedEpochNs,
        final long lastSkippedEpochNs,
        final long recordsSkipped)
    {
        JournalHeader.write(buffer, offset, JournalTemplate.JOURNAL_GAP.id(), BLOCK_LENGTH);
        final int body = offset + JournalHeader.LENGTH;
        buffer.putLong(body + EPOCH_NS, epochNs, BYTE_ORDER);
        buffer.putLong(body + FIRST_SKIPPED_EPOCH_NS, firstSkippedEpochNs, BYTE_ORDER);
        buffer.putLong(body + LAST_SKIPPED_EPOCH_NS, lastSkippedEpochNs, BYTE_ORDER);
        buffer.putLong(body + RECORDS_SKIPPED, recordsSkipped, BYTE_ORDER);
        return LENGTH;
    }

    /** Wraps a record whose header starts at {@code offset}. */
    public JournalGapRecord wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + JournalHeader.LENGTH;
        return this;
    }

    /** When journaling resumed. */
    public long epochNs()
    {
        return buffer.getLong(body + EPOCH_NS, BYTE_ORDER);
    }

    public long firstSkippedEpochNs()
    {
        return buffer.getLong(body + FIRST_SKIPPED_EPOCH_NS, BYTE_ORDER);
    }

    public long lastSkippedEpochNs()
    {
        return buffer.getLong(body + LAST_SKIPPED_EPOCH_NS, BYTE_ORDER);
    }

    public long recordsSkipped()
    {
        return buffer.getLong(body + RECORDS_SKIPPED, BYTE_ORDER);
    }
}
