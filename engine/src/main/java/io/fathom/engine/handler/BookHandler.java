package io.fathom.engine.handler;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.sync.BookSync;
import io.fathom.engine.view.BookViewWriter;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.ViewSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The ring's first handler: keeps one book per instrument exact by routing each depth event by kind to the
 * {@link BookSynchroniser} (the venue's sync procedure, checks, signals) and letting the {@link SnapshotScheduler}
 * hand books to the journal handler behind it. Records each event's outcome on the event for that handler.
 * Owns the per-instrument state ({@link InstrumentBook}); an event that throws is counted, logged and discarded.
 *
 * <p>Runs on one thread; allocates nothing in steady state. The accessors read state that thread writes:
 * call them from it, or after the ring is drained.
 */
public final class BookHandler implements EventHandler<DepthEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(BookHandler.class);

    private final InstrumentBook[] instruments;
    private final BookSynchroniser synchroniser;
    private final SnapshotScheduler scheduler;
    private final HandlerCounters counters;
    private final BookSignals signals;
    private final SyncDeadlines deadlines;
    private Sequence sequence;

    /**
     * @param settings      sizes and scales of the books.
     * @param sync          the venue's rule, shared by every book.
     * @param collaborators counters, journal slots, snapshot requester, listeners, latency recorder and clocks.
     */
    public BookHandler(final HandlerSettings settings, final BookSync sync, final BookCollaborators collaborators)
    {
        this(settings, id -> sync, collaborators);
    }

    /**
     * A handler whose books follow the rules of several venues.
     *
     * @param syncs each instrument's venue rule, by instrument id (a rule may serve every book of its venue).
     */
    public BookHandler(final HandlerSettings settings, final IntFunction<BookSync> syncs, final BookCollaborators collaborators)
    {
        instruments = new InstrumentBook[settings.instrumentCount()];
        boolean streamSnapshots = false;
        for (int i = 0; i < instruments.length; i++)
        {
            final BookSync sync = syncs.apply(i);
            final OrderBook book = new OrderBook(i, settings.capacityPerSide())
                .scales(settings.scales().priceScale(i), settings.scales().quantityScale(i), sync.decimalsFromScale());
            instruments[i] = new InstrumentBook(book, settings.pendingMaxLevels(), sync);
            streamSnapshots |= !sync.restSnapshot();
        }
        counters = collaborators.counters();
        scheduler = new SnapshotScheduler(settings, collaborators);
        signals = new BookSignals(
            collaborators, viewWriter(settings, collaborators), settings.pressureDepth(), instruments.length);
        synchroniser = new BookSynchroniser(instruments, signals, scheduler, collaborators);
        deadlines = new SyncDeadlines(instruments, synchroniser, streamSnapshots ? settings.syncTimeoutNs() : 0,
            collaborators.clock());
    }

    /** The collaborators' view writer, or views of the handler's own (symbols "#id") when none is given. */
    private static BookViewWriter viewWriter(final HandlerSettings settings, final BookCollaborators collaborators)
    {
        if (collaborators.viewWriter() != null)
        {
            if (collaborators.viewWriter().size() != settings.instrumentCount())
            {
                throw new IllegalArgumentException("views for " + collaborators.viewWriter().size() +
                    " instruments, handler for " + settings.instrumentCount());
            }
            return collaborators.viewWriter();
        }
        final List<String> symbols = new ArrayList<>(settings.instrumentCount());
        for (int id = 0; id < settings.instrumentCount(); id++)
        {
            symbols.add("#" + id);
        }
        return new BookViews(symbols, new ViewSettings(settings.priceScale(), settings.quantityScale(),
            ViewSettings.DEFAULT_DEPTH), settings.scales()).writer();
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.sequence = sequenceCallback;
        scheduler.sequenceCallback(sequenceCallback);
    }

    /** This handler's position on the ring, once added to it: what consumers that run behind it wait for. */
    public Sequence sequence()
    {
        return sequence;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        scheduler.onBatchStart();
        signals.onBatchStart();
    }

    @Override
    public void onEvent(final DepthEvent event, final long sequence, final boolean endOfBatch)
    {
        scheduler.onEvent(sequence);
        counters.onConsumed();
        try
        {
            if (event.kind == DepthEvent.KIND_DELTA)
            {
                synchroniser.onDelta(event);
            }
            else
            {
                onOtherEvent(event);
            }
            if (scheduler.periodicDue() && event.snapshotSlot < 0)
            {
                scheduler.periodicSnapshot(event, instruments);
            }
        }
        catch (final RuntimeException ex)
        {
            onError(event, sequence, ex);
        }
        if (endOfBatch)
        {
            signals.onBatchEnd();
            counters.endOfBatch();
            deadlines.onBatchEnd();
        }
    }

    /** Publishes views and counts still held should the last batch have ended without its end-of-batch event. */
    @Override
    public void onShutdown()
    {
        signals.onBatchEnd();
        counters.endOfBatch();
    }

    /** Everything but deltas, kept out of {@link #onEvent} so the delta path stays small enough to inline. */
    private void onOtherEvent(final DepthEvent event)
    {
        switch (event.kind)
        {
            case DepthEvent.KIND_SNAPSHOT:
            case DepthEvent.KIND_JOURNAL_SNAPSHOT:
                synchroniser.onSnapshot(event);
                break;
            case DepthEvent.KIND_RESET:
            case DepthEvent.KIND_CLOSE:
            case DepthEvent.KIND_OPEN:
                synchroniser.onControl(event);
                break;
            case DepthEvent.KIND_OVERFLOW:
            case DepthEvent.KIND_UNREPRESENTABLE:
                synchroniser.onOverflow(event);
                break;
            default:
                event.outcome = DepthEvent.OUTCOME_DISCARDED;
                counters.discarded.incrementRelease();
        }
    }

    private void onError(final DepthEvent event, final long sequence, final RuntimeException ex)
    {
        counters.handlerErrors.incrementRelease();
        counters.recordError(ex);
        LOG.error("book handler failed on event {} for instrument {}", sequence, event.instrumentId, ex);
        if (event.outcome == DepthEvent.OUTCOME_NONE)
        {
            event.outcome = DepthEvent.OUTCOME_DISCARDED;
            counters.discarded.incrementRelease();
        }
    }

    /**
     * Accounts every still-buffered event as discarded. Called once at shutdown, after the ring is
     * drained and before the final snapshots, from the thread that drained it.
     */
    public void discardPending()
    {
        for (final InstrumentBook instrument : instruments)
        {
            counters.discarded.getAndAddRelease(instrument.dropPending());
        }
    }

    /** Events held while books wait for snapshots; consumed = applied + discarded + this. */
    public long pendingEvents()
    {
        long n = 0;
        for (final InstrumentBook instrument : instruments)
        {
            n += instrument.pending.size();
        }
        return n;
    }

    public int bookCount()
    {
        return instruments.length;
    }

    public OrderBook book(final int instrumentId)
    {
        return instruments[instrumentId].book;
    }

    public SyncState state(final int instrumentId)
    {
        return instruments[instrumentId].state;
    }

    /** Of the book's last valid message; 0 while it is invalid. Computed on this call when no listener is set. */
    public double volumePressure(final int instrumentId)
    {
        return signals.volumePressure(instruments[instrumentId]);
    }

    /** Books currently valid; written by the handler thread, may be read approximately by others. */
    public int liveBooks()
    {
        return synchroniser.liveBooks();
    }
}
