package io.fathom.tools.replay;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.OrderBook;

/**
 * {@code replay --book-at TIME}: one instrument's book at a moment, rebuilt from the last snapshot
 * taken at or before it and the deltas received after that snapshot up to the moment.
 *
 * <p>A delta counts from its receive time; the deltas journaled with a sync snapshot count from the
 * snapshot's time, since the book became valid with all of them at once. The book is invalid at
 * the moment when an invalidation or a new session came after its last snapshot.
 */
public final class BookAtQuery implements JournalWalker.Listener
{
    /** Records this long after the moment end the search: other instruments' times may run a little out of order. */
    private static final long LOOK_AHEAD_NS = 60_000_000_000L;

    private final String venue;
    private final String symbol;
    private final long atEpochNs;
    private JournalWalker.Instrument instrument;
    private OrderBook book;
    private String basis;
    private long basisEpochNs;
    private int syncDeltasRemaining;
    private long deltasApplied;
    private long lastDeltaEpochNs = Long.MIN_VALUE;
    private String invalidWhy = "no snapshot of it at or before that time";
    private boolean done;

    /** @param venue null to match the symbol on any venue. */
    public BookAtQuery(final String venue, final String symbol, final long atEpochNs)
    {
        this.venue = venue;
        this.symbol = symbol;
        this.atEpochNs = atEpochNs;
    }

    private boolean matches(final JournalWalker.Instrument candidate)
    {
        return candidate.symbol().equalsIgnoreCase(symbol) && (venue == null || candidate.venue().equalsIgnoreCase(venue));
    }

    @Override
    public void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
    {
        if (done || !newSession)
        {
            return;
        }
        if (start.epochNs() > atEpochNs)
        {
            done = true;
            return;
        }
        if (book != null)
        {
            invalidWhy = "a new session started at " + IsoTime.format(start.epochNs()) + " and had not synced it by then";
        }
        book = null;
    }

    @Override
    public void onSnapshot(final JournalWalker.Instrument candidate, final SnapshotRecord snapshot, final long index)
    {
        if (done || !matches(candidate))
        {
            done |= snapshot.epochNs() - atEpochNs > LOOK_AHEAD_NS;
            return;
        }
        final boolean sync = snapshot.reason() == SnapshotRecord.REASON_SYNC;
        if (snapshot.epochNs() > atEpochNs)
        {
            done = sync;
            return;
        }
        instrument = candidate;
        if (!snapshot.valid())
        {
            book = null;
            invalidWhy = "the " + SnapshotRecord.reasonName(snapshot.reason()) + " snapshot at " +
                IsoTime.format(snapshot.epochNs()) + " says it was invalid";
            return;
        }
        book = Books.load(candidate, snapshot);
        basis = SnapshotRecord.reasonName(snapshot.reason());
        basisEpochNs = snapshot.epochNs();
        syncDeltasRemaining = sync ? Math.max(0, snapshot.syncDeltaCount()) : 0;
        deltasApplied = 0;
    }

    @Override
    public void onDelta(final JournalWalker.Instrument candidate, final DeltaRecord delta, final long index)
    {
        if (done || !matches(candidate))
        {
            done |= delta.receiveEpochNs() - atEpochNs > LOOK_AHEAD_NS;
            return;
        }
        if (book == null)
        {
            return;
        }
        if (syncDeltasRemaining > 0)
        {
            syncDeltasRemaining--;
        }
        else if (delta.receiveEpochNs() > atEpochNs)
        {
            done = true;
            return;
        }
        Books.apply(book, delta, instrument.sync());
        deltasApplied++;
        lastDeltaEpochNs = delta.receiveEpochNs();
    }

    @Override
    public void onBookState(final JournalWalker.Instrument candidate, final BookStateRecord state, final long index)
    {
        if (done || !matches(candidate))
        {
            return;
        }
        if (state.epochNs() > atEpochNs)
        {
            done = true;
            return;
        }
        book = null;
        invalidWhy = "invalidated at " + IsoTime.format(state.epochNs()) + " (" + BookStateRecord.reasonName(state.reason()) +
            ") and not synced again by then";
    }

    /** Whether later records can no longer change the answer. */
    public boolean done()
    {
        return done;
    }

    /** The book at the moment, or null when there was no valid one (see {@link #invalidWhy()}). */
    public OrderBook book()
    {
        return book;
    }

    /** The instrument as the journal names it, or null when the journal never snapshotted it before the moment. */
    public JournalWalker.Instrument instrument()
    {
        return instrument;
    }

    public String invalidWhy()
    {
        return invalidWhy;
    }

    /** Reason of the snapshot the book was rebuilt from. */
    public String basis()
    {
        return basis;
    }

    public long basisEpochNs()
    {
        return basisEpochNs;
    }

    public long deltasApplied()
    {
        return deltasApplied;
    }

    /** Receive time of the last delta applied, or {@link Long#MIN_VALUE}. */
    public long lastDeltaEpochNs()
    {
        return lastDeltaEpochNs;
    }

    public long atEpochNs()
    {
        return atEpochNs;
    }
}
