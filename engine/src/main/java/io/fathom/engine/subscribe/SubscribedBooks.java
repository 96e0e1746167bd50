package io.fathom.engine.subscribe;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.wire.BookInvalid;
import io.fathom.codec.wire.BookSnapshot;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.codec.wire.LevelChanges;
import io.fathom.codec.wire.WireHeader;
import io.fathom.codec.wire.WireTemplate;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.BookViewWriter;
import io.fathom.engine.view.GrowingBookViews;
import io.fathom.engine.view.ViewSettings;
import org.HdrHistogram.Recorder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;

/**
 * Rebuilds books from the published stream and publishes them to their views. A book is keyed by venue and symbol; each
 * publisher (an Aeron session) names its instruments with its own ids, so several shards share one channel. A
 * book is valid from a snapshot until an invalidation, a sequence jump (messages the publisher could not send)
 * or the loss of its publisher's image, and valid again with its next snapshot, which the {@link SnapshotRequester}
 * asks for when the publisher would not send it by itself. Owned by the polling thread; the counts are readable
 * from any thread.
 */
final class SubscribedBooks
{
    private static final Logger LOG = LoggerFactory.getLogger(SubscribedBooks.class);
    private static final long NONE = -1L;
    private static final int MAX_LATENCY_NS = 1_000_000_000;
    private static final long REQUEST_TICK_NS = 10_000_000L;

    private final GrowingBookViews views;
    private final BookViewWriter writer;
    private final Set<String> filter;
    private final int capacityPerSide;
    private final int viewDepth;
    private final EpochNanoClock epochClock;
    private final NanoClock clock = SystemNanoClock.INSTANCE;
    private final SnapshotRequester requester;
    private final Recorder latency;
    private final Long2LongHashMap bookBySource = new Long2LongHashMap(NONE);
    private final OrderBook[] books;
    private final boolean[] valid;
    private final int[] nextSequence;
    private final int[] sessionOf;
    private final InstrumentDefinition definition = new InstrumentDefinition();
    private final BookSnapshot snapshot = new BookSnapshot();
    private final LevelChanges changes = new LevelChanges();
    private final BookInvalid invalid = new BookInvalid();

    final AtomicLong messages = new AtomicLong();
    final AtomicLong snapshots = new AtomicLong();
    final AtomicLong sequenceGaps = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong imagesLost = new AtomicLong();
    final AtomicLong versionsRefused = new AtomicLong();
    private long nextTickNs;
    private int lastRefusedVersion;

    /** Books that only track what they would request, for tests. */
    SubscribedBooks(final SubscriberContext context, final EpochNanoClock epochClock)
    {
        this(context, epochClock, new SnapshotRequester(context.maxBooks()));
    }

    SubscribedBooks(final SubscriberContext context, final EpochNanoClock epochClock, final SnapshotRequester requester)
    {
        this.requester = requester;
        this.views = new GrowingBookViews(context.maxBooks());
        this.writer = views.writer();
        this.filter = context.symbolFilter();
        this.capacityPerSide = context.capacityPerSide();
        this.viewDepth = context.viewDepth();
        this.epochClock = epochClock;
        this.latency = context.latencyRecorder();
        this.books = new OrderBook[context.maxBooks()];
        this.valid = new boolean[context.maxBooks()];
        this.nextSequence = new int[context.maxBooks()];
        this.sessionOf = new int[context.maxBooks()];
    }

    GrowingBookViews views()
    {
        return views;
    }

    SnapshotRequester requester()
    {
        return requester;
    }

    /** A publisher's image appeared. */
    void onImage(final int sessionId)
    {
        requester.onImage(sessionId, clock.nanoTime());
    }

    /** Sends the snapshot requests that are due, looking at most once per 10 ms; returns the requests sent. */
    int requestSnapshots()
    {
        final long nowNs = clock.nanoTime();
        if (nowNs - nextTickNs < 0)
        {
            return 0;
        }
        nextTickNs = nowNs + REQUEST_TICK_NS;
        return requester.sendDue(nowNs);
    }

    /** One whole message of the publisher {@code sessionId}. */
    void onMessage(final DirectBuffer buffer, final int offset, final int length, final int sessionId)
    {
        if (!WireHeader.isBookWire(buffer, offset, length))
        {
            refused.incrementAndGet();
            return;
        }
        if (!WireHeader.isKnownVersion(buffer, offset))
        {
            onUnknownVersion(WireHeader.version(buffer, offset), sessionId);
            return;
        }
        messages.lazySet(messages.get() + 1);
        final short template = WireHeader.templateId(buffer, offset);
        final long source = ((long)sessionId << 32) | (WireHeader.instrumentId(buffer, offset) & 0xFFFF_FFFFL);
        if (template == WireTemplate.INSTRUMENT)
        {
            onDefinition(buffer, offset, length, source, sessionId);
            return;
        }
        final long book = bookBySource.get(source);
        if (book == NONE)
        {
            requester.wantAll(sessionId, clock.nanoTime()); // joined late, or the image was lost: ask for definitions and snapshots
            return;
        }
        if (book == Integer.MAX_VALUE)
        {
            return; // not a symbol kept
        }
        final int id = (int)book;
        final int sequence = WireHeader.sequence(buffer, offset);
        switch (template)
        {
            case WireTemplate.SNAPSHOT:
                onSnapshot(id, buffer, offset, sequence);
                break;
            case WireTemplate.DELTA:
                if (!onChanges(id, buffer, offset, sequence))
                {
                    requester.want(id, sessionId, WireHeader.instrumentId(buffer, offset), clock.nanoTime());
                }
                break;
            case WireTemplate.INVALID:
                invalid.wrap(buffer, offset);
                nextSequence[id] = sequence + 1;
                invalidate(id, invalid.reason());
                // the publisher sends the book whole once it is valid there; asked for again should that not come
                requester.recheck(id, sessionId, WireHeader.instrumentId(buffer, offset), clock.nanoTime() + SnapshotRequester.RECHECK_NS);
                break;
            default:
                refused.incrementAndGet();
        }
    }

