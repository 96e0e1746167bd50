package io.fathom.engine;

import io.fathom.codec.binance.BinanceMarket;
import io.fathom.codec.json.JsonScanner;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.feed.ConnectionFactory;
import io.fathom.engine.feed.ConnectionIdentity;
import io.fathom.engine.feed.ConnectionLimits;
import io.fathom.engine.feed.FeedActivity;
import io.fathom.engine.feed.FeedConnection;
import io.fathom.engine.feed.FeedConnectionServices;
import io.fathom.engine.feed.FeedLimits;
import io.fathom.engine.feed.FeedPlan;
import io.fathom.engine.feed.FeedServices;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.feed.FrameCapture;
import io.fathom.engine.feed.JavaWebSocketTransport;
import io.fathom.engine.feed.JdkWebSocketFactory;
import io.fathom.engine.feed.RateLimiter;
import io.fathom.engine.feed.SnapshotFetchServices;
import io.fathom.engine.feed.SnapshotFetchSettings;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.feed.VenueEndpoints;
import io.fathom.engine.feed.WebSocketSettings;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.transport.SelectorTransportFactory;
import io.fathom.engine.transport.TransportLimits;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The venue's feeds as a depth source: the feed supervisor and, where the venue's snapshots come over
 * REST, the snapshot fetcher, each on its own agent thread. Books ask the fetcher for snapshots, or the
 * supervisor to resubscribe where the venue sends snapshots on the stream.
 */
final class LiveDepthSource implements DepthSource
{
    private final FeedSupervisor supervisor;
    private final SnapshotFetcher fetcher;
    private final BookStateListener bookStateListener;
    private final String description;
    private final String sessionSource;
    private AgentRunner fetcherRunner;
    private AgentRunner supervisorRunner;

    /**
     * @param fetcher           null where the venue sends snapshots on the stream.
     * @param bookStateListener the embedder's, told after the supervisor.
     * @param description       what the source is, for the log.
     * @param sessionSource     its endpoints, as the journal's session record says them.
     */
    LiveDepthSource(
        final FeedSupervisor supervisor,
        final SnapshotFetcher fetcher,
        final BookStateListener bookStateListener,
        final String description,
        final String sessionSource)
    {
        this.supervisor = supervisor;
        this.description = description;
        this.sessionSource = sessionSource;
        this.fetcher = fetcher;
        this.bookStateListener = bookStateListener == BookStateListener.NONE ? supervisor.bookStateListener() :
            new BothListeners(supervisor.bookStateListener(), bookStateListener);
    }

    /**
     * Builds the feeds of a concluded context: the frame capture if asked for, the snapshot fetcher where the
     * venue's snapshots come over REST, the WebSocket client factory and the supervisor; the capture and the
     * client factory are closed with what the engine built.
     *
     * @param activity what the feeds received, per instrument.
     * @param journal  where the supervisor records feed transitions.
     */
    static LiveDepthSource open(
        final EngineServices services, final RingPublishers publishers, final FeedActivity activity, final JournalWriter journal)
    {
        final EngineContext context = services.context();
        final VenueEndpoints venue = context.venueEndpoints();
        final FeedLimits limits = context.feedLimits();
        final WebSocketSettings webSockets = context.webSockets();
        final FrameCapture capture = webSockets.captureFile() == null ? null : services.track(openCapture(services));
        final SnapshotFetcher fetcher = !venue.protocol().restSnapshot() ? null : new SnapshotFetcher(
            new SnapshotFetchSettings(venue.restBaseUrl(), BinanceMarket.forVenue(venue.protocol()).depthPath(),
                limits.snapshotDepthLimit(), limits.snapshotTimeout()),
            new RateLimiter(limits.snapshotRatePerSecond(), Math.max(1, (int)Math.ceil(limits.snapshotRatePerSecond() / 10)),
                services.clock().nanoTime()),
            new SnapshotFetchServices(services.instruments(), publishers.newFeedPublisher(), newDecoder(context), capture,
                services.counters(), services.clock(), services.epochClock()));
        final WebSocketTransport.Factory transports = services.track(newTransports(context, services));
        final FeedConnectionServices connectionServices = new FeedConnectionServices(
            services.instruments(), activity, publishers::newFeedPublisher, () -> newDecoder(context), capture,
            limits.maxLevelsPerMessage(), services.counters(), services.epochClock(), transports);
        final ConnectionFactory connections = (slotId, uri, instrumentIds, messages, listener) ->
            new FeedConnection(new ConnectionIdentity(slotId, uri, instrumentIds), messages, connectionServices, listener);
        final FeedSupervisor supervisor = new FeedSupervisor(
            new FeedPlan(services.instruments(), context.feedGroups(), venue.protocol(), venue.venueDepth(), venue.wsBaseUrl()),
            new ConnectionLimits(
                limits.streamsPerConnection(),
                new RateLimiter(limits.connectRatePerSecond(), limits.connectBurst(), services.clock().nanoTime()),
                limits.maxConnectsInFlight(),
                limits.maxConnections(),
                limits.backoffBase().toNanos(),
                limits.backoffCap().toNanos(),
                limits.maxConnectAttempts(),
                limits.staleAfter().toNanos(),
                limits.maxConnectionLifetime().toNanos(),
                webSockets.connectTimeout().toNanos()),
            new FeedServices(activity, publishers.newPublisher(), context.feedListener(), journal,
                services.counters(), services.clock(), services.epochClock()),
            connections);
        return new LiveDepthSource(supervisor, fetcher, context.bookStateListener(),
            services.instruments().size() + " instruments in " + context.feedGroups().size() + " feed groups",
            "ws=" + venue.wsBaseUrl() + " rest=" + venue.restBaseUrl());
    }

