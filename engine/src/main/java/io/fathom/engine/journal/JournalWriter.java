package io.fathom.engine.journal;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;
import java.util.List;

/**
 * Appends journal records, each as one Chronicle document. The records of the hot path (deltas, snapshots, book
 * states) are encoded in place, straight into the queue's mapped file ({@link InPlaceAppender}); the rare ones
 * are encoded into a reusable buffer and copied. One instance per thread; allocates nothing in steady state.
 *
 * <p>Before its first record in a new roll-cycle file, a writer repeats the session start (flagged
 * as a continuation), so every file can be read without the files before it. While the journal's disk is short of
 * space ({@link JournalSpace}) records are skipped and counted, and a {@code journal_gap} record marks the hole.
 */
public final class JournalWriter implements AutoCloseable
{
    private final Journal journal;
    private final ExcerptAppender appender;
    private final InPlaceAppender documents;
    private final RecordAdmission admission;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private final JournalSpace space;
    private long records;
    private long deltaRecords;
    private long snapshotRecords;

    /**
     * A writer for an engine whose journal is off: it encodes nothing, writes nothing and counts
     * nothing, so the handlers that take a writer run unchanged.
     */
    public static JournalWriter discarding()
    {
        return new JournalWriter(null, null, null, Long.MAX_VALUE, 0);
    }

    JournalWriter(
        final Journal journal,
        final ExcerptAppender appender,
        final TimeProvider time,
        final long cycleLengthMs,
        final long epochMs)
    {
        this.journal = journal;
        this.appender = appender;
        this.documents = appender == null ? null : new InPlaceAppender(appender);
        this.admission = appender == null ? null : new RecordAdmission(journal, documents, time, cycleLengthMs, epochMs);
        this.space = journal == null ? JournalSpace.UNWATCHED : journal.space();
    }

    /** False for a {@link #discarding()} writer. */
    public boolean writes()
    {
        return appender != null;
    }

    /** What watches the disk this writer writes to. */
    public JournalSpace space()
    {
        return space;
    }

    /** Records appended by this writer, continuations included. */
    public long records()
    {
        return admission == null ? 0 : records + admission.records();
    }

    /** Delta records appended by this writer, those of sync slots included. */
    public long deltaRecords()
    {
        return deltaRecords;
    }

    /** Snapshot records appended by this writer. */
    public long snapshotRecords()
    {
        return snapshotRecords;
    }

    /** Records encoded aside and copied because they would not have lain inside the mapped region. */
    long copiedRecords()
    {
        return documents.copiedRecords();
    }

    /**
     * Starts a session: its configuration and instrument table. Every writer of this journal then
     * repeats it at the head of each new roll-cycle file.
     */
    public void sessionStart(
        final long epochNs, final SessionRecords.SessionConfig config, final List<SessionRecords.Instrument> instruments)
    {
        if (appender == null)
        {
            return;
        }
        final int length = SessionRecords.encodeStart(buffer, 0, epochNs, false, config, instruments);
        journal.sessionStarted(Arrays.copyOf(buffer.byteArray(), length), config.sessionId());
        admission.sessionStarting();
        append(length);
    }

    /**
     * Ends the session started on this journal; {@code deltas} and {@code snapshots} count all its writers. Written even
     * while suspended (after a {@code journal_gap} closing the hole; both fit in the reserve), and then not clean.
     */
    public void sessionEnd(final long epochNs, final boolean clean, final long deltas, final long snapshots)
    {
        if (appender == null)
        {
            return;
        }
        final boolean complete = admission.closeHole();
        final int length = SessionRecords.encodeEnd(buffer, 0, epochNs, clean && complete, deltas, snapshots, journal.sessionId());
        if (complete)
        {
            append(length);
        }
        else
        {
            write(buffer, length);
        }
    }

    /** An applied delta event; allocates nothing. */
    public void delta(final DepthEvent event)
    {
        if (appender == null)
        {
            return;
        }
        final int count = event.levelCount;
        final MutableDirectBuffer record = open(DeltaRecord.length(count));
        if (record == null)
        {
            return;
        }
        int position = DeltaRecord.encodeFixed(
            record, 0, event.instrumentId, event.partIndex, event.partCount, event.firstUpdateId, event.lastUpdateId,
            event.previousUpdateId, event.eventTimeMs, event.receiveEpochNs, count);
        for (int i = 0; i < count; i++)
        {
            position = DeltaRecord.putLevel(record, position, event.sides[i], event.prices[i], event.quantities[i]);
        }
        commit(position);
        deltaRecords++;
    }

    /**
     * Writes a slot's snapshot and then the deltas applied on top of it, in order; a sync snapshot
     * says how many of the delta records after it belong to the sync.
     */
    public void slot(final SnapshotSlots.Slot slot)
    {
        if (appender == null)
        {
            return;
        }
        final MutableDirectBuffer record = open(SnapshotRecord.length(slot.bidCount, slot.askCount));
        if (record != null)
        {
            int position = SnapshotRecord.encodeFixed(
                record, 0, slot.instrumentId, slot.reason, slot.valid, slot.updateId, slot.epochNs,
                slot.bidCount, slot.askCount, slot.deltaCount);
            final int levels = slot.bidCount + slot.askCount;
            for (int i = 0; i < levels; i++)
            {
                position = SnapshotRecord.putLevel(record, position, slot.prices[i], slot.quantities[i]);
            }
            commit(position);
            snapshotRecords++;
        }

        for (int d = 0; d < slot.deltaCount; d++)
        {
            final int start = slot.deltaLevelStart[d];
            final int count = slot.deltaLevelCount[d];
            final MutableDirectBuffer delta = open(DeltaRecord.length(count));
            if (delta == null)
            {
                continue;
            }
            int at = DeltaRecord.encodeFixed(
                delta, 0, slot.instrumentId, slot.deltaPartIndex[d], slot.deltaPartCount[d],
                slot.deltaFirstUpdateId[d], slot.deltaLastUpdateId[d], slot.deltaPreviousUpdateId[d],
                slot.deltaEventTimeMs[d], slot.deltaReceiveEpochNs[d], count);
            for (int i = start, end = start + count; i < end; i++)
            {
                at = DeltaRecord.putLevel(delta, at, slot.deltaSides[i], slot.deltaPrices[i], slot.deltaQuantities[i]);
            }
            commit(at);
            deltaRecords++;
        }
    }

