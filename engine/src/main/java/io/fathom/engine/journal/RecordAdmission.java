package io.fathom.engine.journal;

import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.SessionRecords;
import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.ExpandableArrayBuffer;

/**
 * Decides whether a writer's next record may be written now, and first writes what must come before it: the
 * session start again (flagged as a continuation) at the head of each new roll-cycle file, and after a hole (the
 * journal's disk was short of space, {@link JournalSpace}) the session start and a {@code journal_gap} record.
 * Owned by one {@link JournalWriter}, on its thread.
 */
final class RecordAdmission
{
    private final Journal journal;
    private final InPlaceAppender documents;
    private final TimeProvider time;
    private final long cycleLengthMs;
    private final long epochMs;
    private final JournalSpace space;
    private final JournalSpace.HoleMarker holeMarker = this::markHole;
    private final ExpandableArrayBuffer continuation = new ExpandableArrayBuffer(1024);
    private final ExpandableArrayBuffer gap = new ExpandableArrayBuffer(JournalGapRecord.LENGTH);
    private long bytesSinceCheck;
    private long nextCycleStartMs;
    private long records;

    RecordAdmission(
        final Journal journal, final InPlaceAppender documents, final TimeProvider time, final long cycleLengthMs, final long epochMs)
    {
        this.journal = journal;
        this.documents = documents;
        this.time = time;
        this.cycleLengthMs = cycleLengthMs;
        this.epochMs = epochMs;
        this.space = journal.space();
        this.bytesSinceCheck = space.checkEveryBytes();
        this.nextCycleStartMs = nextCycleStart(time.currentTimeMillis());
    }

    /** Continuations and {@code journal_gap} records written. */
    long records()
    {
        return records;
    }

    /** The session start is about to be written: it heads the current roll cycle's file. */
    void sessionStarting()
    {
        nextCycleStartMs = nextCycleStart(time.currentTimeMillis());
    }

    /**
     * Closes a hole still open at the end of a session, writing its {@code journal_gap}.
     *
     * @return true when journaling was not suspended.
     */
    boolean closeHole()
    {
        return !space.watched() || space.closeHole(time.currentTimeMillis(), holeMarker);
    }

    /** @return false when the record of {@code length} bytes is to be skipped for want of disk space. */
    boolean admit(final int length)
    {
        final long nowMs = time.currentTimeMillis();
        final boolean newCycle = nowMs >= nextCycleStartMs;
        if (space.watched() && (space.isSuspended() || newCycle || (bytesSinceCheck += length) >= space.checkEveryBytes()))
        {
            bytesSinceCheck = 0;
            final JournalSpace.Admission admission = space.admit(nowMs, holeMarker);
            if (admission == JournalSpace.Admission.SKIP)
            {
                return false;
            }
            if (admission == JournalSpace.Admission.RESUMED)
            {
                return true;
            }
        }
        if (newCycle)
        {
            nextCycleStartMs = nextCycleStart(nowMs);
            appendContinuation(nowMs);
        }
        return true;
    }

    /**
     * Journaling resumes after a hole: the session start again (a continuation, so the records after the hole name
     * their instruments even if it began before the session did), then the {@code journal_gap} record.
     */
    private void markHole(final long nowMs, final long firstEpochNs, final long lastEpochNs, final long count)
    {
        nextCycleStartMs = nextCycleStart(nowMs);
        appendContinuation(nowMs);
        documents.append(gap, JournalGapRecord.encode(gap, 0, nowMs * 1_000_000L, firstEpochNs, lastEpochNs, count));
        records++;
    }

    private void appendContinuation(final long nowMs)
    {
        final byte[] start = journal.sessionStart();
        if (start == null)
        {
            return;
        }
        continuation.putBytes(0, start);
        SessionRecords.markContinuation(continuation, 0, true, nowMs * 1_000_000L);
        documents.append(continuation, start.length);
        records++;
    }

    private long nextCycleStart(final long nowMs)
    {
        return epochMs + (Math.floorDiv(nowMs - epochMs, cycleLengthMs) + 1) * cycleLengthMs;
    }
}
