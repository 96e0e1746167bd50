package io.fathom.engine.handler;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies depth events to per-instrument books through the venue's sync rule ({@link BookSync}). For a
 * REST-snapshot venue (Binance) a book buffers the stream while its snapshot is fetched, then applies the
 * buffered diffs that join it; for the others the snapshot arrives on the stream after the subscribe and
 * diffs before it are dropped. A live book is checked on every message: its sequence, the venue's checksum
 * where it sends one, and crossing. A failed check invalidates the book at once (its signals stop),
 * counts the failure and asks for a resync through the venue's own path ({@link SnapshotRequester}).
 *
 * <p>Records each event's outcome for the journal handler behind it, computes volume pressure
 * for valid books and measures receipt-to-applied latency. Runs on one thread; allocates nothing
 * in steady state.
 */
public final class BookHandler implements EventHandler<DepthEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(BookHandler.class);
    private static final long SLOT_TIMEOUT_NS = 5_000_000_000L;
    private static final long MAX_LATENCY_NS = 3_600_000_000_000L;

    private static final int DECIDE_BUFFER = 0;
    private static final int DECIDE_APPLY = 1;
    private static final int DECIDE_DISCARD = 2;

    private final OrderBook[] books;
    private final SyncState[] states;
    private final PendingDeltas[] pending;
    private final boolean[] snapshotRequested;
    private final boolean[] everLive;
    /** A diff has been applied on top of the book's current REST snapshot (Binance futures check the first one apart). */
    private final boolean[] joined;
    private final double[] volumePressure;
    private final int pressureDepth;
    private final long snapshotIntervalNs;

    private final BookSync sync;
    private final SnapshotSlots slots;
    private final SnapshotRequester requester;
    private final BookListener listener;
    private final BookStateListener stateListener;
    private final Recorder latencyRecorder;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final Runnable releaseProcessedEvents = this::releaseProcessedEvents;

    private final AtomicCounter consumed;
    private final AtomicCounter applied;
    private final AtomicCounter deltasApplied;
    private final AtomicCounter snapshotEventsApplied;
    private final AtomicCounter discarded;
    private final AtomicCounter gaps;
    private final AtomicCounter resyncs;
    private final AtomicCounter crossed;
    private final AtomicCounter snapshotRequests;
    private final AtomicCounter staleSnapshots;
    private final AtomicCounter beyondCapacity;
    private final AtomicCounter handlerErrors;
    private final AtomicCounter pendingOverflows;
    private final AtomicCounter slotTimeouts;
    private final AtomicCounter checksumsVerified;
    private final AtomicCounter checksumFailures;
    private final EngineCounters counters;

    private Sequence sequenceCallback;
    private long currentSequence;
    private int messageDecision;
    private boolean messageTopChanged;
    private boolean snapshotAccepted;
    private long nextPeriodicNs;
    private int periodicCursor;
    private int liveBooks;

    public BookHandler(
        final int instrumentCount,
        final int capacityPerSide,
        final int pendingMaxLevels,
        final int pressureDepth,
        final long snapshotIntervalNs,
        final BookSync sync,
        final int priceScale,
        final int quantityScale,
        final EngineCounters counters,
        final SnapshotSlots slots,
        final SnapshotRequester requester,
        final BookListener listener,
        final BookStateListener stateListener,
        final Recorder latencyRecorder,
        final NanoClock clock,
        final EpochNanoClock epochClock)
    {
        books = new OrderBook[instrumentCount];
        states = new SyncState[instrumentCount];
        pending = new PendingDeltas[instrumentCount];
        snapshotRequested = new boolean[instrumentCount];
        everLive = new boolean[instrumentCount];
        joined = new boolean[instrumentCount];
        volumePressure = new double[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            books[i] = new OrderBook(i, capacityPerSide).scales(priceScale, quantityScale, sync.decimalsFromScale());
            states[i] = SyncState.IDLE;
            pending[i] = new PendingDeltas(pendingMaxLevels);
        }
        this.pressureDepth = pressureDepth;
        this.snapshotIntervalNs = snapshotIntervalNs;
        this.sync = sync;
        this.slots = slots;
        this.requester = requester;
        this.listener = listener;
        this.stateListener = stateListener;
        this.latencyRecorder = latencyRecorder;
        this.clock = clock;
        this.epochClock = epochClock;
        this.nextPeriodicNs = clock.nanoTime() + snapshotIntervalNs;
        this.periodicCursor = instrumentCount;

        this.counters = counters;
        consumed = counters.get(SystemCounter.EVENTS_CONSUMED);
        applied = counters.get(SystemCounter.EVENTS_APPLIED);
        deltasApplied = counters.get(SystemCounter.DELTAS_APPLIED);
        snapshotEventsApplied = counters.get(SystemCounter.SNAPSHOT_EVENTS_APPLIED);
        discarded = counters.get(SystemCounter.EVENTS_DISCARDED);
        gaps = counters.get(SystemCounter.GAPS);
        resyncs = counters.get(SystemCounter.RESYNCS);
        crossed = counters.get(SystemCounter.CROSSED_BOOKS);
        snapshotRequests = counters.get(SystemCounter.SNAPSHOT_REQUESTS);
        staleSnapshots = counters.get(SystemCounter.STALE_SNAPSHOTS);
        beyondCapacity = counters.get(SystemCounter.LEVELS_BEYOND_CAPACITY);
        handlerErrors = counters.get(SystemCounter.HANDLER_ERRORS);
        pendingOverflows = counters.get(SystemCounter.PENDING_OVERFLOWS);
        slotTimeouts = counters.get(SystemCounter.SNAPSHOT_SLOT_TIMEOUTS);
        checksumsVerified = counters.get(SystemCounter.CHECKSUMS_VERIFIED);
        checksumFailures = counters.get(SystemCounter.CHECKSUM_FAILURES);
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        if (snapshotIntervalNs > 0 && slots != null)
        {
            final long nowNs = clock.nanoTime();
            if (nowNs - nextPeriodicNs >= 0)
            {
                nextPeriodicNs = nowNs + snapshotIntervalNs;
                periodicCursor = 0;
            }
        }
    }

    @Override
    public void onEvent(final DepthEvent event, final long sequence, final boolean endOfBatch)
    {
        currentSequence = sequence;
        consumed.incrementRelease();
        try
        {
            if (event.kind == DepthEvent.KIND_DELTA)
            {
                onDelta(event);
            }
            else
            {
                onOtherEvent(event);
            }
            if (periodicCursor < books.length && event.snapshotSlot < 0)
            {
                periodicSnapshot(event);
            }
        }
        catch (final RuntimeException ex)
        {
            onError(event, sequence, ex);
        }
    }

    /** Everything but deltas, kept out of {@link #onEvent} so the delta path stays small enough to inline. */
    private void onOtherEvent(final DepthEvent event)
    {
        switch (event.kind)
        {
            case DepthEvent.KIND_SNAPSHOT:
            case DepthEvent.KIND_JOURNAL_SNAPSHOT:
                onSnapshot(event);
                break;
            case DepthEvent.KIND_RESET:
            case DepthEvent.KIND_CLOSE:
            case DepthEvent.KIND_OPEN:
                onControl(event);
                break;
            case DepthEvent.KIND_OVERFLOW:
                onOverflow(event);
                break;
            default:
                event.outcome = DepthEvent.OUTCOME_DISCARDED;
                discarded.incrementRelease();
        }
    }

    private void onError(final DepthEvent event, final long sequence, final RuntimeException ex)
    {
        handlerErrors.incrementRelease();
        counters.recordError(ex);
        LOG.error("book handler failed on event {} for instrument {}", sequence, event.instrumentId, ex);
        if (event.outcome == DepthEvent.OUTCOME_NONE)
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            discarded.incrementRelease();
        }
    }

    private void onDelta(final DepthEvent event)
    {
        final int id = event.instrumentId;
        final OrderBook book = books[id];
        if (event.partIndex == 0)
        {
            messageDecision = decide(event, book);
            messageTopChanged = false;
        }

        if (messageDecision == DECIDE_APPLY)
        {
            messageTopChanged |= applyLevels(book, event, event.sides, event.prices, event.quantities, 0, event.levelCount);
            event.outcome = DepthEvent.OUTCOME_APPLIED;
            applied.incrementRelease();
            deltasApplied.incrementRelease();
            if (event.isLastPart())
            {
                book.updateId(event.lastUpdateId);
                if (verified(event, book))
                {
                    afterMessageApplied(event, book, true, messageTopChanged);
                }
            }
        }
        else if (messageDecision == DECIDE_BUFFER)
        {
            final boolean held = pending[id].add(
                event.firstUpdateId, event.lastUpdateId, event.previousUpdateId, event.eventTimeMs,
                event.receiveEpochNs, event.receiveNanos, event.partIndex, event.partCount,
                event.sides, event.prices, event.quantities, event.levelCount);
            if (held)
            {
                event.outcome = DepthEvent.OUTCOME_BUFFERED;
            }
            else
            {
                pendingOverflows.incrementRelease();
                discarded.getAndAddRelease(pending[id].size() + 1L);
                pending[id].clear();
                states[id] = SyncState.IDLE;
                event.outcome = DepthEvent.OUTCOME_DISCARDED;
                messageDecision = DECIDE_DISCARD;
            }
        }
        else
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            discarded.incrementRelease();
        }
    }

    private int decide(final DepthEvent event, final OrderBook book)
    {
        final int id = event.instrumentId;
        final SyncState state = states[id];
        if (state != SyncState.LIVE)
        {
            return decideNotLive(id, state);
        }
        final int verdict = joined[id] ?
            sync.onDelta(book, event.firstUpdateId, event.lastUpdateId, event.previousUpdateId) :
            sync.onBufferedDelta(book, book.updateId(), true, event.firstUpdateId, event.lastUpdateId, event.previousUpdateId);
        if (verdict == BookSync.STALE)
        {
            return DECIDE_DISCARD;
        }
        if (verdict == BookSync.GAP)
        {
            gaps.incrementRelease();
            invalidate(event, book, BookStateRecord.REASON_GAP);
            if (sync.restSnapshot())
            {
                startBuffering(id);
                return DECIDE_BUFFER;
            }
            requestSnapshot(id);
            return DECIDE_DISCARD;
        }
        joined[id] = true;
        return DECIDE_APPLY;
    }

    /** Diffs of a book that is not live: buffered for a REST snapshot, dropped while a stream snapshot is awaited. */
    private int decideNotLive(final int id, final SyncState state)
    {
        if (!sync.restSnapshot())
        {
            return DECIDE_DISCARD;
        }
        if (state == SyncState.IDLE)
        {
            startBuffering(id);
            return DECIDE_BUFFER;
        }
        return state == SyncState.BUFFERING ? DECIDE_BUFFER : DECIDE_DISCARD;
    }

    /**
     * Lets the venue rule cut the book to depth and check the message's checksum; on a mismatch, or when the
     * cut finds a level within the depth lost to a full side, the book is invalidated and resynced.
     *
     * @return whether the book is still valid.
     */
    private boolean verified(final DepthEvent event, final OrderBook book)
    {
        final int verdict = sync.verify(book, event.hasChecksum, event.checksum);
        if (verdict == BookSync.VERIFY_OK)
        {
            checksumsVerified.incrementRelease();
        }
        else if (verdict == BookSync.VERIFY_MISMATCH)
        {
            checksumFailures.incrementRelease();
            invalidate(event, book, BookStateRecord.REASON_CHECKSUM);
            requestSnapshot(book.instrumentId());
            return false;
        }
        else if (verdict == BookSync.VERIFY_INCOMPLETE)
        {
            invalidate(event, book, BookStateRecord.REASON_CAPACITY);
            requestSnapshot(book.instrumentId());
            return false;
        }
        return true;
    }

    private void onSnapshot(final DepthEvent event)
    {
        final int id = event.instrumentId;
        final OrderBook book = books[id];
        final boolean fromJournal = event.kind == DepthEvent.KIND_JOURNAL_SNAPSHOT;
        if (event.partIndex == 0)
        {
            if (fromJournal && states[id] == SyncState.LIVE)
            {
                liveBooks--;
                states[id] = SyncState.IDLE;
            }
            snapshotAccepted = fromJournal ? states[id] == SyncState.BUFFERING || states[id] == SyncState.IDLE :
                sync.restSnapshot() ? states[id] == SyncState.BUFFERING : states[id] != SyncState.CLOSED;
            if (snapshotAccepted)
            {
                book.clear();
            }
        }
        if (snapshotAccepted)
        {
            applyLevels(book, event, event.sides, event.prices, event.quantities, 0, event.levelCount);
        }
        if (!event.isLastPart())
        {
            return;
        }

        snapshotRequested[id] = false;
        final PendingDeltas buffered = pending[id];
        final long lastUpdateId = event.lastUpdateId;
        if (snapshotAccepted && !fromJournal && buffered.size() > 0 && lastUpdateId < buffered.firstUpdateId(0))
        {
            staleSnapshots.incrementRelease();
            snapshotAccepted = false;
            book.clear();
            requestSnapshot(id);
        }

        if (!snapshotAccepted)
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            discarded.getAndAddRelease(event.partCount);
            return;
        }

        book.updateId(lastUpdateId);
        if (!fromJournal && !sync.restSnapshot() && !verified(event, book))
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            discarded.getAndAddRelease(event.partCount);
            return;
        }
        completeSync(event, book, buffered);
    }

    /** Applies the buffered events on top of the snapshot just loaded; the book goes live unless a gap shows. */
    private void completeSync(final DepthEvent event, final OrderBook book, final PendingDeltas buffered)
    {
        final int id = event.instrumentId;
        final int slotIndex = slots == null ? -1 : slots.acquire(releaseProcessedEvents, clock, SLOT_TIMEOUT_NS);
        final SnapshotSlots.Slot slot = slotIndex < 0 ? null : slots.slot(slotIndex);
        if (slots != null && slot == null)
        {
            slotTimeouts.incrementRelease();
            LOG.error("journal did not free a snapshot slot in time; sync snapshot of instrument {} not journaled", id);
        }
        if (slot != null)
        {
            slot.copyBook(book, SnapshotRecord.REASON_SYNC, true, epochNanos());
        }

        final long snapshotId = book.updateId();
        int appliedFromBuffer = 0;
        int discardedFromBuffer = 0;
        int decision = DECIDE_DISCARD;
        boolean firstAfterSnapshot = true;
        final int n = buffered.size();
        for (int i = 0; i < n; i++)
        {
            final long first = buffered.firstUpdateId(i);
            final long last = buffered.lastUpdateId(i);
            if (buffered.partIndex(i) == 0)
            {
                final int verdict = sync.onBufferedDelta(
                    book, snapshotId, firstAfterSnapshot, first, last, buffered.previousUpdateId(i));
                if (verdict == BookSync.STALE)
                {
                    decision = DECIDE_DISCARD;
                }
                else if (verdict == BookSync.GAP)
                {
                    gaps.incrementRelease();
                    discarded.getAndAddRelease(appliedFromBuffer + discardedFromBuffer + event.partCount);
                    buffered.removeFirst(i);
                    book.clear();
                    requestSnapshot(id);
                    event.outcome = DepthEvent.OUTCOME_DISCARDED;
                    return;
                }
                else
                {
                    decision = DECIDE_APPLY;
                    firstAfterSnapshot = false;
                }
            }

            if (decision == DECIDE_APPLY)
            {
                final int start = buffered.levelStart(i);
                final int count = buffered.levelCount(i);
                applyLevels(book, null, buffered.sides(), buffered.prices(), buffered.quantities(), start, count);
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
        joined[id] = !firstAfterSnapshot || !sync.restSnapshot() || event.kind == DepthEvent.KIND_JOURNAL_SNAPSHOT;

        applied.getAndAddRelease(appliedFromBuffer + event.partCount);
        deltasApplied.getAndAddRelease(appliedFromBuffer);
        snapshotEventsApplied.getAndAddRelease(event.partCount);
        discarded.getAndAddRelease(discardedFromBuffer);
        event.outcome = DepthEvent.OUTCOME_APPLIED;

        final boolean wasLive = states[id] == SyncState.LIVE;
        if (!wasLive)
        {
            states[id] = SyncState.LIVE;
            liveBooks++;
            stateListener.onBookLive(id);
            if (everLive[id])
            {
                resyncs.incrementRelease();
            }
            everLive[id] = true;
        }
        if (slot != null)
        {
            slots.publish(slotIndex);
            event.snapshotSlot = slotIndex;
        }
        afterMessageApplied(event, book, wasLive, true);
    }

    private void onControl(final DepthEvent event)
    {
        final int id = event.instrumentId;
        final OrderBook book = books[id];
        final SyncState state = states[id];
        event.outcome = DepthEvent.OUTCOME_APPLIED;
        applied.incrementRelease();
        if (event.kind == DepthEvent.KIND_OPEN)
        {
            if (state == SyncState.CLOSED)
            {
                states[id] = SyncState.IDLE;
            }
            return;
        }
        if (state == SyncState.LIVE)
        {
            invalidate(event, book, BookStateRecord.REASON_CONNECTION_LOST);
        }
        discarded.getAndAddRelease(pending[id].size());
        pending[id].clear();
        book.clear();
        if (event.kind == DepthEvent.KIND_CLOSE)
        {
            states[id] = SyncState.CLOSED;
        }
        else if (state != SyncState.CLOSED)
        {
            states[id] = SyncState.IDLE;
        }
    }

    /** Messages of the instrument were dropped before this point: the book is in doubt and resyncs now. */
    private void onOverflow(final DepthEvent event)
    {
        final int id = event.instrumentId;
        final OrderBook book = books[id];
        event.outcome = DepthEvent.OUTCOME_APPLIED;
        applied.incrementRelease();
        if (states[id] == SyncState.CLOSED)
        {
            return;
        }
        if (states[id] == SyncState.LIVE)
        {
            invalidate(event, book, BookStateRecord.REASON_RING_FULL);
        }
        discarded.getAndAddRelease(pending[id].size());
        pending[id].clear();
        book.clear();
        states[id] = SyncState.IDLE;
        snapshotRequested[id] = false;
        if (sync.restSnapshot())
        {
            startBuffering(id);
        }
        else
        {
            requestSnapshot(id);
        }
    }

    private void afterMessageApplied(
        final DepthEvent event, final OrderBook book, final boolean recordLatency, final boolean topChanged)
    {
        if (book.isCrossed())
        {
            crossed.incrementRelease();
            invalidate(event, book, BookStateRecord.REASON_CROSSED);
            if (!sync.restSnapshot())
            {
                requestSnapshot(book.instrumentId());
            }
            return;
        }
        if (recordLatency)
        {
            final long latencyNs = clock.nanoTime() - event.receiveNanos;
            latencyRecorder.recordValue(Math.max(0, Math.min(latencyNs, MAX_LATENCY_NS)));
        }
        final double pressure = book.volumePressure(pressureDepth);
        volumePressure[book.instrumentId()] = pressure;
        listener.onBookUpdate(book, topChanged, pressure);
    }

    private void invalidate(final DepthEvent event, final OrderBook book, final byte reason)
    {
        final int id = book.instrumentId();
        if (states[id] == SyncState.LIVE)
        {
            liveBooks--;
            event.invalidationReason = reason;
            event.invalidatedUpdateId = book.updateId();
            stateListener.onBookInvalid(id, reason);
        }
        book.clear();
        states[id] = SyncState.IDLE;
        volumePressure[id] = 0.0;
    }

    private void startBuffering(final int id)
    {
        states[id] = SyncState.BUFFERING;
        requestSnapshot(id);
    }

    private void requestSnapshot(final int id)
    {
        if (!snapshotRequested[id])
        {
            snapshotRequested[id] = true;
            snapshotRequests.incrementRelease();
            requester.requestSnapshot(id);
        }
    }

    /**
     * @param digits the event whose levels' received decimals to keep, or null for levels held without them
     *               (buffered diffs of venues that have no checksum).
     * @return whether the best bid or ask changed.
     */
    private boolean applyLevels(
        final OrderBook book,
        final DepthEvent digits,
        final byte[] sides,
        final long[] prices,
        final long[] quantities,
        final int offset,
        final int count)
    {
        boolean topChanged = false;
        for (int i = offset, end = offset + count; i < end; i++)
        {
            final int outcome = digits == null ? book.set(sides[i], prices[i], quantities[i]) :
                book.set(sides[i], prices[i], quantities[i], digits.priceDecimals[i], digits.quantityDecimals[i]);
            if (outcome == OrderBook.TOP_CHANGED)
            {
                topChanged = true;
            }
            else if (outcome == OrderBook.FULL)
            {
                beyondCapacity.incrementRelease();
            }
        }
        return topChanged;
    }

    private void periodicSnapshot(final DepthEvent event)
    {
        while (periodicCursor < books.length && states[periodicCursor] != SyncState.LIVE)
        {
            periodicCursor++;
        }
        if (periodicCursor == books.length)
        {
            return;
        }
        final int slotIndex = slots.tryAcquire();
        if (slotIndex >= 0)
        {
            slots.slot(slotIndex).copyBook(books[periodicCursor], SnapshotRecord.REASON_PERIODIC, true, epochNanos());
            slots.publish(slotIndex);
            event.snapshotSlot = slotIndex;
            periodicCursor++;
        }
    }

    private long epochNanos()
    {
        return epochClock.nanoTime();
    }

    private void releaseProcessedEvents()
    {
        if (sequenceCallback != null)
        {
            sequenceCallback.set(currentSequence - 1);
        }
    }

    /**
     * Accounts every still-buffered event as discarded. Called once at shutdown, after the ring is
     * drained and before the final snapshots, from the thread that drained it.
     */
    public void discardPending()
    {
        for (final PendingDeltas deltas : pending)
        {
            discarded.getAndAddRelease(deltas.size());
            deltas.clear();
        }
    }

    /** Events held while books wait for snapshots; consumed = applied + discarded + this. */
    public long pendingEvents()
    {
        long n = 0;
        for (final PendingDeltas deltas : pending)
        {
            n += deltas.size();
        }
        return n;
    }

    public int bookCount()
    {
        return books.length;
    }

    /** Read only from the handler thread, or after the ring is drained. */
    public OrderBook book(final int instrumentId)
    {
        return books[instrumentId];
    }

    public SyncState state(final int instrumentId)
    {
        return states[instrumentId];
    }

    public double volumePressure(final int instrumentId)
    {
        return volumePressure[instrumentId];
    }

    /** Books currently valid; written by the handler thread, may be read approximately by others. */
    public int liveBooks()
    {
        return liveBooks;
    }
}
