package io.fathom.engine.handler;

import io.fathom.engine.book.SyncState;
import org.agrona.concurrent.NanoClock;

/**
 * The sync deadline of venues that send the snapshot on the stream after a subscribe: a book not valid within the
 * timeout of being asked to sync (its feed opened, or a resync requested) asks for a resync again, counted, and its
 * deadline restarts, so a lost or undecodable snapshot costs one resubscribe per timeout rather than a book that
 * stays syncing forever. Checked at the end of a batch with the clock read once; the books are scanned only when
 * the earliest deadline may have passed, and at least once per timeout. Runs on the book handler thread; allocates
 * nothing.
 */
final class SyncDeadlines
{
    private final InstrumentBook[] instruments;
    private final BookSynchroniser synchroniser;
    private final NanoClock clock;
    private final long timeoutNs;
    private long nextCheckNs;

    /**
     * @param timeoutNs 0 for never; books of venues that sync from a REST snapshot, whose fetches retry themselves, have none.
     */
    SyncDeadlines(
        final InstrumentBook[] instruments,
        final BookSynchroniser synchroniser,
        final long timeoutNs,
        final NanoClock clock)
    {
        this.instruments = instruments;
        this.synchroniser = synchroniser;
        this.clock = clock;
        this.timeoutNs = timeoutNs;
        this.nextCheckNs = timeoutNs > 0 ? clock.nanoTime() : 0;
    }

    /**
     * At the end of a batch: resyncs the books past their deadline. A book asked to sync after a scan has its
     * deadline at least a timeout after it, so the next scan is due by the earliest deadline seen or a timeout on.
     */
    void onBatchEnd()
    {
        if (timeoutNs <= 0)
        {
            return;
        }
        final long nowNs = clock.nanoTime();
        if (nowNs - nextCheckNs < 0)
        {
            return;
        }
        long nextNs = nowNs + timeoutNs;
        for (final InstrumentBook instrument : instruments)
        {
            final SyncState state = instrument.state;
            if (!instrument.syncTimed || state == SyncState.LIVE || state == SyncState.CLOSED || instrument.sync.restSnapshot())
            {
                continue;
            }
            if (nowNs - instrument.syncAskedAtNs >= timeoutNs)
            {
                synchroniser.onSyncTimeout(instrument);
            }
            final long deadlineNs = instrument.syncAskedAtNs + timeoutNs;
            if (deadlineNs - nextNs < 0)
            {
                nextNs = deadlineNs;
            }
        }
        nextCheckNs = nextNs;
    }
}
