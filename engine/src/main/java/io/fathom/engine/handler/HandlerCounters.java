package io.fathom.engine.handler;

import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.BufferUtil;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.util.function.Function;

/**
 * The system counters the book handler writes, fetched once so the hot path reads final fields, and where its
 * errors are recorded. Usually those of the engine's {@link EngineCounters} file; {@link #inMemory()} gives a
 * set of its own for tests and offline checks. The counts every event moves (consumed, deltas applied) are held
 * and published once per batch ({@link #endOfBatch}); the rest as they happen. Written by the book handler
 * thread only; other threads may read.
 */
public final class HandlerCounters
{
    final AtomicCounter consumed;
    final AtomicCounter applied;
    final AtomicCounter deltasApplied;
    final AtomicCounter snapshotEventsApplied;
    final AtomicCounter discarded;
    private final AtomicCounter gaps;
    final AtomicCounter resyncs;
    final AtomicCounter crossed;
    final AtomicCounter snapshotRequests;
    final AtomicCounter staleSnapshots;
    final AtomicCounter beyondCapacity;
    final AtomicCounter handlerErrors;
    final AtomicCounter pendingOverflows;
    final AtomicCounter slotTimeouts;
    final AtomicCounter checksumsVerified;
    final AtomicCounter checksumFailures;
    final AtomicCounter syncTimeouts;
    private final Function<SystemCounter, AtomicCounter> source;
    /** Each feed's gaps beside the system total, or null where there are no feed counters. */
    private final FeedCounters feeds;
    private final ErrorHandler errors;
    private long consumedInBatch;
    private long deltasAppliedInBatch;

    private HandlerCounters(
        final Function<SystemCounter, AtomicCounter> source, final FeedCounters feeds, final ErrorHandler errors)
    {
        this.source = source;
        this.feeds = feeds;
        this.errors = errors;
        consumed = source.apply(SystemCounter.EVENTS_CONSUMED);
        applied = source.apply(SystemCounter.EVENTS_APPLIED);
        deltasApplied = source.apply(SystemCounter.DELTAS_APPLIED);
        snapshotEventsApplied = source.apply(SystemCounter.SNAPSHOT_EVENTS_APPLIED);
        discarded = source.apply(SystemCounter.EVENTS_DISCARDED);
        gaps = source.apply(SystemCounter.GAPS);
        resyncs = source.apply(SystemCounter.RESYNCS);
        crossed = source.apply(SystemCounter.CROSSED_BOOKS);
        snapshotRequests = source.apply(SystemCounter.SNAPSHOT_REQUESTS);
        staleSnapshots = source.apply(SystemCounter.STALE_SNAPSHOTS);
        beyondCapacity = source.apply(SystemCounter.LEVELS_BEYOND_CAPACITY);
        handlerErrors = source.apply(SystemCounter.HANDLER_ERRORS);
        pendingOverflows = source.apply(SystemCounter.PENDING_OVERFLOWS);
        slotTimeouts = source.apply(SystemCounter.SNAPSHOT_SLOT_TIMEOUTS);
        checksumsVerified = source.apply(SystemCounter.CHECKSUMS_VERIFIED);
        checksumFailures = source.apply(SystemCounter.CHECKSUM_FAILURES);
        syncTimeouts = source.apply(SystemCounter.SYNC_TIMEOUTS);
    }

    /** The engine's counters; errors go to its distinct-error log. */
    public static HandlerCounters of(final EngineCounters counters)
    {
        return new HandlerCounters(counters::get, null, counters::recordError);
    }

    /** The engine's counters and its feeds', so each feed's gaps are counted on its own too. */
    public static HandlerCounters of(final EngineCounters counters, final FeedCounters feeds)
    {
        return new HandlerCounters(counters::get, feeds, counters::recordError);
    }

    /**
     * Counters of their own in off-heap memory, no file; errors are only counted (the handler logs them too).
     * For tests and offline replays that have no run directory.
     */
    public static HandlerCounters inMemory()
    {
        final SystemCounter[] all = SystemCounter.values();
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(all.length * CountersReader.METADATA_LENGTH, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(all.length * CountersReader.COUNTER_LENGTH, 64)));
        final AtomicCounter[] counters = new AtomicCounter[all.length];
        for (final SystemCounter counter : all)
        {
            counters[counter.ordinal()] = manager.newCounter(counter.label());
        }
        return new HandlerCounters(counter -> counters[counter.ordinal()], null, error -> { });
    }

    /** Any system counter of the set, e.g. the ring's published count for a test's ring. */
    public AtomicCounter counter(final SystemCounter counter)
    {
        return source.apply(counter);
    }

    /** The counter's current value. */
    public long value(final SystemCounter counter)
    {
        return source.apply(counter).get();
    }

    /** A sequence gap in the instrument's stream: the system total and its feed's count. */
    void onGap(final int instrumentId)
    {
        gaps.incrementRelease();
        if (feeds != null)
        {
            feeds.onGap(instrumentId);
        }
    }

    /** An event taken off the ring; published with the batch. */
    void onConsumed()
    {
        consumedInBatch++;
    }

    /** A delta applied to a live book (an applied event too); published with the batch. */
    void onDeltaApplied()
    {
        deltasAppliedInBatch++;
    }

    /**
     * Publishes the counts held since the last call. The book handler calls it at the end of every batch, before
     * the ring moves its sequence past the batch, so a reader that sees the batch handled sees it counted.
     */
    void endOfBatch()
    {
        consumed.getAndAddRelease(consumedInBatch);
        consumedInBatch = 0;
        if (deltasAppliedInBatch != 0)
        {
            applied.getAndAddRelease(deltasAppliedInBatch);
            deltasApplied.getAndAddRelease(deltasAppliedInBatch);
            deltasAppliedInBatch = 0;
        }
    }

    void recordError(final Throwable error)
    {
        errors.onError(error);
    }
}