    private static FrameCapture openCapture(final EngineServices services)
    {
        final java.io.File file = services.context().webSockets().captureFile();
        try
        {
            return new FrameCapture(file, services.epochClock());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot record frames to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** The configured client's factory; closed after the supervisor has closed every connection. */
    private static WebSocketTransport.Factory newTransports(final EngineContext context, final EngineServices services)
    {
        final WebSocketSettings webSockets = context.webSockets();
        switch (webSockets.transport())
        {
            case SELECTOR:
                return new SelectorTransportFactory(context.selector(),
                    new TransportLimits(webSockets.connectTimeout().toNanos(), webSockets.pingInterval().toNanos(),
                        JsonScanner.MAX_FRAME_LENGTH),
                    context.threading().profile()::newIoIdleStrategy, error -> onTransportError(services, error));
            case JDK:
                return new JdkWebSocketFactory(webSockets.connectTimeout(), webSockets.pingInterval());
            default:
                return new JavaWebSocketTransport.Factory(
                    (int)webSockets.connectTimeout().toMillis(), (int)webSockets.pingInterval().getSeconds());
        }
    }

    /** An error that escaped an I/O agent's duty cycle: counted and logged as a handler's would be. */
    private static void onTransportError(final EngineServices services, final Throwable error)
    {
        services.counters().get(SystemCounter.HANDLER_ERRORS).increment();
        services.counters().recordError(error);
        LoggerFactory.getLogger(SelectorTransportFactory.class).error("I/O agent error", error);
    }

    private static FrameDecoder newDecoder(final EngineContext context)
    {
        return FrameDecoder.forVenue(context.venueEndpoints().protocol(), context.scaleCatalogue());
    }

    @Override
    public String describe()
    {
        return description;
    }

    @Override
    public String sessionSource()
    {
        return sessionSource;
    }

    @Override
    public SnapshotRequester snapshotRequester()
    {
        return fetcher != null ? fetcher : supervisor::resubscribe;
    }

    @Override
    public BookStateListener bookStateListener()
    {
        return bookStateListener;
    }

    @Override
    public void start(final AgentStarter starter)
    {
        if (fetcher != null)
        {
            fetcherRunner = starter.start(fetcher);
        }
        supervisorRunner = starter.start(supervisor);
    }

    @Override
    public boolean halt(final long deadlineNs, final List<String> failures)
    {
        supervisor.beginClose();
        CloseHelper.quietClose(supervisorRunner);
        CloseHelper.quietClose(fetcherRunner);
        return true;
    }

    @Override
    public boolean disconnect(final long deadlineNs, final List<String> failures)
    {
        if (!supervisor.closeAll(deadlineNs))
        {
            failures.add("disconnect: not every socket reported closed by the deadline");
            return false;
        }
        return true;
    }

    @Override
    public JournalWriter journal()
    {
        return supervisor.journal();
    }

    @Override
    public CompletionStage<Long> done()
    {
        return new CompletableFuture<Long>().minimalCompletionStage();
    }

    @Override
    public FeedSupervisor feeds()
    {
        return supervisor;
    }

    @Override
    public int[] feedsByState()
    {
        return supervisor.feedsByState();
    }

    /** Tells the supervisor, then the embedder. */
    private record BothListeners(BookStateListener first, BookStateListener second) implements BookStateListener
    {
        @Override
        public void onBookLive(final int instrumentId)
        {
            first.onBookLive(instrumentId);
            second.onBookLive(instrumentId);
        }

        @Override
        public void onBookInvalid(final int instrumentId, final byte reason)
        {
            first.onBookInvalid(instrumentId, reason);
            second.onBookInvalid(instrumentId, reason);
        }

        @Override
        public void onBookLive(final int instrumentId, final String symbol)
        {
            first.onBookLive(instrumentId, symbol);
            second.onBookLive(instrumentId, symbol);
        }

        @Override
        public void onBookInvalid(final int instrumentId, final String symbol, final byte reason)
        {
            first.onBookInvalid(instrumentId, symbol, reason);
            second.onBookInvalid(instrumentId, symbol, reason);
        }
    }
}
