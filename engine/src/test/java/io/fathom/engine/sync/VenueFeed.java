package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.engine.sync.BookScript.Batch;
import io.fathom.engine.sync.BookScript.Change;
import io.fathom.engine.sync.BookScript.Digits;
import io.fathom.engine.sync.BookScript.Instrument;
import io.fathom.engine.sync.BookScript.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * What a venue sends for a generated book evolution, and what a correct engine holds after each message: the
 * snapshot (on the stream, or from REST with diffs buffered around it) and the diffs, with the sequence ids
 * and checksums the venue puts on them.
 *
 * <ul>
 *   <li>Binance: the book exists before the subscription; each diff covers a run of update ids (one per level
 *   change; contiguous on spot, spaced on futures with {@code pu} naming the previous diff's {@code u}); the
 *   REST snapshot is taken at one of those ids, possibly inside a diff or ahead of the stream, and arrives
 *   after some diffs were buffered.</li>
 *   <li>Kraken: the client sees the top {@code depth} levels; a diff carries what changed in that view,
 *   levels entering it from below included, and no removal for levels pushed out of it.</li>
 *   <li>OKX: {@code seqId}/{@code prevSeqId} chain, a message without changes repeats its {@code seqId}.</li>
 *   <li>Hyperliquid: every message is the top {@value #HYPERLIQUID_LEVELS} levels of each side.</li>
 * </ul>
 */
final class VenueFeed
{
    static final int HYPERLIQUID_LEVELS = 20;
    static final byte[] SYMBOL = "BTCUSD".getBytes(US_ASCII);
    private static final long FIRST_EVENT_TIME_MS = 1_700_000_000_000L;
    private static final int[] KRAKEN_DEPTHS = { 10, 25 };

    /**
     * Venue settings drawn per try: the first update id (OKX {@code seqId}, Binance id, Coinbase
     * {@code sequence_num}, Kraken v1 channel), Kraken's depth, whether OKX sends checksums, whether Binance
     * sends combined-stream frames, when Binance's REST snapshot arrives and at which id it is taken, and how
     * many Coinbase events share a frame.
     */
    record Knobs(
        long firstId,
        int depthChoice,
        boolean checksums,
        boolean combinedStream,
        int snapshotAfter,
        int snapshotAt,
        int eventsPerFrame)
    {
    }

    /**
     * One message and the engine after it: {@code expected} is the book it must hold, or null while it must
     * not be live yet; {@code updateId} the id the book must show; {@code applied} whether the message changes
     * the book (the listener hears of it); {@code checksummed} whether it carries a checksum the engine checks.
     */
    record Sent(DepthMessage message, boolean rest, VenueBook expected, long updateId, boolean applied, boolean checksummed)
    {
    }

    private final Venue venue;
    private final Instrument instrument;
    private final Knobs knobs;
    private final int depth;
    private final List<Sent> sent = new ArrayList<>();
    /** Binance: the REST snapshot's id. */
    private long snapshotId = DepthMessage.NO_ID;
    private long eventTimeMs = FIRST_EVENT_TIME_MS;

    private VenueFeed(final Venue venue, final Instrument instrument, final Knobs knobs)
    {
        this.venue = venue;
        this.instrument = instrument;
        this.knobs = knobs;
        this.depth = isKraken(venue) ? KRAKEN_DEPTHS[knobs.depthChoice() % KRAKEN_DEPTHS.length] : 0;
    }

    static VenueFeed of(
        final Venue venue, final Instrument instrument, final Knobs knobs, final List<Op> opening, final List<Batch> batches)
    {
        final VenueFeed feed = new VenueFeed(venue, instrument, knobs);
        if (venue.restSnapshot())
        {
            feed.binance(opening, batches);
        }
        else
        {
            feed.streamed(opening, batches);
        }
        return feed;
    }

    Venue venue()
    {
        return venue;
    }

    Instrument instrument()
    {
        return instrument;
    }

    Knobs knobs()
    {
        return knobs;
    }

    /** The subscribed depth the venue truncates to (Kraken), else 0. */
    int depth()
    {
        return depth;
    }

    List<Sent> sent()
    {
        return sent;
    }

    long snapshotId()
    {
        return snapshotId;
    }

    static boolean isKraken(final Venue venue)
    {
        return venue == Venue.KRAKEN || venue == Venue.KRAKEN_V1;
    }

    /** Levels per side the venue's checksum covers. */
    int checksumLevels()
    {
        return isKraken(venue) ? KrakenChecksum.LEVELS : OkxChecksum.LEVELS;
    }

    private void streamed(final List<Op> opening, final List<Batch> batches)
    {
        final Digits digits = venue == Venue.KRAKEN ? Digits.MINIMAL : Digits.PADDED;
        final VenueBook book = new VenueBook();
        BookScript.perform(book, instrument, digits, opening);
        VenueBook view = view(book);
        long seqId = knobs.firstId();
        final DepthMessage snapshot = message(DepthMessage.KIND_SNAPSHOT, levels(view));
        if (venue == Venue.OKX)
        {
            snapshot.firstUpdateId(seqId).lastUpdateId(seqId);
        }
        add(snapshot, view, venue == Venue.OKX ? seqId : DepthMessage.NO_ID, venue != Venue.KRAKEN_V1);

        for (final Batch batch : batches)
        {
            final VenueBook before = view;
            final List<Change> changes = BookScript.perform(book, instrument, digits, batch.ops());
            view = view(book);
            final List<Change> levels = isKraken(venue) ? visibleChanges(before, view, changes) :
                venue == Venue.HYPERLIQUID ? levels(view) : changes;
            if (levels.isEmpty() && venue != Venue.OKX && venue != Venue.HYPERLIQUID)
            {
                continue;
            }
            final DepthMessage message = message(
                venue == Venue.HYPERLIQUID ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, levels);
            if (venue == Venue.OKX)
            {
                final long previous = seqId;
                seqId += levels.isEmpty() ? 0 : batch.idStep();
                message.firstUpdateId(seqId).lastUpdateId(seqId).previousUpdateId(previous);
            }
            add(message, view, venue == Venue.OKX ? seqId : DepthMessage.NO_ID, true);
        }
    }

    /** What a client of a venue sees of its book. */
    private VenueBook view(final VenueBook book)
    {
        if (isKraken(venue))
        {
            return book.top(depth);
        }
        return venue == Venue.HYPERLIQUID ? book.top(HYPERLIQUID_LEVELS) : book.copy();
    }

    /**
     * A Kraken diff: the changed levels still in view, removals of levels that left the book from the view,
     * then the levels that entered the view from below untouched; levels merely pushed out get no removal.
     */
    private static List<Change> visibleChanges(final VenueBook before, final VenueBook after, final List<Change> changes)
    {
        final Map<String, Change> touched = new LinkedHashMap<>();
        for (final Change change : changes)
        {
            final String key = change.side() + ":" + change.level().price();
            touched.remove(key);
            touched.put(key, change);
        }
        final List<Change> visible = new ArrayList<>();
        for (final Change change : touched.values())
        {
            final byte side = change.side();
            final long price = change.level().price();
            final VenueBook.Level now = after.level(side, price);
            if (null != now)
            {
                visible.add(new Change(side, now));
            }
            else if (null != before.level(side, price) && 0 == change.level().quantity())
            {
                visible.add(change);
            }
        }
        for (final byte side : new byte[]{ DepthMessage.BID, DepthMessage.ASK })
        {
            for (final VenueBook.Level level : after.levels(side))
            {
                if (null == before.level(side, level.price()) && !touched.containsKey(side + ":" + level.price()))
                {
                    visible.add(new Change(side, level));
                }
            }
        }
        return visible;
    }

    private void binance(final List<Op> opening, final List<Batch> batches)
    {
        final boolean spot = venue == Venue.BINANCE;
        final VenueBook book = new VenueBook();
        BookScript.perform(book, instrument, Digits.SCALE, opening);
        final VenueBook initial = book.copy();
        final List<Long> ids = new ArrayList<>();
        final List<Change> stamped = new ArrayList<>();
        final List<DepthMessage> events = new ArrayList<>();
        long id = knobs.firstId();
        long previousLast = knobs.firstId() - 1;
        for (final Batch batch : batches)
        {
            final List<Change> changes = BookScript.perform(book, instrument, Digits.SCALE, batch.ops());
            if (changes.isEmpty())
            {
                continue;
            }
            final Map<String, Change> finalLevels = new LinkedHashMap<>();
            long first = DepthMessage.NO_ID;
            for (int k = 0; k < changes.size(); k++)
            {
                id += spot ? (ids.isEmpty() ? 0 : 1) : (0 == k ? batch.idStep() : 1 + k % 3);
                first = 0 == k ? id : first;
                ids.add(id);
                stamped.add(changes.get(k));
                final String key = changes.get(k).side() + ":" + changes.get(k).level().price();
                finalLevels.remove(key);
                finalLevels.put(key, changes.get(k));
            }
            final DepthMessage event = message(DepthMessage.KIND_DELTA, new ArrayList<>(finalLevels.values()));
            event.firstUpdateId(first).lastUpdateId(id).previousUpdateId(spot ? DepthMessage.NO_ID : previousLast);
            events.add(event);
            previousLast = id;
        }
        if (events.isEmpty())
        {
            return;
        }

        snapshotId = ids.get(knobs.snapshotAt() % ids.size());
        final int buffered = 1 + knobs.snapshotAfter() % events.size();
        long appliedId = snapshotId;
        for (int j = 0; j < buffered; j++)
        {
            sent.add(new Sent(events.get(j), false, null, DepthMessage.NO_ID, false, false));
            appliedId = Math.max(appliedId, events.get(j).lastUpdateId());
        }
        final DepthMessage snapshot = message(DepthMessage.KIND_SNAPSHOT, levels(stateAt(initial, ids, stamped, snapshotId)));
        snapshot.firstUpdateId(snapshotId).lastUpdateId(snapshotId);
        sent.add(new Sent(snapshot, true, stateAt(initial, ids, stamped, appliedId), appliedId, true, false));
        for (int j = buffered; j < events.size(); j++)
        {
            final long last = events.get(j).lastUpdateId();
            final boolean stale = spot ? last <= appliedId : last < appliedId;
            appliedId = stale ? appliedId : last;
            sent.add(new Sent(events.get(j), false, stateAt(initial, ids, stamped, appliedId), appliedId, !stale, false));
        }
    }

    /** The venue's book after every change with an id up to {@code id}. */
    private static VenueBook stateAt(
        final VenueBook initial, final List<Long> ids, final List<Change> changes, final long id)
    {
        final VenueBook book = initial.copy();
        for (int i = 0; i < ids.size() && ids.get(i) <= id; i++)
        {
            book.set(changes.get(i).side(), changes.get(i).level());
        }
        return book;
    }

    /** Records a streamed message, with the checksum of the venue's view after it where the venue sends one. */
    private void add(final DepthMessage message, final VenueBook view, final long updateId, final boolean checksumAllowed)
    {
        boolean checksummed = false;
        if (checksumAllowed && (isKraken(venue) || venue == Venue.BITGET || (venue == Venue.OKX && knobs.checksums())))
        {
            final long checksum = isKraken(venue) ?
                KrakenChecksum.compute(view.checksumView(
                    instrument.priceScale(), instrument.quantityScale(), venue == Venue.KRAKEN)) :
                OkxChecksum.compute(view.checksumView(instrument.priceScale(), instrument.quantityScale(), false));
            if (isKraken(venue) || 0 != checksum)
            {
                message.checksum(checksum);
                checksummed = true;
            }
        }
        sent.add(new Sent(message, false, view, updateId, true, checksummed));
    }

    private DepthMessage message(final byte kind, final List<Change> levels)
    {
        final DepthMessage message = new DepthMessage(Math.max(1, levels.size()))
            .kind(kind)
            .eventTimeMs(eventTimeMs++)
            .scales(instrument.priceScale(), instrument.quantityScale());
        message.symbol(SYMBOL, 0, SYMBOL.length);
        for (final Change change : levels)
        {
            final VenueBook.Level level = change.level();
            message.addLevel(change.side(), level.price(), level.quantity(), level.priceDecimals(), level.quantityDecimals());
        }
        return message;
    }

    /** A whole book as snapshot levels, bids then asks, best first. */
    private static List<Change> levels(final VenueBook book)
    {
        final List<Change> levels = new ArrayList<>();
        for (final byte side : new byte[]{ DepthMessage.BID, DepthMessage.ASK })
        {
            book.levels(side).forEach(level -> levels.add(new Change(side, level)));
        }
        return levels;
    }
}
