package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.engine.feed.FeedGroupPolicy;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.FeedLimits;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.feed.VenueEndpoints;
import io.fathom.engine.feed.WebSocketSettings;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings of {@link EngineContext} that concern the feeds: the venue and its endpoints, the symbols
 * and their groups, the connection limits and the WebSocket client. Setters return the context; the
 * groups they conclude into ({@link #venueEndpoints()}, {@link #feedLimits()}, {@link #webSockets()}) are
 * what the feed components take.
 */
abstract sealed class FeedContext extends TransportContext permits VenueFeedsContext
{
    /** The group holding every symbol when none is configured. */
    public static final String DEFAULT_GROUP = "default";
    /** Binance allows 1024 streams on one connection. */
    static final int MAX_STREAMS_PER_CONNECTION = 1024;

    private String venue = Venue.BINANCE.id();
    private List<String> symbols = List.of();
    private List<FeedGroupSpec> groups = List.of();
    private String url;
    private String restUrl;
    private int venueDepth = 100;
    private int streamsPerConnection = 50;
    private double connectRatePerSecond = 1.0;
    private int connectBurst = 10;
    private int maxConnectsInFlight = 4;
    private int maxConnections = 1024;
    private Duration backoffBase = Duration.ofMillis(250);
    private Duration backoffCap = Duration.ofSeconds(30);
    private int maxConnectAttempts = 20;
    private Duration staleAfter = Duration.ofSeconds(60);
    private Duration maxConnectionLifetime = Duration.ofHours(24);
    private Duration syncTimeout = Duration.ofSeconds(10);
    static final int MAX_LEVELS_PER_MESSAGE = 10_000; // the most levels one message may carry
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);
    private int snapshotDepthLimit = 1000;
    private double snapshotRatePerSecond = 2.0;
    private Transport transport = Transport.JAVA_WEBSOCKET;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(30);
    private File captureFile;
    private FeedListener feedListener = FeedListener.NONE;

    VenueEndpoints venueEndpoints;
    private FeedLimits feedLimits;
    private WebSocketSettings webSockets;
    private List<FeedGroupSpec> concludedGroups;

    abstract EngineContext self();

    /** The first venue's id, e.g. {@code binance}, {@code binance-usdm}, {@code kraken}; default {@code binance}. */
    public EngineContext venue(final String venue)
    {
        this.venue = venue == null ? null : venue.toLowerCase(Locale.ROOT);
        return self();
    }

    public String venue()
    {
        return venue;
    }

    /** The first venue's instruments, by its symbols; at least one (further venues: {@code feed(VenueFeed)}). */
    public EngineContext symbols(final String... symbols)
    {
        return symbols(Arrays.asList(symbols));
    }

    /** The first venue's instruments, by its symbols; at least one (further venues: {@code feed(VenueFeed)}). */
    public EngineContext symbols(final List<String> symbols)
    {
        this.symbols = List.copyOf(symbols);
        return self();
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** Feed groups; default: one isolating group of every symbol, launched at start. */
    public EngineContext groups(final List<FeedGroupSpec> groups)
    {
        this.groups = List.copyOf(groups);
        return self();
    }

    public List<FeedGroupSpec> groups()
    {
        return groups;
    }

    /** The venue's WebSocket base, e.g. {@code ws://127.0.0.1:9000}; default: the venue's public endpoint. */
    public EngineContext url(final String url)
    {
        this.url = url;
        return self();
    }

    public String url()
    {
        return url;
    }

    /** The venue's REST base for snapshots (scheme, host, port); default: the venue's. */
    public EngineContext restUrl(final String restUrl)
    {
        this.restUrl = restUrl;
        return self();
    }

    public String restUrl()
    {
        return restUrl;
    }

    /** The book depth subscribed where the venue takes one (Kraken: 10, 25, 100, 500 or 1000); default 100. */
    public EngineContext venueDepth(final int venueDepth)
    {
        this.venueDepth = venueDepth;
        return self();
    }

    public int venueDepth()
    {
        return venueDepth;
    }

    /** Depth streams per WebSocket, 1..1024; default 50. */
    public EngineContext streamsPerConnection(final int streamsPerConnection)
    {
        this.streamsPerConnection = streamsPerConnection;
        return self();
    }

    public int streamsPerConnection()
    {
        return streamsPerConnection;
    }

    /** Connection attempts per second across all feeds, in (0, 10000]; default: Binance's 1 a second. */
    public EngineContext connectRatePerSecond(final double connectRatePerSecond)
    {
        this.connectRatePerSecond = connectRatePerSecond;
        return self();
    }

    public double connectRatePerSecond()
    {
        return connectRatePerSecond;
    }

    /** Connection attempts allowed at once before the connect rate applies, 1..10000; default 10. */
    public EngineContext connectBurst(final int connectBurst)
    {
        this.connectBurst = connectBurst;
        return self();
    }

    public int connectBurst()
    {
        return connectBurst;
    }

    /** Cap on connection attempts under way at once, 1..10000; default 4. */
    public EngineContext maxConnectsInFlight(final int maxConnectsInFlight)
    {
        this.maxConnectsInFlight = maxConnectsInFlight;
        return self();
    }

    public int maxConnectsInFlight()
    {
        return maxConnectsInFlight;
    }

    /** Cap on open connections, 1..100000; default 1024. */
    public EngineContext maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return self();
    }

    public int maxConnections()
    {
        return maxConnections;
    }

    /** First reconnect backoff, positive and not above {@link #backoffCap()}; default 250ms. */
    public EngineContext backoffBase(final Duration backoffBase)
    {
        this.backoffBase = backoffBase;
        return self();
    }

    public Duration backoffBase()
    {
        return backoffBase;
    }

    /** Longest reconnect backoff; default 30s. */
    public EngineContext backoffCap(final Duration backoffCap)
    {
        this.backoffCap = backoffCap;
        return self();
    }

    public Duration backoffCap()
    {
        return backoffCap;
    }

    /** Attempts before a feed fails, at least 1; default 20. */
    public EngineContext maxConnectAttempts(final int maxConnectAttempts)
    {
        this.maxConnectAttempts = maxConnectAttempts;
        return self();
    }

    public int maxConnectAttempts()
    {
        return maxConnectAttempts;
    }

    /** A live feed without data this long is reported stale, 100ms..24h (0s: never); default 60s. */
    public EngineContext staleAfter(final Duration staleAfter)
    {
        this.staleAfter = staleAfter;
        return self();
    }

    public Duration staleAfter()
    {
        return staleAfter;
    }

    /** Connections are replaced, make-before-break, before this age, 1s..720h (0s: never); default 24h, Binance's limit. */
    public EngineContext maxConnectionLifetime(final Duration maxConnectionLifetime)
    {
        this.maxConnectionLifetime = maxConnectionLifetime;
        return self();
    }

    public Duration maxConnectionLifetime()
    {
        return maxConnectionLifetime;
    }

    /** A book of a stream-snapshot venue (OKX, Kraken, Bitget, Coinbase) not valid this long after its subscribe or last resync
     * request asks for a resync again, counted as {@code sync_timeouts}; 100ms..1h (0s: never); default 10s. */
    public EngineContext syncTimeout(final Duration syncTimeout)
    {
        this.syncTimeout = syncTimeout;
        return self();
    }

    public Duration syncTimeout()
    {
        return syncTimeout;
    }

    /** Levels per side asked of REST snapshots, 1..5000; default 1000. */
    public EngineContext snapshotDepthLimit(final int snapshotDepthLimit)
    {
        this.snapshotDepthLimit = snapshotDepthLimit;
        return self();
    }

    public int snapshotDepthLimit()
    {
        return snapshotDepthLimit;
    }

    /** REST snapshots per second at most, in (0, 100000]; default 2. */
    public EngineContext snapshotRatePerSecond(final double snapshotRatePerSecond)
    {
        this.snapshotRatePerSecond = snapshotRatePerSecond;
        return self();
    }

    public double snapshotRatePerSecond()
    {
        return snapshotRatePerSecond;
    }

    /** The WebSocket client that carries the feeds; default {@link Transport#JAVA_WEBSOCKET}. */
    public EngineContext transport(final Transport transport)
    {
        this.transport = transport;
        return self();
    }

    public Transport transport()
    {
        return transport;
    }

    /** Gives up a connection attempt (TCP connect and handshake) after this long, 100ms..10m; default 10s. */
    public EngineContext connectTimeout(final Duration connectTimeout)
    {
        this.connectTimeout = connectTimeout;
        return self();
    }

    public Duration connectTimeout()
    {
        return connectTimeout;
    }

    /** WebSocket ping interval, 1s..10m; a connection without a pong for 1.5 intervals is dropped; default 30s. */
    public EngineContext pingInterval(final Duration pingInterval)
    {
        this.pingInterval = pingInterval;
        return self();
    }

    public Duration pingInterval()
    {
        return pingInterval;
    }

    /** Records every inbound frame and REST response to this file (see {@code FrameCapture}); default: off. */
    public EngineContext captureFile(final File captureFile)
    {
        this.captureFile = captureFile;
        return self();
    }

    public File captureFile()
    {
        return captureFile;
    }

    /** Told of every feed state transition, on the supervisor thread; default: nobody. */
    public EngineContext feedListener(final FeedListener feedListener)
    {
        this.feedListener = feedListener;
        return self();
    }

    public FeedListener feedListener()
    {
        return feedListener;
    }

    /** Where the feeds connect; valid after {@link EngineContext#conclude()}. */
    public VenueEndpoints venueEndpoints()
    {
        return ContextChecks.requireConcluded(self(), venueEndpoints);
    }

    /** The limits the feeds keep to; valid after {@link EngineContext#conclude()}. */
    public FeedLimits feedLimits()
    {
        return ContextChecks.requireConcluded(self(), feedLimits);
    }

    /** How the feeds' WebSockets are made; valid after {@link EngineContext#conclude()}. */
    public WebSocketSettings webSockets()
    {
        return ContextChecks.requireConcluded(self(), webSockets);
    }

    /** The feed groups, the default one when none was set; valid after {@link EngineContext#conclude()}. */
    public List<FeedGroupSpec> feedGroups()
    {
        return ContextChecks.requireConcluded(self(), concludedGroups);
    }

    /** Validates the feed settings and fills in the venue's endpoints where none were given. */
    void concludeFeeds()
    {
        final Venue protocol = Venue.find(venue);
        ContextChecks.require(protocol != null, "venue", "must be one of: " + Venue.ids() + " (got '" + venue + "')");
        final String wsBase = ContextChecks.stripSlash(url == null ? protocol.wsUrl() : url);
        final String restBase = restUrl == null ? protocol.restUrl() : ContextChecks.stripSlash(restUrl);
        ContextChecks.requireValidFeeds(self(), protocol, wsBase, restBase);
        venueEndpoints = new VenueEndpoints(venue, protocol, wsBase, restBase, venueDepth);
        feedLimits = new FeedLimits(streamsPerConnection, connectRatePerSecond, connectBurst, maxConnectsInFlight,
            maxConnections, backoffBase, backoffCap, maxConnectAttempts, staleAfter, maxConnectionLifetime,
            MAX_LEVELS_PER_MESSAGE, snapshotDepthLimit, snapshotRatePerSecond, SNAPSHOT_TIMEOUT);
        webSockets = new WebSocketSettings(transport, connectTimeout, pingInterval, captureFile);
        concludedGroups = groups.isEmpty() ?
            List.of(new FeedGroupSpec(DEFAULT_GROUP, symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO, true)) : groups;
    }
}
