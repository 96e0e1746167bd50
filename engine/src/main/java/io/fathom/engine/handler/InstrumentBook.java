package io.fathom.engine.handler;

import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.PendingDeltas;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.sync.BookSync;

/**
 * Everything the book handler keeps for one instrument: its book, where it is in the venue's sync procedure,
 * the diffs buffered while a REST snapshot is fetched, and its last volume pressure. Owned and written by the
 * book handler thread only.
 */
final class InstrumentBook
{
    final OrderBook book;
    final PendingDeltas pending;
    /** The rule of the instrument's venue. */
    final BookSync sync;
    SyncState state = SyncState.IDLE;
    /** A snapshot was asked for and has not arrived; further asks are not repeated. */
    boolean snapshotRequested;
    /** The book was asked to sync (subscribed or a resync requested) and is to be valid within the sync timeout. */
    boolean syncTimed;
    /** When the book was last asked to sync, on the handler's {@code NanoClock}. */
    long syncAskedAtNs;
    /** The book has been live before, so going live again counts as a resync. */
    boolean everLive;
    /** A diff has been applied on top of the book's current REST snapshot (Binance futures check the first one apart). */
    boolean joined;
    /** Of the last valid message; 0 while the book is invalid. */
    double volumePressure;
    /** The last valid message's pressure is yet to be computed (no listener wants it at once). */
    boolean pressurePending;
    /** A message changed the book since its view was last published. */
    boolean viewPending;
    /** The book is in the list of views the end of the current batch publishes (if still pending then). */
    boolean viewQueued;

    InstrumentBook(final OrderBook book, final int pendingMaxLevels, final BookSync sync)
    {
        this.book = book;
        this.sync = sync;
        this.pending = new PendingDeltas(pendingMaxLevels);
    }

    int id()
    {
        return book.instrumentId();
    }

    /** Drops the buffered diffs; returns how many events they were. */
    int dropPending()
    {
        final int n = pending.size();
        pending.clear();
        return n;
    }

    /**
     * Asks for no resync now but counts as if one were outstanding, so the sync deadline asks (one per timeout):
     * for a failure that the venue would repeat at once.
     */
    void awaitSyncDeadline(final long nowNs)
    {
        snapshotRequested = true;
        askedToSync(nowNs);
    }

    /** The book's sync deadline starts now; the clock is read only then, rarely (a subscribe or a request). */
    void askedToSync(final long nowNs)
    {
        syncTimed = true;
        syncAskedAtNs = nowNs;
    }
}
