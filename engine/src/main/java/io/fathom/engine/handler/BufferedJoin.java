package io.fathom.engine.handler;

import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.sync.BookSync;

/**
 * Joins a snapshot just loaded with the diffs buffered while it was fetched: the venue's {@link BookSync} rule
 * says which are older than the snapshot (dropped), which continue it (applied, and added to the journal slot
 * that holds the snapshot) and where a gap shows (the book must resync). Accounts every buffered event as
 * applied or discarded. Runs on the book handler thread; allocates nothing.
 */
final class BufferedJoin
{
    private final BookVerifier verifier;
    private final SnapshotScheduler scheduler;
    private final HandlerCounters counters;

    BufferedJoin(
        final BookVerifier verifier, final SnapshotScheduler scheduler, final HandlerCounters counters)
    {
        this.verifier = verifier;
        this.scheduler = scheduler;
        this.counters = counters;
    }

    /**
     * Applies the buffered diffs that join the snapshot {@code event} completed and empties the buffer.
     *
     * @param slotIndex the journal slot holding the snapshot, or -1.
     * @return true when the book is complete; false when a gap showed, in which case the book is cleared, the
     * diffs before the gap are dropped and {@code event} is marked discarded.
     */
    boolean join(final DepthEvent event, final InstrumentBook instrument, final int slotIndex)
    {
        final OrderBook book = instrument.book;
        final PendingDeltas buffered = instrument.pending;
        final SnapshotSlots.Slot slot = slotIndex < 0 ? null : scheduler.slot(slotIndex);
        final long snapshotId = book.updateId();
        int appliedFromBuffer = 0;
        int discardedFromBuffer = 0;
        boolean apply = false;
        boolean firstAfterSnapshot = true;
        final int n = buffered.size();
        for (int i = 0; i < n; i++)
        {
            final long first = buffered.firstUpdateId(i);
            final long last = buffered.lastUpdateId(i);
            if (buffered.partIndex(i) == 0)
            {
                final int verdict = instrument.sync.onBufferedDelta(
                    book, snapshotId, firstAfterSnapshot, first, last, buffered.previousUpdateId(i));
                if (verdict == BookSync.STALE)
                {
                    apply = false;
                }
                else if (verdict == BookSync.GAP)
                {
                    counters.onGap(event.instrumentId);
                    counters.discarded.getAndAddRelease(appliedFromBuffer + discardedFromBuffer + event.partCount);
                    buffered.removeFirst(i);
                    book.clear();
                    event.outcome = DepthEvent.OUTCOME_DISCARDED;
                    return false;
                }
                else
                {
                    apply = true;
                    firstAfterSnapshot = false;
                }
            }

            if (apply)
            {
                final int start = buffered.levelStart(i);
                final int count = buffered.levelCount(i);
                verifier.applyLevels(book, null, buffered.sides(), buffered.prices(), buffered.quantities(), start, count);
                if (slot != null)
                {
                    slot.addDelta(
                        first, last, buffered.previousUpdateId(i), buffered.eventTimeMs(i), buffered.receiveEpochNs(i),
                        buffered.partIndex(i), buffered.partCount(i),
                        buffered.sides(), buffered.prices(), buffered.quantities(), start, count);
                }
                appliedFromBuffer++;
                if (buffered.partIndex(i) == buffered.partCount(i) - 1)
                {
                    book.updateId(last);
                }
            }
            else
            {
                discardedFromBuffer++;
            }
        }
        buffered.clear();
        instrument.joined = !firstAfterSnapshot || !instrument.sync.restSnapshot() || event.kind == DepthEvent.KIND_JOURNAL_SNAPSHOT;

        counters.applied.getAndAddRelease(appliedFromBuffer + event.partCount);
        counters.deltasApplied.getAndAddRelease(appliedFromBuffer);
        counters.snapshotEventsApplied.getAndAddRelease(event.partCount);
        counters.discarded.getAndAddRelease(discardedFromBuffer);
        event.outcome = DepthEvent.OUTCOME_APPLIED;
        return true;
    }
}
