package io.fathom.tools.replay;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.codec.json.JsonWriter;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code replay} says by default: records by type, snapshots by reason, sessions, each book's
 * last snapshot with how often and how long it was invalid, and where the journal ends.
 */
final class ReplaySummary implements JournalWalker.Listener
{
    private final RecordFilter filter;
    private final Map<JournalTemplate, Long> recordsByType = new EnumMap<>(JournalTemplate.class);
    private final Map<String, Long> snapshotsByReason = new TreeMap<>();
    private final Map<String, Book> books = new LinkedHashMap<>();
    private long sessions;
    private long cleanSessionEnds;
    private long unknownRecords;
    private long malformedRecords;
    private Boolean lastSessionClean;

    /** One book's story. */
    private static final class Book
    {
        final JournalWalker.Instrument instrument;
        String reason;
        boolean valid;
        long updateId;
        long epochNs;
        int bids;
        int asks;
        String bestBid;
        String bestBidQty;
        String bestAsk;
        String bestAskQty;
        long deltas;
        long invalidations;
        long invalidSinceNs = Long.MIN_VALUE;
        long invalidNs;

        Book(final JournalWalker.Instrument instrument)
        {
            this.instrument = instrument;
        }

        void validAgain(final long epochNs)
        {
            if (invalidSinceNs != Long.MIN_VALUE)
            {
                invalidNs += Math.max(0, epochNs - invalidSinceNs);
                invalidSinceNs = Long.MIN_VALUE;
            }
        }
    }

    ReplaySummary(final RecordFilter filter)
    {
        this.filter = filter;
    }

    @Override
    public void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
    {
        if (newSession)
        {
            sessions++;
            lastSessionClean = null;
            books.values().forEach(book -> book.validAgain(start.epochNs()));
        }
        if (filter.inTime(start.epochNs()))
        {
            count(JournalTemplate.SESSION_START);
        }
    }

    @Override
    public void onSessionEnd(final SessionRecords.SessionEnd end, final long index)
    {
        cleanSessionEnds += end.clean() ? 1 : 0;
        lastSessionClean = end.clean();
        books.values().forEach(book -> book.validAgain(end.epochNs()));
        if (filter.inTime(end.epochNs()))
        {
            count(JournalTemplate.SESSION_END);
        }
    }

    @Override
    public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
    {
        if (filter.accepts(instrument, delta.receiveEpochNs()))
        {
            count(JournalTemplate.DELTA);
            book(instrument).deltas++;
        }
    }

    @Override
    public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
    {
        if (!filter.accepts(instrument, snapshot.epochNs()))
        {
            return;
        }
        count(JournalTemplate.SNAPSHOT);
        final String reason = SnapshotRecord.reasonName(snapshot.reason());
        snapshotsByReason.merge(reason, 1L, Long::sum);
        final Book book = book(instrument);
        if (snapshot.reason() == SnapshotRecord.REASON_SYNC)
        {
            book.validAgain(snapshot.epochNs());
        }
        final int ps = instrument.priceScale();
        final int qs = instrument.quantityScale();
        book.reason = reason;
        book.valid = snapshot.valid();
        book.updateId = snapshot.updateId();
        book.epochNs = snapshot.epochNs();
        book.bids = snapshot.bidCount();
        book.asks = snapshot.askCount();
        book.bestBid = snapshot.bidCount() > 0 ? FixedPoint.format(snapshot.bidPrice(0), ps) : null;
        book.bestBidQty = snapshot.bidCount() > 0 ? FixedPoint.format(snapshot.bidQuantity(0), qs) : null;
        book.bestAsk = snapshot.askCount() > 0 ? FixedPoint.format(snapshot.askPrice(0), ps) : null;
        book.bestAskQty = snapshot.askCount() > 0 ? FixedPoint.format(snapshot.askQuantity(0), qs) : null;
    }

    @Override
    public void onBookState(final JournalWalker.Instrument instrument, final BookStateRecord state, final long index)
    {
        if (!filter.accepts(instrument, state.epochNs()))
        {
            return;
        }
        count(JournalTemplate.BOOK_STATE);
        final Book book = book(instrument);
        book.invalidations++;
        if (book.invalidSinceNs == Long.MIN_VALUE)
        {
            book.invalidSinceNs = state.epochNs();
        }
    }

    @Override
    public void onFeedState(final JournalWalker.Instrument instrument, final FeedStateRecord state, final long index)
    {
        if (instrument == null ? filter.acceptsUnkeyed(state.epochNs()) : filter.accepts(instrument, state.epochNs()))
        {
            count(JournalTemplate.FEED_STATE);
        }
    }

