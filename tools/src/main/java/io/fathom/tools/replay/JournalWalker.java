package io.fathom.tools.replay;

import io.fathom.codec.Venue;
import io.fathom.engine.sync.BookSync;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.JournalRecords;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.journal.JournalReader;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows a journal's sessions and instrument tables and hands each record to its listeners with
 * the instrument resolved, so that tools key books by venue and symbol across sessions (instrument
 * ids are only meaningful within the session that assigned them).
 */
public final class JournalWalker implements JournalReader.Visitor
{
    /** Told of each record in journal order; every method is optional. */
    public interface Listener
    {
        /**
         * @param newSession false for a continuation of the session already being read (the same
         *                   session going on in a new roll-cycle file): books carry on.
         */
        default void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
        {
        }

        default void onSessionEnd(final SessionRecords.SessionEnd end, final long index)
        {
        }

        default void onDelta(final Instrument instrument, final DeltaRecord delta, final long index)
        {
        }

        default void onSnapshot(final Instrument instrument, final SnapshotRecord snapshot, final long index)
        {
        }

        default void onBookState(final Instrument instrument, final BookStateRecord state, final long index)
        {
        }

        /** @param instrument null for a change of a whole connection. */
        default void onFeedState(final Instrument instrument, final FeedStateRecord state, final long index)
        {
        }

        /** Records were not written here (the journal's disk was short of space): every book is unknown until its next snapshot. */
        default void onJournalGap(final JournalGapRecord gap, final long index)
        {
        }

        /** @param malformed true for a record whose lengths disagree, false for one of an unknown schema, version or template. */
        default void onUnreadable(final boolean malformed, final String what, final long index)
        {
        }
    }

    /**
     * An instrument as tools name it.
     *
     * @param key           {@code venue:symbol}, stable across sessions.
     * @param bookCapacity  levels per side the session's books kept (0 when the journal does not say).
     * @param sync          the venue's sync rule, as the engine applied it (Binance spot's for an unknown venue).
     */
    public record Instrument(
        String key, String venue, String symbol, int priceScale, int quantityScale, int bookCapacity, BookSync sync)
    {
    }

    private static final Pattern VENUE_DEPTH = Pattern.compile("\\bvenue_depth=(\\d+)");

    private final List<Listener> listeners = new ArrayList<>();
    private final DeltaRecord delta = DeltaRecord.reader();
    private final SnapshotRecord snapshot = SnapshotRecord.reader();
    private final BookStateRecord bookState = BookStateRecord.reader();
    private final FeedStateRecord feedState = FeedStateRecord.reader();
    private final JournalGapRecord journalGap = JournalGapRecord.reader();
    private Instrument[] instruments = new Instrument[0];
    private long sessionId = Long.MIN_VALUE;
    private boolean inSession;
    private long records;
    private long lastIndex = -1;
    private long lastEpochNs = Long.MIN_VALUE;
    private long firstEpochNs = Long.MIN_VALUE;

    public JournalWalker add(final Listener listener)
    {
        listeners.add(listener);
        return this;
    }

    @Override
    public void onRecord(final JournalTemplate template, final UnsafeBuffer buffer, final int length, final long index)
    {
        records++;
        lastIndex = index;
        final long epochNs = JournalRecords.epochNs(template, buffer, 0);
        lastEpochNs = epochNs;
        if (firstEpochNs == Long.MIN_VALUE)
        {
            firstEpochNs = epochNs;
        }
        switch (template)
        {
            case SESSION_START:
                onSessionStart(SessionRecords.decodeStart(buffer, 0, length), index);
                break;
            case SESSION_END:
                final SessionRecords.SessionEnd end = SessionRecords.decodeEnd(buffer, 0, length);
                inSession = false;
                for (final Listener l : listeners)
                {
                    l.onSessionEnd(end, index);
                }
                break;
            case DELTA:
                delta.wrap(buffer, 0);
                final Instrument deltaInstrument = instrument(delta.instrumentId());
                for (final Listener l : listeners)
                {
                    l.onDelta(deltaInstrument, delta, index);
                }
                break;
            case SNAPSHOT:
                snapshot.wrap(buffer, 0);
                final Instrument snapshotInstrument = instrument(snapshot.instrumentId());
                for (final Listener l : listeners)
                {
                    l.onSnapshot(snapshotInstrument, snapshot, index);
                }
                break;
            case BOOK_STATE:
                bookState.wrap(buffer, 0);
                final Instrument stateInstrument = instrument(bookState.instrumentId());
                for (final Listener l : listeners)
                {
                    l.onBookState(stateInstrument, bookState, index);
                }
                break;
            case FEED_STATE:
                feedState.wrap(buffer, 0);
                final Instrument feedInstrument = feedState.instrumentId() < 0 ? null : instrument(feedState.instrumentId());
                for (final Listener l : listeners)
                {
                    l.onFeedState(feedInstrument, feedState, index);
                }
                break;
            case JOURNAL_GAP:
                journalGap.wrap(buffer, 0);
                for (final Listener l : listeners)
                {
                    l.onJournalGap(journalGap, index);
                }
                break;
            default:
                for (final Listener l : listeners)
                {
                    l.onUnreadable(false, "template " + template.label() + " not handled", index);
                }
        }
    }

