package io.fathom.engine.handler;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.sync.BookSync;
import io.fathom.engine.view.BookCopy;
import org.agrona.concurrent.NanoClock;

/**
 * Moves each book through its venue's sync procedure ({@link BookSync}). For a REST-snapshot venue (Binance) a
 * book buffers the stream while its snapshot is fetched, then applies the buffered diffs that join it; for the
 * others the snapshot arrives on the stream after the subscribe and diffs before it are dropped. A live book is
 * checked after every message; a failed check invalidates it at once (its signals stop), and it resyncs through
 * the venue's own path ({@link SnapshotRequester}). Owns the books' sync states and the count of live books.
 * Runs on the book handler thread; allocates nothing in steady state.
 */
final class BookSynchroniser
{
    private static final int DECIDE_BUFFER = 0;
    private static final int DECIDE_APPLY = 1;
    private static final int DECIDE_DISCARD = 2;

    private final InstrumentBook[] instruments;
    private final BookVerifier verifier;
    private final BufferedJoin join;
    private final BookSignals signals;
    private final SnapshotScheduler scheduler;
    private final SnapshotRequester requester;
    private final HandlerCounters counters;
    private final NanoClock clock;

    private int messageDecision;
    private boolean messageTopChanged;
    private boolean snapshotAccepted;
    private int liveBooks;

    BookSynchroniser(
        final InstrumentBook[] instruments,
        final BookSignals signals,
        final SnapshotScheduler scheduler,
        final BookCollaborators collaborators)
    {
        this.instruments = instruments;
        this.signals = signals;
        this.scheduler = scheduler;
        this.requester = collaborators.requester();
        this.counters = collaborators.counters();
        this.clock = collaborators.clock();
        this.verifier = new BookVerifier(counters);
        this.join = new BufferedJoin(verifier, scheduler, counters);
    }

    int liveBooks()
    {
        return liveBooks;
    }

