package io.fathom.engine.subscribe;

import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.GrowingBookViews;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every book an engine (or several, one per shard) publishes over Aeron, without an engine in this
 * process, and offers the engine's reads: {@link #bookView(String)} gives the same {@link BookView} a strategy
 * reads {@code TopOfBook} or levels from, from any thread, without locks or allocation.
 *
 * <p>A book is invalid until its first snapshot reaches this subscriber (publishers send every book whole once
 * per snapshot interval, and at once a book they could not send), and again while messages of it were lost or
 * its publisher's image was lost (the publisher died, or this subscriber fell too far behind); it asks the
 * publishers for such books on their control channels ({@link SubscriberContext#controlChannels}) rather than
 * wait for their periodic snapshots. A publisher that
 * closes cleanly ends its stream: its books stay as it last published them, the engine's final books, and
 * {@link BookCopy#lastChangeEpochNs()} shows them ageing. The subscriber is an {@link Agent}: run {@link #doWork()} on an
 * {@code AgentRunner} or call {@link #poll()} from a duty cycle of your own, always on one thread.
 */
public final class BookSubscriber implements Agent, AutoCloseable
{
    private static final int FRAGMENTS_PER_POLL = 256;
    private static final long LOST = 0L;
    private static final long END_OF_STREAM = 1L << 32;
    private static final long AVAILABLE = 2L << 32;

    private static final long RECONNECT_DELAY_NS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(BookSubscriber.class);

    private final SubscriberContext context;
    private final SubscribedBooks books;
    private final FragmentAssembler assembler;
    private final ManyToOneConcurrentArrayQueue<Long> imageEvents = new ManyToOneConcurrentArrayQueue<>(1024);
    private final AtomicLong clientsLost = new AtomicLong();
    private volatile SubscriberStreams streams;
    private long reconnectAtNs;
    private boolean closed;

    private BookSubscriber(final SubscriberContext context)
    {
        this.context = context;
        this.books = new SubscribedBooks(context, new OffsetEpochNanoClock(), new SnapshotRequester(context.maxBooks()));
        this.assembler = new FragmentAssembler((buffer, offset, length, header) ->
            books.onMessage(buffer, offset, length, header.sessionId()));
    }

    /**
     * Concludes the context and subscribes; nothing is read until the first poll.
     * @throws io.fathom.engine.InvalidSettingException naming a setting refused.
     */
    public static BookSubscriber connect(final SubscriberContext context)
    {
        context.conclude();
        final BookSubscriber subscriber = new BookSubscriber(context);
        subscriber.open();
        return subscriber;
    }

    private void open()
    {
        streams = SubscriberStreams.open(context, this::onAvailableImage, this::onUnavailableImage);
        books.requester().controls(streams.controls());
    }

    /**
     * The Aeron client closed under this subscriber (it was stopped for longer than the driver's client timeout):
     * every book is invalid, and a new client is made at once, then once a second until one connects; the books
     * come back through snapshot requests or periodic snapshots.
     */
    private int reconnect()
    {
        final long nowNs = System.nanoTime();
        if (streams != null)
        {
            clientsLost.incrementAndGet();
            books.requester().controls(List.of());
            CloseHelper.quietClose(streams);
            streams = null;
            imageEvents.clear();
            books.invalidateAll(BookCopy.REASON_NOT_SYNCED);
            books.forgetAllSessions();
            LOG.warn("Aeron client lost (stopped longer than the media driver's client timeout?): every book invalid, " +
                "making a new client");
            reconnectAtNs = nowNs;
        }
        if (nowNs - reconnectAtNs < 0)
        {
            return 0;
        }
        reconnectAtNs = nowNs + RECONNECT_DELAY_NS;
        open();
        LOG.info("new Aeron client through the media driver in {}: asking for the books", streams.connection().directory());
        return 1;
    }

    /** Aeron's conductor thread: handed to the polling thread, which owns the books. */
    private void onAvailableImage(final Image image)
    {
        handOver(AVAILABLE, image.sessionId());
    }

    /** Aeron's conductor thread: handed to the polling thread, which owns the books. */
    private void onUnavailableImage(final Image image)
    {
        handOver(image.isEndOfStream() ? END_OF_STREAM : LOST, image.sessionId()); // read now: the image is unmapped after this call
    }

    private void handOver(final long event, final int sessionId)
    {
        if (!imageEvents.offer(event | (sessionId & 0xFFFF_FFFFL)))
        {
            throw new IllegalStateException("more than 1024 publisher images came or went between two polls");
        }
    }

    /** Reads what has arrived, up to a bound, and applies it; returns the fragments read. Polling thread only. */
    public int poll()
    {
        if (streams == null || streams.lost())
        {
            return reconnect();
        }
        int work = 0;
        Long image;
        while ((image = imageEvents.poll()) != null)
        {
            final int sessionId = (int)image.longValue();
            final long event = image & ~0xFFFF_FFFFL;
            if (event == AVAILABLE)
            {
                books.onImage(sessionId);
            }
            else
            {
                if (event == LOST)
                {
                    books.onSessionLost(sessionId);
                }
                books.forgetSession(sessionId);
            }
            work++;
        }
        work += streams.subscription().poll(assembler, FRAGMENTS_PER_POLL);
        return work + books.requestSnapshots();
    }

    @Override
    public int doWork()
    {
        return poll();
    }

    @Override
    public String roleName()
    {
        return "fathom-subscriber";
    }

    /** Whether a publisher's image is connected now. */
    public boolean isConnected()
    {
        final SubscriberStreams current = streams;
        return current != null && !current.lost() && current.subscription().isConnected();
    }

    /**
     * Any thread: the view of a symbol; null while no publisher has defined it (or it is not one kept).
     *
     * @throws IllegalArgumentException naming the venues when publishers defined the symbol on several:
     *                                  {@link #bookView(String, String)} tells them apart.
     */
    public BookView bookView(final String symbol)
    {
        return books.views().find(symbol);
    }

    /**
     * Any thread: the view of a venue's symbol (the venue id as the engine names it, e.g. {@code binance-usdm});
     * null while no publisher has defined it (or it is not one kept).
     */
    public BookView bookView(final String venue, final String symbol)
    {
        return books.views().find(venue, symbol);
    }

    /** Any thread: the symbols defined so far, each once whatever the venues holding it, in no particular order. */
    public List<String> symbols()
    {
        return books.views().symbols();
    }

    /** Any thread: the books defined so far, by venue and symbol, sorted. */
    public List<SubscribedBook> books()
    {
        final GrowingBookViews views = books.views();
        final List<SubscribedBook> named = new ArrayList<>();
        for (final BookView view : views.views())
        {
            named.add(new SubscribedBook(views.venue(view.instrumentId()), view.symbol()));
        }
        named.sort(null);
        return named;
    }

    /** Book messages read. */
    public long messages()
    {
        return books.messages.get();
    }

    /** Snapshots applied: a book made valid, or refreshed by a periodic snapshot. */
    public long snapshots()
    {
        return books.snapshots.get();
    }

    /** Sequence jumps: messages a publisher could not send, each making a book invalid until its next snapshot. */
    public long sequenceGaps()
    {
        return books.sequenceGaps.get();
    }

    /**
     * Messages of a version of the layout this subscriber does not know (a newer publisher), refused whole and logged
     * once per version.
     */
    public long versionsRefused()
    {
        return books.versionsRefused.get();
    }

    /** Messages of another schema, an unknown template, a malformed definition, or beyond {@link SubscriberContext#maxBooks()}. */
    public long refused()
    {
        return books.refused.get();
    }

    /** Snapshot requests sent to the publishers' control channels. */
    public long snapshotRequests()
    {
        return books.requester().sent();
    }

    /** Times this subscriber's Aeron client closed under it (it was stopped too long) and was made again. */
    public long clientsLost()
    {
        return clientsLost.get();
    }

    /** Publisher images lost (a publisher closed, or this subscriber fell too far behind). */
    public long imagesLost()
    {
        return books.imagesLost.get();
    }

    /** The media driver's directory this subscriber uses. */
    public java.io.File aeronDirectory()
    {
        final SubscriberStreams current = streams;
        return current == null ? null : current.connection().directory();
    }

    @Override
    public void onClose()
    {
        close();
    }

    /** Polling thread (or after it stopped): marks every book closed and releases Aeron; idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        books.invalidateAll(BookCopy.REASON_CLOSED);
        books.requester().controls(List.of());
        CloseHelper.close(streams);
        streams = null;
    }
}