    @Override
    public void onJournalGap(final JournalGapRecord gap, final long index)
    {
        if (filter.inTime(gap.epochNs()))
        {
            count(JournalTemplate.JOURNAL_GAP);
        }
    }

    @Override
    public void onUnreadable(final boolean malformed, final String what, final long index)
    {
        if (malformed)
        {
            malformedRecords++;
        }
        else
        {
            unknownRecords++;
        }
    }

    /** Records this version could not read: they make {@code replay} exit non-zero. */
    long unreadable()
    {
        return unknownRecords + malformedRecords;
    }

    private Book book(final JournalWalker.Instrument instrument)
    {
        return books.computeIfAbsent(instrument.key(), key -> new Book(instrument));
    }

    private void count(final JournalTemplate template)
    {
        recordsByType.merge(template, 1L, Long::sum);
    }

    /** Closes open invalid periods at the journal's last time. */
    void finish(final long lastEpochNs)
    {
        books.values().forEach(book -> book.validAgain(lastEpochNs));
    }

    /** @param withBooks one line per book too (not when the records went to stdout: the summary is then a footnote). */
    void print(final PrintWriter out, final String directory, final JournalWalker walker, final JournalEnd end, final boolean withBooks)
    {
        out.printf("summary: %d records in %s, %d sessions (%d ended cleanly)%n",
            walker.records(), directory, sessions, cleanSessionEnds);
        out.println("  " + end.describe());
        for (final JournalTemplate template : JournalTemplate.values())
        {
            out.printf("  %-13s %d%n", template.label(), recordsByType.getOrDefault(template, 0L));
        }
        snapshotsByReason.forEach((reason, n) -> out.printf("  snapshots %-9s %d%n", reason, n));
        final Map<String, Integer> booksByVenue = new TreeMap<>();
        books.values().forEach(book -> booksByVenue.merge(book.instrument.venue(), 1, Integer::sum));
        if (!booksByVenue.isEmpty())
        {
            final StringBuilder venues = new StringBuilder("  books by venue");
            booksByVenue.forEach((venue, n) -> venues.append(' ').append(venue).append('=').append(n));
            out.println(venues);
        }
        if (unknownRecords > 0)
        {
            out.printf("  unknown       %d (another schema, a newer version or an unknown template)%n", unknownRecords);
        }
        if (malformedRecords > 0)
        {
            out.printf("  malformed     %d%n", malformedRecords);
        }
        if (!withBooks)
        {
            return;
        }
        for (final Book book : books.values())
        {
            out.printf("  book %s u=%d %s%s bids=%d asks=%d best_bid=%s best_ask=%s deltas=%d invalidations=%d invalid_ms=%d%n",
                book.instrument.key(), book.updateId, book.reason, book.valid ? "" : " (invalid)", book.bids, book.asks,
                book.bestBid, book.bestAsk, book.deltas, book.invalidations, book.invalidNs / 1_000_000);
        }
    }

    /** The summary as JSON; the caller adds its own fields before {@link JsonWriter#endObject()}. */
    JsonWriter json(final JournalWalker walker, final JournalEnd end)
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("records", walker.records())
            .field("sessions", sessions)
            .field("clean_session_ends", cleanSessionEnds)
            .field("unknown_records", unknownRecords)
            .field("malformed_records", malformedRecords);
        end.json(json);
        json.name("last_session_clean");
        if (lastSessionClean == null)
        {
            json.value((String)null);
        }
        else
        {
            json.value(lastSessionClean.booleanValue());
        }
        json.name("records_by_type").beginObject();
        for (final JournalTemplate template : JournalTemplate.values())
        {
            json.field(template.label(), recordsByType.getOrDefault(template, 0L));
        }
        json.endObject().name("snapshots_by_reason").beginObject();
        snapshotsByReason.forEach(json::field);
        json.endObject().name("books").beginArray();
        for (final Book book : books.values())
        {
            json.beginObject()
                .field("venue", book.instrument.venue()).field("symbol", book.instrument.symbol())
                .field("reason", book.reason).field("valid", book.valid)
                .field("update_id", book.updateId).field("time", book.reason == null ? null : IsoTime.format(book.epochNs))
                .field("bid_levels", book.bids).field("ask_levels", book.asks)
                .field("best_bid", book.bestBid).field("best_bid_qty", book.bestBidQty)
                .field("best_ask", book.bestAsk).field("best_ask_qty", book.bestAskQty)
                .field("deltas", book.deltas).field("invalidations", book.invalidations)
                .field("invalid_ms", book.invalidNs / 1_000_000)
                .endObject();
        }
        return json.endArray();
    }
}
