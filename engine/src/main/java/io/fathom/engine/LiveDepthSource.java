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
import io.fathom.engine.feed.FeedGroupPolicy;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.FeedLimits;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.feed.FeedPlan;
import io.fathom.engine.feed.FeedServices;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.feed.FrameCapture;
import io.fathom.engine.feed.InstrumentTable;
import io.fathom.engine.feed.JavaWebSocketTransport;
import io.fathom.engine.feed.JdkWebSocketFactory;
import io.fathom.engine.feed.RateLimiter;
import io.fathom.engine.feed.SnapshotFetchServices;
import io.fathom.engine.feed.SnapshotFetchSettings;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.feed.VenueEndpoints;
import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.feed.WebSocketSettings;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.transport.SelectorTransportFactory;
import io.fathom.engine.transport.TransportLimits;
import org.agrona.CloseHelper;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
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
    private AutoCloseable fetcherRunner;
    private AutoCloseable supervisorRunner;

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
     * Builds one venue's feeds of a concluded context: the frame capture if asked for, the snapshot fetcher where the
     * venue's snapshots come over REST, and the supervisor; the capture is closed with what the engine built.
     *
     * @param wiring which venue, and what its feeds share with the engine.
     */
    static LiveDepthSource open(final EngineServices services, final RingPublishers publishers, final Wiring wiring)
    {
        final EngineContext context = services.context();
        final int group = wiring.group();
        final VenueGroup venueGroup = services.instruments().groups().get(group);
        final VenueEndpoints venue = venueGroup.endpoints();
        final InstrumentTable instruments = services.instruments().table(group);
        final int base = services.instruments().base(group);
        final FeedLimits limits = context.feedLimits();
        final WebSocketSettings webSockets = context.webSockets();
        final FrameCapture capture = webSockets.captureFile() == null ? null : services.track(openCapture(services));
        final SnapshotFetcher fetcher = !venue.protocol().restSnapshot() ? null : new SnapshotFetcher(
            new SnapshotFetchSettings(venue.restBaseUrl(), BinanceMarket.forVenue(venue.protocol()).depthPath(),
                limits.snapshotDepthLimit(), limits.snapshotTimeout()),
            new RateLimiter(limits.snapshotRatePerSecond(), Math.max(1, (int)Math.ceil(limits.snapshotRatePerSecond() / 10)),
                services.clock().nanoTime()),
            new SnapshotFetchServices(instruments, publishers.newFeedPublisher().instrumentBase(base),
                newDecoder(venueGroup), capture, services.counters(), services.clock(), services.epochClock()));
        final FeedConnectionServices connectionServices = new FeedConnectionServices(
            instruments, wiring.activity(), () -> publishers.newFeedPublisher().instrumentBase(base),
            () -> newDecoder(venueGroup), capture, limits.maxLevelsPerMessage(), services.counters(),
            services.epochClock(), wiring.transports());
        final ConnectionFactory connections = (slotId, uri, instrumentIds, messages, listener) ->
            new FeedConnection(new ConnectionIdentity(slotId, uri, instrumentIds), messages, connectionServices, listener);
        final List<FeedGroupSpec> feedGroups = group == 0 ? context.feedGroups() : List.of(
            new FeedGroupSpec(venue.venue(), instruments.symbols(), FeedGroupPolicy.ISOLATE, Duration.ZERO, true));
        final FeedSupervisor supervisor = new FeedSupervisor(
            new FeedPlan(instruments, feedGroups, venue.protocol(), venue.venueDepth(), venue.wsBaseUrl()),
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
            new FeedServices(wiring.activity(), publishers.newPublisher().instrumentBase(base),
                FeedListener.ofVenue(venue.venue(), context.feedListener()),
                wiring.journal(), services.counters(), services.clock(), services.epochClock()),
            connections);
        return new LiveDepthSource(supervisor, fetcher, wiring.bookStateListener(),
            instruments.size() + " " + venue.venue() + " instruments in " + feedGroups.size() + " feed groups",
            (group == 0 ? "" : venue.venue() + ".") + "ws=" + venue.wsBaseUrl() + " " +
            (group == 0 ? "" : venue.venue() + ".") + "rest=" + venue.restBaseUrl());
    }

    /**
     * What one venue's feeds take from the engine.
     *
     * @param group             the venue's group in {@link EngineServices#instruments()}.
     * @param activity          what the venue's feeds received, by the venue's own instrument ids.
     * @param journal           where the supervisor records feed transitions.
     * @param transports        the WebSocket client factory every venue shares.
     * @param bookStateListener the embedder's, told after the supervisor; {@code NONE} when the engine tells it.
     */
    record Wiring(int group, FeedActivity activity, JournalWriter journal, WebSocketTransport.Factory transports,
        BookStateListener bookStateListener)
    {
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
    static WebSocketTransport.Factory newTransports(final EngineContext context, final EngineServices services)
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

    private static FrameDecoder newDecoder(final VenueGroup venue)
    {
        return FrameDecoder.forVenue(venue.endpoints().protocol(), venue.scales());
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
