package io.fathom.engine.journal;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * Encodes journal records into a reusable buffer and appends each as one Chronicle document.
 * One instance per thread; allocates nothing once its buffer has grown to the largest record.
 */
public final class JournalWriter implements AutoCloseable
{
    private final ExcerptAppender appender;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private long records;
    private long deltaRecords;
    private long snapshotRecords;

    JournalWriter(final ExcerptAppender appender)
    {
        this.appender = appender;
    }

    /** Records appended by this writer. */
    public long records()
    {
        return records;
    }

    public long deltaRecords()
    {
        return deltaRecords;
    }

    public long snapshotRecords()
    {
        return snapshotRecords;
    }

    public void sessionStart(final long epochNs, final List<SessionRecords.Instrument> instruments)
    {
        append(SessionRecords.encodeStart(buffer, 0, epochNs, instruments));
    }

    public void sessionEnd(final long epochNs, final boolean clean, final long deltas, final long snapshots)
    {
        append(SessionRecords.encodeEnd(buffer, 0, epochNs, clean, deltas, snapshots));
    }

    public void delta(final DepthEvent event)
    {
        final int count = event.levelCount;
        int position = DeltaRecord.encodeFixed(
            buffer, 0, event.instrumentId, event.partIndex, event.partCount, event.firstUpdateId, event.lastUpdateId,
            event.previousUpdateId, event.eventTimeMs, event.receiveEpochNs, count);
        buffer.checkLimit(DeltaRecord.length(count));
        for (int i = 0; i < count; i++)
        {
            position = DeltaRecord.putLevel(buffer, position, event.sides[i], event.prices[i], event.quantities[i]);
        }
        append(position);
        deltaRecords++;
    }

    /** Writes a slot's snapshot and then the deltas applied on top of it, in order. */
    public void slot(final SnapshotSlots.Slot slot)
    {
        buffer.checkLimit(SnapshotRecord.length(slot.bidCount, slot.askCount));
        int position = SnapshotRecord.encodeFixed(
            buffer, 0, slot.instrumentId, slot.reason, slot.valid, slot.updateId, slot.epochNs,
            slot.bidCount, slot.askCount);
        final int levels = slot.bidCount + slot.askCount;
        for (int i = 0; i < levels; i++)
        {
            position = SnapshotRecord.putLevel(buffer, position, slot.prices[i], slot.quantities[i]);
        }
        append(position);
        snapshotRecords++;

        for (int d = 0; d < slot.deltaCount; d++)
        {
            final int start = slot.deltaLevelStart[d];
            final int count = slot.deltaLevelCount[d];
            buffer.checkLimit(DeltaRecord.length(count));
            int at = DeltaRecord.encodeFixed(
                buffer, 0, slot.instrumentId, slot.deltaPartIndex[d], slot.deltaPartCount[d],
                slot.deltaFirstUpdateId[d], slot.deltaLastUpdateId[d], slot.deltaPreviousUpdateId[d],
                slot.deltaEventTimeMs[d], slot.deltaReceiveEpochNs[d], count);
            for (int i = start, end = start + count; i < end; i++)
            {
                at = DeltaRecord.putLevel(buffer, at, slot.deltaSides[i], slot.deltaPrices[i], slot.deltaQuantities[i]);
            }
            append(at);
            deltaRecords++;
        }
    }

    public void bookState(final int instrumentId, final byte reason, final long updateId, final long epochNs)
    {
        append(BookStateRecord.encode(buffer, 0, instrumentId, reason, updateId, epochNs));
    }

    /** Writes a book directly; only for a book no other thread is changing (the final flush). */
    public void snapshot(final OrderBook book, final byte reason, final boolean valid, final long epochNs)
    {
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        buffer.checkLimit(SnapshotRecord.length(bids.size(), asks.size()));
        int position = SnapshotRecord.encodeFixed(
            buffer, 0, book.instrumentId(), reason, valid, book.updateId(), epochNs, bids.size(), asks.size());
        for (int i = 0; i < bids.size(); i++)
        {
            position = SnapshotRecord.putLevel(buffer, position, bids.price(i), bids.quantity(i));
        }
        for (int i = 0; i < asks.size(); i++)
        {
            position = SnapshotRecord.putLevel(buffer, position, asks.price(i), asks.quantity(i));
        }
        append(position);
        snapshotRecords++;
    }

    private void append(final int length)
    {
        try (DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(buffer.byteArray(), 0, length);
        }
        records++;
    }

    @Override
    public void close()
    {
        appender.close();
    }
}