    /**
     * A book was invalidated.
     *
     * @param triggerFirstUpdateId first update id of the event that did it, or -1 (a lost connection).
     * @param triggerLastUpdateId  last update id of that event, or -1.
     */
    public void bookState(
        final int instrumentId,
        final byte reason,
        final long updateId,
        final long triggerFirstUpdateId,
        final long triggerLastUpdateId,
        final long epochNs)
    {
        if (appender == null)
        {
            return;
        }
        final MutableDirectBuffer record = open(BookStateRecord.LENGTH);
        if (record != null)
        {
            commit(BookStateRecord.encode(
                record, 0, instrumentId, reason, updateId, triggerFirstUpdateId, triggerLastUpdateId, epochNs));
        }
    }

    /**
     * A feed's state transition, with its cause (cut at {@link FeedStateRecord#MAX_CAUSE_LENGTH}
     * characters); allocates nothing. Call it from the thread that owns this writer: the supervisor
     * takes its own writer with {@link Journal#newWriter()}.
     *
     * @param instrumentId the feed's instrument, or -1 for a change of a whole connection.
     * @param connectionId the connection carrying it, or -1 when not known.
     */
    public void feedState(
        final int instrumentId,
        final int connectionId,
        final FeedState from,
        final FeedState to,
        final CharSequence cause,
        final long epochNs)
    {
        if (appender == null)
        {
            return;
        }
        buffer.checkLimit(FeedStateRecord.maxLength());
        append(FeedStateRecord.encode(buffer, 0, epochNs, instrumentId, connectionId, code(from), code(to), cause));
    }

    /**
     * Hands this writer to the calling thread (Chronicle appenders are single-threaded); the
     * previous owner must have stopped using it, e.g. a stopped agent whose owner takes over.
     */
    public void handOver()
    {
        if (appender == null)
        {
            return;
        }
        appender.singleThreadedCheckReset();
    }

    /** The journal's stable code of a feed state. */
    public static byte code(final FeedState state)
    {
        if (state == null)
        {
            return FeedStateRecord.STATE_UNKNOWN;
        }
        switch (state)
        {
            case NEW:
                return FeedStateRecord.STATE_NEW;
            case CONNECTING:
                return FeedStateRecord.STATE_CONNECTING;
            case SYNCING:
                return FeedStateRecord.STATE_SYNCING;
            case LIVE:
                return FeedStateRecord.STATE_LIVE;
            case STALE:
                return FeedStateRecord.STATE_STALE;
            case RESYNCING:
                return FeedStateRecord.STATE_RESYNCING;
            case BACKOFF:
                return FeedStateRecord.STATE_BACKOFF;
            case CLOSED:
                return FeedStateRecord.STATE_CLOSED;
            case FAILED:
                return FeedStateRecord.STATE_FAILED;
            default:
                return FeedStateRecord.STATE_UNKNOWN;
        }
    }

    /** Writes a book directly; only for a book no other thread is changing (the final flush). */
    public void snapshot(final OrderBook book, final byte reason, final boolean valid, final long epochNs)
    {
        if (appender == null)
        {
            return;
        }
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        final MutableDirectBuffer record = open(SnapshotRecord.length(bids.size(), asks.size()));
        if (record == null)
        {
            return;
        }
        int position = SnapshotRecord.encodeFixed(
            record, 0, book.instrumentId(), reason, valid, book.updateId(), epochNs, bids.size(), asks.size(), 0);
        for (int i = 0; i < bids.size(); i++)
        {
            position = SnapshotRecord.putLevel(record, position, bids.price(i), bids.quantity(i));
        }
        for (int i = 0; i < asks.size(); i++)
        {
            position = SnapshotRecord.putLevel(record, position, asks.price(i), asks.quantity(i));
        }
        commit(position);
        snapshotRecords++;
    }

    /** @return false when the record was skipped for want of disk space. */
    private boolean append(final int length)
    {
        if (!admission.admit(length))
        {
            return false;
        }
        write(buffer, length);
        return true;
    }

    /**
     * Opens the document of a record of {@code length} bytes, encoded in place.
     *
     * @return the buffer to encode it into at offset 0, or null when the record is skipped for want of disk space.
     */
    private MutableDirectBuffer open(final int length)
    {
        return admission.admit(length) ? documents.open(length) : null;
    }

    /** Closes the document {@link #open} opened, holding the {@code length} bytes encoded. */
    private void commit(final int length)
    {
        documents.commit(length);
        records++;
    }

    private void write(final ExpandableArrayBuffer source, final int length)
    {
        documents.append(source, length);
        records++;
    }

    @Override
    public void close()
    {
        if (appender != null)
        {
            appender.close();
        }
    }
}
