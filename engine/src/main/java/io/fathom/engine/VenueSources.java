package io.fathom.engine;

import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.feed.FeedActivity;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.status.FeedCounters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The feeds of several venues as one depth source: one {@link LiveDepthSource} per venue, each with its own
 * supervisor, snapshot fetcher, decoders and connections, numbering its instruments from 0. Requests and book
 * states from the book handler, which knows engine-wide ids, are routed to the venue holding the instrument with
 * the venue's own id; the embedder's listener is told the engine-wide id.
 */
final class VenueSources implements DepthSource
{
    private final List<LiveDepthSource> sources;
    private final int[] groupById;
    private final int[] bases;
    private final SnapshotRequester[] requesters;
    private final BookStateListener[] listeners;
    private final BookStateListener embedder;
    private final RoutingListener routing = new RoutingListener();

    /**
     * @param sources  one per venue group of {@code venues}, in order, each built without the embedder's listener.
     * @param embedder the embedder's book state listener, told after the venue's supervisor.
     */
    VenueSources(final List<LiveDepthSource> sources, final VenueInstruments venues, final BookStateListener embedder)
    {
        this.sources = List.copyOf(sources);
        this.embedder = embedder;
        this.groupById = new int[venues.size()];
        for (int id = 0; id < groupById.length; id++)
        {
            groupById[id] = venues.groupOf(id);
        }
        this.bases = new int[sources.size()];
        this.requesters = new SnapshotRequester[sources.size()];
        this.listeners = new BookStateListener[sources.size()];
        for (int g = 0; g < bases.length; g++)
        {
            bases[g] = venues.base(g);
            requesters[g] = sources.get(g).snapshotRequester();
            listeners[g] = sources.get(g).bookStateListener();
        }
    }

    /**
     * The feeds of every venue of a concluded context: one source for one venue, as an engine of one venue has
     * always had, or one per venue behind a {@link VenueSources}. The WebSocket client factory is shared, closed with
     * what the engine built after every connection; each venue's journal writer but the first is closed with it too.
     *
     * @param feedCounters every instrument's, by engine-wide id.
     * @param journals     a journal writer of its own for each venue's supervisor thread.
     * @param runners      what drives the selector transport's I/O agents when the engine's caller drives it.
     */
    static DepthSource open(final EngineServices services, final RingPublishers publishers, final FeedCounters feedCounters,
        final Supplier<JournalWriter> journals, final EngineRunners runners)
    {
        final VenueInstruments venues = services.instruments();
        final WebSocketTransport.Factory transports = services.track(LiveDepthSource.newTransports(services.context(), services));
        runners.driveTransports(transports);
        if (venues.groups().size() == 1)
        {
            return LiveDepthSource.open(services, publishers, new LiveDepthSource.Wiring(0,
                new FeedActivity(venues.size(), feedCounters), journals.get(), transports, services.context().bookStateListener()));
        }
        final List<LiveDepthSource> sources = new ArrayList<>(venues.groups().size());
        for (int g = 0; g < venues.groups().size(); g++)
        {
            final int count = venues.table(g).size();
            final FeedActivity activity = new FeedActivity(count, feedCounters.slice(venues.base(g), count), venues.base(g));
            final JournalWriter journal = g == 0 ? journals.get() : services.track(journals.get());
            sources.add(LiveDepthSource.open(services, publishers,
                new LiveDepthSource.Wiring(g, activity, journal, transports, BookStateListener.NONE)));
        }
        return new VenueSources(sources, venues, services.context().bookStateListener());
    }

    /** The supervisor of the venue holding a symbol, for the engine's feed calls by symbol. */
    static FeedSupervisor feedsOf(final DepthSource source, final VenueInstruments venues, final String symbol)
    {
        return source instanceof VenueSources sources ? sources.feeds(venues.groupOf(venues.id(symbol))) : source.feeds();
    }