    /** One part of a diff message: the first part decides for the whole message whether to apply, buffer or drop it. */
    void onDelta(final DepthEvent event)
    {
        final InstrumentBook instrument = instruments[event.instrumentId];
        final OrderBook book = instrument.book;
        if (event.partIndex == 0)
        {
            messageDecision = decide(event, instrument);
            messageTopChanged = false;
        }

        if (messageDecision == DECIDE_APPLY)
        {
            signals.beforePart(event, instrument);
            messageTopChanged |= verifier.applyLevels(
                book, event, event.sides, event.prices, event.quantities, 0, event.levelCount);
            event.outcome = DepthEvent.OUTCOME_APPLIED;
            counters.onDeltaApplied();
            if (event.isLastPart())
            {
                book.updateId(event.lastUpdateId);
                if (verified(event, instrument))
                {
                    afterMessageApplied(event, instrument, true, messageTopChanged);
                }
            }
        }
        else if (messageDecision == DECIDE_BUFFER)
        {
            buffer(event, instrument);
        }
        else
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            counters.discarded.incrementRelease();
        }
    }

    private void buffer(final DepthEvent event, final InstrumentBook instrument)
    {
        final PendingDeltas pending = instrument.pending;
        final boolean held = pending.add(
            event.firstUpdateId, event.lastUpdateId, event.previousUpdateId, event.eventTimeMs,
            event.receiveEpochNs, event.receiveNanos, event.partIndex, event.partCount,
            event.sides, event.prices, event.quantities, event.levelCount);
        if (held)
        {
            event.outcome = DepthEvent.OUTCOME_BUFFERED;
        }
        else
        {
            counters.pendingOverflows.incrementRelease();
            counters.discarded.getAndAddRelease(pending.size() + 1L);
            pending.clear();
            instrument.state = SyncState.IDLE;
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            messageDecision = DECIDE_DISCARD;
        }
    }

    private int decide(final DepthEvent event, final InstrumentBook instrument)
    {
        final SyncState state = instrument.state;
        if (state != SyncState.LIVE)
        {
            return decideNotLive(instrument, state);
        }
        final OrderBook book = instrument.book;
        final int verdict = instrument.joined ?
            instrument.sync.onDelta(book, event.firstUpdateId, event.lastUpdateId, event.previousUpdateId) :
            instrument.sync.onBufferedDelta(book, book.updateId(), true, event.firstUpdateId, event.lastUpdateId, event.previousUpdateId);
        if (verdict == BookSync.STALE)
        {
            return DECIDE_DISCARD;
        }
        if (verdict == BookSync.GAP)
        {
            counters.onGap(event.instrumentId);
            invalidate(event, instrument, BookStateRecord.REASON_GAP);
            if (instrument.sync.restSnapshot())
            {
                startBuffering(instrument);
                return DECIDE_BUFFER;
            }
            requestSnapshot(instrument);
            return DECIDE_DISCARD;
        }
        instrument.joined = true;
        return DECIDE_APPLY;
    }

    /**
     * Diffs of a book that is not live: buffered for a REST snapshot, dropped while a stream snapshot is awaited;
     * with none asked for, the subscribe's was lost (undecodable, say), so a resync is asked for at once.
     */
    private int decideNotLive(final InstrumentBook instrument, final SyncState state)
    {
        if (!instrument.sync.restSnapshot())
        {
            if (state != SyncState.CLOSED && !instrument.snapshotRequested)
            {
                requestSnapshot(instrument);
            }
            return DECIDE_DISCARD;
        }
        if (state == SyncState.IDLE)
        {
            startBuffering(instrument);
            return DECIDE_BUFFER;
        }
        return state == SyncState.BUFFERING ? DECIDE_BUFFER : DECIDE_DISCARD;
    }

    /** @return whether the book is still valid; if not, it is invalidated and a snapshot asked for. */
    private boolean verified(final DepthEvent event, final InstrumentBook instrument)
    {
        final byte reason = verifier.verify(event, instrument);
        if (reason == BookVerifier.VALID)
        {
            return true;
        }
        invalidate(event, instrument, reason);
        requestSnapshot(instrument);
        return false;
    }

    /** One part of a snapshot (venue or journal): the first decides whether the book takes it, the last syncs it. */
    void onSnapshot(final DepthEvent event)
    {
        final InstrumentBook instrument = instruments[event.instrumentId];
        final OrderBook book = instrument.book;
        final boolean fromJournal = event.kind == DepthEvent.KIND_JOURNAL_SNAPSHOT;
        if (event.partIndex == 0)
        {
            if (fromJournal && instrument.state == SyncState.LIVE)
            {
                liveBooks--;
                instrument.state = SyncState.IDLE;
                signals.onReplaced(instrument, BookCopy.REASON_NOT_SYNCED);
            }
            final SyncState state = instrument.state;
            snapshotAccepted = fromJournal ? state == SyncState.BUFFERING || state == SyncState.IDLE :
                instrument.sync.restSnapshot() ? state == SyncState.BUFFERING : state != SyncState.CLOSED;
            if (snapshotAccepted)
            {
                signals.beforeChange(instrument);
                book.clear();
            }
        }
        if (snapshotAccepted)
        {
            verifier.applyLevels(book, event, event.sides, event.prices, event.quantities, 0, event.levelCount);
        }
        if (!event.isLastPart())
        {
            return;
        }

        instrument.snapshotRequested = false;
        final PendingDeltas buffered = instrument.pending;
        final long lastUpdateId = event.lastUpdateId;
        if (snapshotAccepted && !fromJournal && buffered.size() > 0 && lastUpdateId < buffered.firstUpdateId(0))
        {
            counters.staleSnapshots.incrementRelease();
            snapshotAccepted = false;
            book.clear();
            requestSnapshot(instrument);
        }

        if (!snapshotAccepted)
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            counters.discarded.getAndAddRelease(event.partCount);
            return;
        }

        book.updateId(lastUpdateId);
        if (!fromJournal && !instrument.sync.restSnapshot() && !verified(event, instrument))
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            counters.discarded.getAndAddRelease(event.partCount);
            return;
        }
        completeSync(event, instrument);
    }

    /** Applies the buffered events on top of the snapshot just loaded; the book goes live unless a gap shows. */
    private void completeSync(final DepthEvent event, final InstrumentBook instrument)
    {
        final int slotIndex = scheduler.acquireSyncSlot(instrument);
        if (!join.join(event, instrument, slotIndex))
        {
            requestSnapshot(instrument);
            return;
        }

        final boolean wasLive = instrument.state == SyncState.LIVE;
        if (!wasLive)
        {
            instrument.state = SyncState.LIVE;
            instrument.syncTimed = false;
            liveBooks++;
            signals.onLive(instrument);
            if (instrument.everLive)
            {
                counters.resyncs.incrementRelease();
            }
            instrument.everLive = true;
        }
        if (slotIndex >= 0)
        {
            scheduler.publish(slotIndex, event);
        }
        afterMessageApplied(event, instrument, wasLive, true);
    }

    /** A connection reset, closed or (re)opened: the book waits for a new sync, or for nothing once closed. */
    void onControl(final DepthEvent event)
    {
        final InstrumentBook instrument = instruments[event.instrumentId];
        final SyncState state = instrument.state;
        event.outcome = DepthEvent.OUTCOME_APPLIED;
        counters.applied.incrementRelease();
        if (event.kind == DepthEvent.KIND_OPEN)
        {
            if (state == SyncState.CLOSED)
            {
                instrument.state = SyncState.IDLE;
            }
            if (state != SyncState.LIVE)
            {
                instrument.askedToSync(clock.nanoTime());
            }
            return;
        }
        instrument.syncTimed = false;
        if (state == SyncState.LIVE)
        {
            invalidate(event, instrument, BookStateRecord.REASON_CONNECTION_LOST);
        }
        counters.discarded.getAndAddRelease(instrument.dropPending());
        instrument.book.clear();
        if (event.kind == DepthEvent.KIND_CLOSE)
        {
            instrument.state = SyncState.CLOSED;
        }
        else if (state != SyncState.CLOSED)
        {
            instrument.state = SyncState.IDLE;
        }
    }

    /** Messages were dropped: a resync now, or at the sync deadline after an unrepresentable value (resent at once). */
    void onOverflow(final DepthEvent event)
    {
        final InstrumentBook instrument = instruments[event.instrumentId];
        event.outcome = DepthEvent.OUTCOME_APPLIED;
        counters.applied.incrementRelease();
        if (instrument.state == SyncState.CLOSED)
        {
            return;
        }
        if (instrument.state == SyncState.LIVE)
        {
            invalidate(event, instrument, event.kind == DepthEvent.KIND_UNREPRESENTABLE ?
                BookStateRecord.REASON_UNREPRESENTABLE : BookStateRecord.REASON_RING_FULL);
        }
        counters.discarded.getAndAddRelease(instrument.dropPending());
        instrument.book.clear();
        instrument.state = SyncState.IDLE;
        instrument.snapshotRequested = false;
        if (instrument.sync.restSnapshot())
        {
            startBuffering(instrument);
        }
        else if (event.kind == DepthEvent.KIND_UNREPRESENTABLE)
        {
            instrument.awaitSyncDeadline(clock.nanoTime());
        }
        else
        {
            requestSnapshot(instrument);
        }
    }

    private void afterMessageApplied(
        final DepthEvent event, final InstrumentBook instrument, final boolean recordLatency, final boolean topChanged)
    {
        if (verifier.crossed(instrument.book))
        {
            invalidate(event, instrument, BookStateRecord.REASON_CROSSED);
            if (!instrument.sync.restSnapshot())
            {
                requestSnapshot(instrument);
            }
            return;
        }
        signals.onApplied(event, instrument, recordLatency, topChanged);
    }

    private void invalidate(final DepthEvent event, final InstrumentBook instrument, final byte reason)
    {
        if (instrument.state == SyncState.LIVE)
        {
            liveBooks--;
            event.invalidationReason = reason;
            event.invalidatedUpdateId = instrument.book.updateId();
            event.invalidatedEpochNs = signals.onInvalid(instrument, reason);
        }
        instrument.book.clear();
        instrument.state = SyncState.IDLE;
        instrument.volumePressure = 0.0;
    }

    private void startBuffering(final InstrumentBook instrument)
    {
        instrument.state = SyncState.BUFFERING;
        requestSnapshot(instrument);
    }

    /** The book was not valid within the sync timeout of being asked to sync: it asks again, whatever is in flight. */
    void onSyncTimeout(final InstrumentBook instrument)
    {
        counters.syncTimeouts.incrementRelease();
        instrument.snapshotRequested = false;
        requestSnapshot(instrument);
    }

    private void requestSnapshot(final InstrumentBook instrument)
    {
        if (!instrument.snapshotRequested)
        {
            instrument.snapshotRequested = true;
            instrument.askedToSync(clock.nanoTime());
            counters.snapshotRequests.incrementRelease();
            requester.requestSnapshot(instrument.id());
        }
    }
}
