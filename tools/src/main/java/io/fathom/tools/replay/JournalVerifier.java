package io.fathom.tools.replay;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.OrderBook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replay --verify}: rebuilds every book from its sync snapshot and the deltas journaled after
 * it, exactly as the engine applies them, and compares the rebuild with every periodic and final
 * snapshot of that book, level for level. Also checks that journaled deltas chain on from the book
 * and that a book the journal calls invalid has been invalidated.
 *
 * <p>A book with no sync snapshot in the journal (older files deleted) starts at its first valid
 * periodic or final snapshot, which is then adopted rather than compared; so does every book after a
 * {@code journal_gap}, a hole the engine declared (its disk was short of space), which is reported, not counted as
 * a difference.
 */
public final class JournalVerifier implements JournalWalker.Listener
{
    /** At most this many differences are kept with their details; all are counted. */
    public static final int MAX_KEPT = 1_000;

    /** One way the journal disagrees with itself. */
    public record Difference(String book, long index, long epochNs, String what)
    {
        @Override
        public String toString()
        {
            return book + " at " + IsoTime.format(epochNs) + " (index " + Long.toHexString(index) + "): " + what;
        }
    }

    /** Records the engine could not write (its disk was short of space), as the journal declares them: not corruption. */
    public record Hole(long firstSkippedEpochNs, long lastSkippedEpochNs, long recordsSkipped, long resumedEpochNs)
    {
        @Override
        public String toString()
        {
            return "journal hole from " + IsoTime.format(firstSkippedEpochNs) + " to " + IsoTime.format(lastSkippedEpochNs) +
                ": " + recordsSkipped + " records not written (disk short of space), marked at " +
                IsoTime.format(resumedEpochNs) + "; books restart at their next snapshot";
        }
    }

    /** Where to filter which snapshots are compared (books are always rebuilt from the whole journal). */
    public interface Scope
    {
        boolean covers(JournalWalker.Instrument instrument, long epochNs);
    }

    private final Map<String, OrderBook> books = new HashMap<>();
    /** Books a delta has been applied to since their last sync snapshot. */
    private final java.util.Set<String> joined = new java.util.HashSet<>();
    private final List<Difference> differences = new ArrayList<>();
    private final List<Hole> holes = new ArrayList<>();
    private final Scope scope;
    private final DifferenceListener onDifference;
    private long differenceCount;
    private long compared;
    private long syncs;
    private long adopted;
    private long deltasApplied;
    private long deltasWithoutBook;

    /** Told of each difference as it is found. */
    @FunctionalInterface
    public interface DifferenceListener
    {
        void onDifference(Difference difference);
    }

    public JournalVerifier()
    {
        this((instrument, epochNs) -> true, difference -> { });
    }

    public JournalVerifier(final Scope scope, final DifferenceListener onDifference)
    {
        this.scope = scope;
        this.onDifference = onDifference;
    }

    @Override
    public void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
    {
        if (newSession)
        {
            books.clear();
        }
    }

    @Override
    public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
    {
        final OrderBook rebuilt = books.get(instrument.key());
        if (snapshot.reason() == SnapshotRecord.REASON_SYNC)
        {
            syncs++;
            books.put(instrument.key(), Books.load(instrument, snapshot));
            joined.remove(instrument.key());
            return;
        }
        if (rebuilt == null)
        {
            if (snapshot.valid())
            {
                adopted++;
                books.put(instrument.key(), Books.load(instrument, snapshot));
            }
            return;
        }
        if (!scope.covers(instrument, snapshot.epochNs()))
        {
            return;
        }
        compared++;
        final String reason = SnapshotRecord.reasonName(snapshot.reason());
        if (!snapshot.valid())
        {
            report(instrument, index, snapshot.epochNs(), reason + " snapshot says the book is invalid, " +
                "but no invalidation was journaled since its sync (rebuilt update id " + rebuilt.updateId() + ")");
            books.remove(instrument.key());
            return;
        }
        final String difference = Books.difference(rebuilt, snapshot, instrument);
        if (difference != null)
        {
            report(instrument, index, snapshot.epochNs(), reason + " snapshot at update id " + snapshot.updateId() +
                " differs from the rebuilt book: " + difference);
            books.put(instrument.key(), Books.load(instrument, snapshot));
        }
    }

    @Override
    public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
    {
        final OrderBook book = books.get(instrument.key());
        if (book == null)
        {
            deltasWithoutBook++;
            return;
        }
        final String problem = Books.chainProblem(book, delta, instrument.sync(), joined.contains(instrument.key()));
        if (problem != null && scope.covers(instrument, delta.receiveEpochNs()))
        {
            report(instrument, index, delta.receiveEpochNs(), "delta " + problem);
        }
        Books.apply(book, delta, instrument.sync());
        joined.add(instrument.key());
        deltasApplied++;
    }

    /** The journal says records are missing here: every book is unknown until its next snapshot, which it adopts. */
    @Override
    public void onJournalGap(final JournalGapRecord gap, final long index)
    {
        holes.add(new Hole(gap.firstSkippedEpochNs(), gap.lastSkippedEpochNs(), gap.recordsSkipped(), gap.epochNs()));
        books.clear();
        joined.clear();
    }

    @Override
    public void onBookState(final JournalWalker.Instrument instrument, final BookStateRecord state, final long index)
    {
        books.remove(instrument.key());
    }

    private void report(final JournalWalker.Instrument instrument, final long index, final long epochNs, final String what)
    {
        differenceCount++;
        final Difference difference = new Difference(instrument.key(), index, epochNs, what);
        if (differences.size() < MAX_KEPT)
        {
            differences.add(difference);
        }
        onDifference.onDifference(difference);
    }

    /** Every difference found (all counted; the first {@link #MAX_KEPT} kept). */
    public long differenceCount()
    {
        return differenceCount;
    }

    public List<Difference> differences()
    {
        return differences;
    }

    /** The holes the journal declares, in order. */
    public List<Hole> holes()
    {
        return holes;
    }

    /** Periodic and final snapshots compared with a rebuilt book. */
    public long snapshotsCompared()
    {
        return compared;
    }

    public long syncs()
    {
        return syncs;
    }

    /** Books started at a periodic or final snapshot for want of a sync snapshot. */
    public long booksAdopted()
    {
        return adopted;
    }

    public long deltasApplied()
    {
        return deltasApplied;
    }

    /** Deltas of books that had no base yet (a journal whose start was deleted); not verifiable. */
    public long deltasWithoutBook()
    {
        return deltasWithoutBook;
    }
}