    /** The supervisor holding a feed group by its name (a further venue's one group is named after the venue). */
    static FeedSupervisor feedsOfGroup(final DepthSource source, final String groupName)
    {
        if (source instanceof VenueSources sources)
        {
            for (final LiveDepthSource venue : sources.sources)
            {
                if (venue.feeds().groupNames().contains(groupName))
                {
                    return venue.feeds();
                }
            }
        }
        return source.feeds();
    }

    /** The venue's supervisor. */
    FeedSupervisor feeds(final int group)
    {
        return sources.get(group).feeds();
    }

    @Override
    public String describe()
    {
        final List<String> parts = new ArrayList<>(sources.size());
        sources.forEach(source -> parts.add(source.describe()));
        return String.join(", ", parts);
    }

    @Override
    public String sessionSource()
    {
        final List<String> parts = new ArrayList<>(sources.size());
        sources.forEach(source -> parts.add(source.sessionSource()));
        return String.join(" ", parts);
    }

    @Override
    public SnapshotRequester snapshotRequester()
    {
        return id ->
        {
            final int group = groupById[id];
            requesters[group].requestSnapshot(id - bases[group]);
        };
    }

    @Override
    public BookStateListener bookStateListener()
    {
        return routing;
    }

    @Override
    public void start(final AgentStarter starter)
    {
        sources.forEach(source -> source.start(starter));
    }

    @Override
    public boolean halt(final long deadlineNs, final List<String> failures)
    {
        boolean halted = true;
        for (final LiveDepthSource source : sources)
        {
            halted &= source.halt(deadlineNs, failures);
        }
        return halted;
    }

    @Override
    public boolean disconnect(final long deadlineNs, final List<String> failures)
    {
        boolean closed = true;
        for (final LiveDepthSource source : sources)
        {
            closed &= source.disconnect(deadlineNs, failures);
        }
        return closed;
    }

    /** The first venue's; the others' writers are closed with what the engine built. */
    @Override
    public JournalWriter journal()
    {
        return sources.get(0).journal();
    }

    @Override
    public CompletionStage<Long> done()
    {
        return new CompletableFuture<Long>().minimalCompletionStage();
    }

    /** The first venue's supervisor; {@link #feeds(int)} gives any venue's. */
    @Override
    public FeedSupervisor feeds()
    {
        return sources.get(0).feeds();
    }

    @Override
    public int[] feedsByState()
    {
        int[] total = null;
        for (final LiveDepthSource source : sources)
        {
            final int[] counts = source.feedsByState();
            if (total == null)
            {
                total = counts.clone();
            }
            else
            {
                for (int i = 0; i < total.length; i++)
                {
                    total[i] += counts[i];
                }
            }
        }
        return total;
    }

    /** Tells the venue's supervisor by the venue's own id, then the embedder by the engine-wide id. */
    private final class RoutingListener implements BookStateListener
    {
        @Override
        public void onBookLive(final int instrumentId)
        {
            final int group = groupById[instrumentId];
            listeners[group].onBookLive(instrumentId - bases[group]);
            embedder.onBookLive(instrumentId);
        }

        @Override
        public void onBookInvalid(final int instrumentId, final byte reason)
        {
            final int group = groupById[instrumentId];
            listeners[group].onBookInvalid(instrumentId - bases[group], reason);
            embedder.onBookInvalid(instrumentId, reason);
        }

        @Override
        public void onBookLive(final int instrumentId, final String symbol)
        {
            final int group = groupById[instrumentId];
            listeners[group].onBookLive(instrumentId - bases[group], symbol);
            embedder.onBookLive(instrumentId, symbol);
        }

        @Override
        public void onBookInvalid(final int instrumentId, final String symbol, final byte reason)
        {
            final int group = groupById[instrumentId];
            listeners[group].onBookInvalid(instrumentId - bases[group], symbol, reason);
            embedder.onBookInvalid(instrumentId, symbol, reason);
        }
    }
}