    @Override
    public void onUnknown(final int schemaId, final int version, final int templateId, final long index)
    {
        records++;
        lastIndex = index;
        final String what = "record of schema " + Integer.toHexString(schemaId) + " version " + version +
            " template " + templateId + " (this reader knows schema " + Integer.toHexString(
            io.fathom.codec.journal.JournalHeader.SCHEMA_ID) + " versions " +
            io.fathom.codec.journal.JournalHeader.MIN_SCHEMA_VERSION + ".." + io.fathom.codec.journal.JournalHeader.SCHEMA_VERSION + ")";
        for (final Listener l : listeners)
        {
            l.onUnreadable(false, what, index);
        }
    }

    @Override
    public void onMalformed(final JournalTemplate template, final String problem, final long index)
    {
        records++;
        lastIndex = index;
        for (final Listener l : listeners)
        {
            l.onUnreadable(true, "malformed " + problem, index);
        }
    }

    private void onSessionStart(final SessionRecords.SessionStart start, final long index)
    {
        final boolean newSession = !(start.continuation() && inSession && start.config().sessionId() == sessionId);
        sessionId = start.config().sessionId();
        inSession = true;
        int maxId = -1;
        for (final SessionRecords.Instrument instrument : start.instruments())
        {
            maxId = Math.max(maxId, instrument.id());
        }
        instruments = new Instrument[maxId + 1];
        final Matcher depth = VENUE_DEPTH.matcher(start.config().description());
        final int venueDepth = depth.find() ? Integer.parseInt(depth.group(1)) : Integer.MAX_VALUE;
        for (final SessionRecords.Instrument i : start.instruments())
        {
            if (i.id() >= 0)
            {
                instruments[i.id()] = new Instrument(i.venue() + ":" + i.symbol(), i.venue(), i.symbol(),
                    i.priceScale(), i.quantityScale(), start.config().bookCapacityPerSide(), syncOf(i.venue(), venueDepth));
            }
        }
        for (final Listener l : listeners)
        {
            l.onSessionStart(start, newSession, index);
        }
    }

    /** The instrument of a session id; an unnamed one when no instrument table names it. */
    public Instrument instrument(final int id)
    {
        if (id >= 0 && id < instruments.length && instruments[id] != null)
        {
            return instruments[id];
        }
        return new Instrument("?:#" + id, "?", "#" + id, 8, 8, 0, syncOf("?", Integer.MAX_VALUE));
    }

    /** Records seen, readable or not. */
    public long records()
    {
        return records;
    }

    /** Chronicle index of the last record seen, or -1. */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** Time of the last readable record, or {@link Long#MIN_VALUE}. */
    public long lastEpochNs()
    {
        return lastEpochNs;
    }

    public long firstEpochNs()
    {
        return firstEpochNs;
    }

    /** Whether the last session read has started and not ended (a crash, a kill, or still running). */
    public boolean inSession()
    {
        return inSession;
    }

    /** The engine's rule for a venue's books; the depth (Kraken's) comes from the session's description. */
    private static BookSync syncOf(final String venue, final int venueDepth)
    {
        final Venue known = Venue.find(venue);
        return BookSync.forVenue(known == null ? Venue.BINANCE : known, venueDepth);
    }
}