    /** Counted, and logged once per version: a publisher newer than this subscriber is refused, not misread. */
    private void onUnknownVersion(final int version, final int sessionId)
    {
        versionsRefused.incrementAndGet();
        if (version != lastRefusedVersion)
        {
            lastRefusedVersion = version;
            LOG.error("refusing book stream messages of version {} from publisher session {}: this subscriber reads versions " +
                "{}..{} (upgrade it to read that publisher)", version, sessionId, WireHeader.OLDEST_READ_VERSION, WireHeader.VERSION);
        }
    }

    private void onDefinition(final DirectBuffer buffer, final int offset, final int length, final long source, final int sessionId)
    {
        if (bookBySource.containsKey(source))
        {
            return;
        }
        if (definition.wrap(buffer, offset, length) == null)
        {
            refused.incrementAndGet();
            return;
        }
        requester.onDefinition(sessionId);
        final String symbol = definition.symbol();
        final String venue = definition.venue();
        if (!filter.isEmpty() && !filter.contains(symbol) && !filter.contains(venue.toUpperCase(Locale.ROOT) + ':' + symbol))
        {
            bookBySource.put(source, Integer.MAX_VALUE);
            return;
        }
        final BookView known = views.find(venue, symbol);
        int id = known == null ? -1 : known.instrumentId();
        if (id < 0)
        {
            if (views.size() == books.length)
            {
                refused.incrementAndGet();
                bookBySource.put(source, Integer.MAX_VALUE);
                return;
            }
            id = views.add(venue, symbol, new ViewSettings(definition.priceScale(), definition.quantityScale(), viewDepth));
            books[id] = new OrderBook(id, capacityPerSide).scales(definition.priceScale(), definition.quantityScale(), true);
        }
        else if (sessionOf[id] != sessionId)
        {
            invalidate(id, BookCopy.REASON_NOT_SYNCED); // another publisher (a restarted engine) now owns the symbol
        }
        sessionOf[id] = sessionId;
        bookBySource.put(source, id);
        if (!valid[id])
        {
            requester.want(id, sessionId, (int)source, clock.nanoTime() + SnapshotRequester.DEFINITION_GRACE_NS);
        }
    }

    private void onSnapshot(final int id, final DirectBuffer buffer, final int offset, final int sequence)
    {
        snapshot.wrap(buffer, offset);
        final OrderBook book = books[id];
        book.clear();
        final int bidCount = snapshot.bidCount();
        final int askCount = snapshot.askCount();
        for (int i = 0; i < bidCount; i++)
        {
            book.set(BID, snapshot.price(i), snapshot.quantity(i));
        }
        for (int i = 0; i < askCount; i++)
        {
            book.set(ASK, snapshot.price(bidCount + i), snapshot.quantity(bidCount + i));
        }
        book.updateId(snapshot.updateId());
        valid[id] = true;
        nextSequence[id] = sequence + 1;
        requester.unwant(id);
        snapshots.lazySet(snapshots.get() + 1);
        writer.publish(id, book, epochClock.nanoTime());
    }

    /** Applies the changes to a valid book; returns false when they show messages of it were lost. */
    private boolean onChanges(final int id, final DirectBuffer buffer, final int offset, final int sequence)
    {
        if (!valid[id])
        {
            return true;
        }
        if (sequence != nextSequence[id])
        {
            sequenceGaps.incrementAndGet();
            invalidate(id, BookStateRecord.REASON_GAP);
            return false;
        }
        nextSequence[id] = sequence + 1;
        changes.wrap(buffer, offset);
        final OrderBook book = books[id];
        final int levels = changes.levelCount();
        for (int i = 0; i < levels; i++)
        {
            book.set(changes.side(i), changes.price(i), changes.quantity(i));
        }
        if (changes.lastPart())
        {
            book.updateId(changes.updateId());
            writer.publish(id, book, changes.receiveEpochNs());
            if (latency != null)
            {
                latency.recordValue(Math.max(0, Math.min(System.nanoTime() - WireHeader.publishNs(buffer, offset), MAX_LATENCY_NS)));
            }
        }
        return true;
    }

    /** The publisher's image was lost: every book it owned is invalid until a snapshot from it or another. */
    void onSessionLost(final int sessionId)
    {
        imagesLost.incrementAndGet();
        for (int id = 0; id < views.size(); id++)
        {
            if (sessionOf[id] == sessionId && valid[id])
            {
                invalidate(id, BookCopy.REASON_NOT_SYNCED);
            }
        }
    }

    /** The publisher's ids mean nothing any more: a later image of the same session defines them again. */
    void forgetSession(final int sessionId)
    {
        requester.forgetSession(sessionId);
        final Long2LongHashMap.KeyIterator keys = bookBySource.keySet().iterator();
        while (keys.hasNext())
        {
            if ((int)(keys.nextValue() >>> 32) == sessionId)
            {
                keys.remove();
            }
        }
    }

    /** Every publisher's ids mean nothing any more (the subscriber's Aeron client was lost and made again). */
    void forgetAllSessions()
    {
        bookBySource.clear();
        requester.forgetAll();
    }

    /** Every book invalid, e.g. when the subscriber closes. */
    void invalidateAll(final int reason)
    {
        for (int id = 0; id < views.size(); id++)
        {
            invalidate(id, reason);
        }
    }

    private void invalidate(final int id, final int reason)
    {
        valid[id] = false;
        books[id].clear();
        writer.invalidate(id, reason, epochClock.nanoTime());
    }
}
