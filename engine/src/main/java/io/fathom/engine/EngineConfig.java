package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.feed.FeedGroupPolicy;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.journal.ReplaySpeed;
import io.fathom.engine.journal.RetentionPolicy;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@link Engine#launch} needs. Built with {@link #builder()}; {@link Builder#build()}
 * validates every option and names the option and its allowed range when one is wrong, so an
 * engine never starts half-configured.
 */
public final class EngineConfig
{
    public static final String BINANCE = "binance";
    public static final String BINANCE_WS_URL = "wss://stream.binance.com:9443";
    public static final String BINANCE_REST_URL = "https://api.binance.com";
    /** Binance allows 1024 streams on one connection. */
    public static final int BINANCE_MAX_STREAMS_PER_CONNECTION = 1024;
    /** Binance closes every connection after 24 hours. */
    public static final Duration BINANCE_MAX_CONNECTION_LIFETIME = Duration.ofHours(24);
    /** Binance allows 300 connection attempts per 5 minutes per IP: one a second sustained. */
    public static final double BINANCE_CONNECTS_PER_SECOND = 1.0;
    public static final int BINANCE_CONNECT_BURST = 10;
    /** The group holding every symbol when none is configured. */
    public static final String DEFAULT_GROUP = "default";

    /** The venue's id as given, e.g. {@code binance-usdm}; {@link #protocol} is its depth protocol. */
    public final String venue;
    public final Venue protocol;
    public final List<String> symbols;
    public final String wsBaseUrl;
    public final String restBaseUrl;
    public final int streamsPerConnection;
    public final File runDir;
    public final File journalDir;
    /** Which old journal files to delete; keeps everything by default. */
    public final RetentionPolicy journalRetention;
    /** A journal to replay instead of connecting to the venue, or null. */
    public final File replayJournalDir;
    public final ReplaySpeed replaySpeed;
    public final int ringSize;
    public final int levelsPerEvent;
    public final int maxLevelsPerMessage;
    public final int bookCapacityPerSide;
    public final int pendingMaxLevels;
    public final int pressureDepth;
    public final Duration journalSnapshotInterval;
    public final int snapshotDepthLimit;
    public final double snapshotRatePerSecond;
    public final Duration snapshotTimeout;
    public final double connectRatePerSecond;
    public final int connectBurst;
    public final int maxConnectsInFlight;
    public final Duration connectTimeout;
    public final Duration backoffBase;
    public final Duration backoffCap;
    public final int maxConnectAttempts;
    public final Duration shutdownTimeout;
    public final int snapshotSlots;
    public final BookListener listener;
    public final List<FeedGroupSpec> groups;
    public final FeedListener feedListener;
    public final int maxConnections;
    public final Duration staleAfter;
    public final Duration maxConnectionLifetime;
    public final Duration pingInterval;
    /** Prometheus text endpoint on 127.0.0.1; 0: off. */
    public final int metricsPort;
    /** Whether the metrics endpoint also serves five series per feed; off by default to bound cardinality. */
    public final boolean metricsPerFeed;
    /** Decimals of every price mantissa; for Kraken v2 the pair's {@code price_precision}, which its checksum uses. */
    public final int priceScale;
    /** Decimals of every quantity mantissa; for Kraken v2 the pair's {@code qty_precision}. */
    public final int quantityScale;
    /** The book depth subscribed where the venue takes one (Kraken), which is also the depth books are cut to. */
    public final int venueDepth;
    /** Where to record every frame and REST snapshot received, in the recording line format; null: off. */
    public final File captureFile;
    /** How long a feed waits for ring space before it drops a message and resyncs the book. */
    public final Duration ringFullWait;
    public final Profile profile;
    /** CPUs the handler threads are pinned to, in order (book handler first), under {@link Profile#LOW_LATENCY}. */
    public final List<Integer> handlerCpus;
    /** The WebSocket client that carries the feeds. */
    public final Transport transport;

    /** How the engine's threads wait. */
    public enum Profile
    {
        /** Sleeping waits: safe on a small host shared with other work (the default). */
        BALANCED,
        /** Busy-spinning handler threads, pinned to the CPUs given: for a host with cores to spare. */
        LOW_LATENCY;

        /** @return the profile of a command-line name ({@code balanced}, {@code low-latency}), or null. */
        public static Profile find(final String name)
        {
            for (final Profile profile : values())
            {
                if (profile.cliName().equalsIgnoreCase(name))
                {
                    return profile;
                }
            }
            return null;
        }

        public String cliName()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The WebSocket client that carries the feeds; both verify the venue's certificate and host name. */
    public enum Transport
    {
        /** Java-WebSocket: a read thread (the feed thread) and a write thread per connection (the default). */
        JAVA_WEBSOCKET("java-websocket"),
        /** The JDK's {@code java.net.http.WebSocket}: one selector thread and one feed thread for every connection. */
        JDK("jdk");

        private final String id;

        Transport(final String id)
        {
            this.id = id;
        }

        /** @return the transport of a command-line name ({@code java-websocket}, {@code jdk}), or null. */
        public static Transport find(final String name)
        {
            for (final Transport transport : values())
            {
                if (transport.id.equalsIgnoreCase(name))
                {
                    return transport;
                }
            }
            return null;
        }

        public String id()
        {
            return id;
        }

        /** The ids, as an option's message lists them. */
        public static String ids()
        {
            return JAVA_WEBSOCKET.id + " or " + JDK.id;
        }
    }

    private EngineConfig(final Builder b)
    {
        venue = b.venue;
        protocol = Venue.find(b.venue);
        symbols = List.copyOf(b.symbols);
        wsBaseUrl = stripSlash(b.wsBaseUrl);
        restBaseUrl = b.restBaseUrl == null ? null : stripSlash(b.restBaseUrl);
        streamsPerConnection = b.streamsPerConnection;
        runDir = b.runDir;
        journalDir = b.journalDir;
        journalRetention = b.journalRetention;
        replayJournalDir = b.replayJournalDir;
        replaySpeed = b.replaySpeed;
        ringSize = b.ringSize;
        levelsPerEvent = b.levelsPerEvent;
        maxLevelsPerMessage = b.maxLevelsPerMessage;
        bookCapacityPerSide = b.bookCapacityPerSide;
        pendingMaxLevels = b.pendingMaxLevels;
        pressureDepth = b.pressureDepth;
        journalSnapshotInterval = b.journalSnapshotInterval;
        snapshotDepthLimit = b.snapshotDepthLimit;
        snapshotRatePerSecond = b.snapshotRatePerSecond;
        snapshotTimeout = b.snapshotTimeout;
        connectRatePerSecond = b.connectRatePerSecond;
        connectBurst = b.connectBurst;
        maxConnectsInFlight = b.maxConnectsInFlight;
        connectTimeout = b.connectTimeout;
        backoffBase = b.backoffBase;
        backoffCap = b.backoffCap;
        maxConnectAttempts = b.maxConnectAttempts;
        shutdownTimeout = b.shutdownTimeout;
        snapshotSlots = b.snapshotSlots;
        listener = b.listener;
        groups = b.groups.isEmpty() ?
            List.of(new FeedGroupSpec(DEFAULT_GROUP, b.symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO, true)) :
            List.copyOf(b.groups);
        feedListener = b.feedListener;
        maxConnections = b.maxConnections;
        staleAfter = b.staleAfter;
        maxConnectionLifetime = b.maxConnectionLifetime;
        pingInterval = b.pingInterval;
        metricsPort = b.metricsPort;
        metricsPerFeed = b.metricsPerFeed;
        priceScale = b.priceScale;
        quantityScale = b.quantityScale;
        venueDepth = b.venueDepth;
        captureFile = b.captureFile;
        ringFullWait = b.ringFullWait;
        profile = b.profile;
        handlerCpus = List.copyOf(b.handlerCpus);
        transport = b.transport;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    private static String stripSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Defaults suit a Binance spot feed on a 2-core host. */
    public static final class Builder
    {
        private String venue = BINANCE;
        private List<String> symbols = List.of();
        private String wsBaseUrl;
        private String restBaseUrl;
        private int streamsPerConnection = 50;
        private File runDir = new File("fathom-run");
        private File journalDir = new File("fathom-journal");
        private RetentionPolicy journalRetention = RetentionPolicy.NONE;
        private File replayJournalDir;
        private ReplaySpeed replaySpeed = ReplaySpeed.MAX;
        private int ringSize = 1 << 16;
        private int levelsPerEvent = 32;
        private int maxLevelsPerMessage = 10_000;
        private int bookCapacityPerSide = 2_048;
        private int pendingMaxLevels = 1 << 16;
        private int pressureDepth = 10;
        private Duration journalSnapshotInterval = Duration.ofSeconds(60);
        private int snapshotDepthLimit = 1000;
        private double snapshotRatePerSecond = 2.0;
        private Duration snapshotTimeout = Duration.ofSeconds(10);
        private double connectRatePerSecond = BINANCE_CONNECTS_PER_SECOND;
        private int connectBurst = BINANCE_CONNECT_BURST;
        private int maxConnectsInFlight = 4;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration backoffBase = Duration.ofMillis(250);
        private Duration backoffCap = Duration.ofSeconds(30);
        private int maxConnectAttempts = 20;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private int snapshotSlots = 16;
        private BookListener listener = BookListener.NONE;
        private List<FeedGroupSpec> groups = List.of();
        private FeedListener feedListener = FeedListener.NONE;
        private int maxConnections = 1024;
        private Duration staleAfter = Duration.ofSeconds(60);
        private Duration maxConnectionLifetime = BINANCE_MAX_CONNECTION_LIFETIME;
        private Duration pingInterval = Duration.ofSeconds(30);
        private int metricsPort;
        private boolean metricsPerFeed;
        private int priceScale = 8;
        private int quantityScale = 8;
        private int venueDepth = 100;
        private File captureFile;
        private Duration ringFullWait = Duration.ofMillis(100);
        private Profile profile = Profile.BALANCED;
        private List<Integer> handlerCpus = List.of();
        private Transport transport = Transport.JAVA_WEBSOCKET;

        /** The WebSocket client that carries the feeds; default {@link Transport#JAVA_WEBSOCKET}. */
        public Builder transport(final Transport transport)
        {
            this.transport = transport;
            return this;
        }

        public Builder profile(final Profile profile)
        {
            this.profile = profile;
            return this;
        }

        /** CPUs to pin the handler threads to under {@link Profile#LOW_LATENCY}: book handler, then journal. */
        public Builder handlerCpus(final List<Integer> cpus)
        {
            this.handlerCpus = cpus;
            return this;
        }

        /** How long a feed waits for ring space before it drops a message and resyncs its book; 1ms..10s, default 100ms. */
        public Builder ringFullWait(final Duration wait)
        {
            this.ringFullWait = wait;
            return this;
        }

        /** Records every inbound frame and REST response to this file (see {@code FrameCapture}). */
        public Builder captureFile(final File file)
        {
            this.captureFile = file;
            return this;
        }

        /** Decimals of price mantissas, 0..{@link FixedPoint#MAX_SCALE}; default 8. */
        public Builder priceScale(final int scale)
        {
            this.priceScale = scale;
            return this;
        }

        /** Decimals of quantity mantissas, 0..{@link FixedPoint#MAX_SCALE}; default 8. */
        public Builder quantityScale(final int scale)
        {
            this.quantityScale = scale;
            return this;
        }

        /** The book depth to subscribe where the venue takes one: Kraken 10, 25, 100, 500 or 1000. */
        public Builder venueDepth(final int depth)
        {
            this.venueDepth = depth;
            return this;
        }

        /** Serves the counters in Prometheus's text format on 127.0.0.1 at this port; 0 (default) is off. */
        public Builder metricsPort(final int port)
        {
            this.metricsPort = port;
            return this;
        }

        /** Also serves per-feed series ({@code fathom_feed_*{venue,symbol}}) at the metrics port; default off. */
        public Builder metricsPerFeed(final boolean perFeed)
        {
            this.metricsPerFeed = perFeed;
            return this;
        }

        /** Feed groups; default: one ISOLATE group of every symbol, launched at start. */
        public Builder groups(final List<FeedGroupSpec> groups)
        {
            this.groups = groups;
            return this;
        }

        public Builder feedListener(final FeedListener feedListener)
        {
            this.feedListener = feedListener;
            return this;
        }

        public Builder maxConnections(final int n)
        {
            this.maxConnections = n;
            return this;
        }

        public Builder maxConnectsInFlight(final int n)
        {
            this.maxConnectsInFlight = n;
            return this;
        }

        public Builder connectTimeout(final Duration timeout)
        {
            this.connectTimeout = timeout;
            return this;
        }

        /** A live feed without data this long is reported STALE (0: never). */
        public Builder staleAfter(final Duration staleAfter)
        {
            this.staleAfter = staleAfter;
            return this;
        }

        /** Connections are replaced, make-before-break, before this age (0: never). */
        public Builder maxConnectionLifetime(final Duration lifetime)
        {
            this.maxConnectionLifetime = lifetime;
            return this;
        }

        /** WebSocket ping interval; a connection without a pong for 1.5 intervals is dropped. */
        public Builder pingInterval(final Duration interval)
        {
            this.pingInterval = interval;
            return this;
        }

        public Builder venue(final String venue)
        {
            this.venue = venue.toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder symbols(final List<String> symbols)
        {
            this.symbols = symbols;
            return this;
        }

        public Builder wsBaseUrl(final String url)
        {
            this.wsBaseUrl = url;
            return this;
        }

        public Builder restBaseUrl(final String url)
        {
            this.restBaseUrl = url;
            return this;
        }

        public Builder streamsPerConnection(final int n)
        {
            this.streamsPerConnection = n;
            return this;
        }

        public Builder runDir(final File dir)
        {
            this.runDir = dir;
            return this;
        }

        public Builder journalDir(final File dir)
        {
            this.journalDir = dir;
            return this;
        }

        public Builder ringSize(final int n)
        {
            this.ringSize = n;
            return this;
        }

        public Builder levelsPerEvent(final int n)
        {
            this.levelsPerEvent = n;
            return this;
        }

        public Builder bookCapacityPerSide(final int n)
        {
            this.bookCapacityPerSide = n;
            return this;
        }

        public Builder pressureDepth(final int n)
        {
            this.pressureDepth = n;
            return this;
        }

        public Builder journalSnapshotInterval(final Duration interval)
        {
            this.journalSnapshotInterval = interval;
            return this;
        }

        public Builder snapshotDepthLimit(final int n)
        {
            this.snapshotDepthLimit = n;
            return this;
        }

        public Builder snapshotRatePerSecond(final double rate)
        {
            this.snapshotRatePerSecond = rate;
            return this;
        }

        public Builder connectRatePerSecond(final double rate)
        {
            this.connectRatePerSecond = rate;
            return this;
        }

        public Builder connectBurst(final int n)
        {
            this.connectBurst = n;
            return this;
        }

        public Builder backoff(final Duration base, final Duration cap)
        {
            this.backoffBase = base;
            this.backoffCap = cap;
            return this;
        }

        public Builder maxConnectAttempts(final int n)
        {
            this.maxConnectAttempts = n;
            return this;
        }

        public Builder shutdownTimeout(final Duration timeout)
        {
            this.shutdownTimeout = timeout;
            return this;
        }

        public Builder journalRetention(final RetentionPolicy policy)
        {
            this.journalRetention = policy;
            return this;
        }

        /**
         * Drives the book handler from a journal instead of the venue: no connection is made and
         * the run ends when the journal has been replayed. The symbols must name its instruments.
         */
        public Builder replayJournal(final File directory, final ReplaySpeed speed)
        {
            this.replayJournalDir = directory;
            this.replaySpeed = speed;
            return this;
        }

        public Builder listener(final BookListener listener)
        {
            this.listener = listener;
            return this;
        }

        public EngineConfig build()
        {
            final Venue protocol = Venue.find(venue);
            require(protocol != null, "--venue", "must be one of: " + Venue.ids() + " (got '" + venue + "')");
            if (wsBaseUrl == null)
            {
                wsBaseUrl = protocol.wsUrl();
            }
            if (restBaseUrl == null)
            {
                restBaseUrl = protocol.restUrl();
            }
            require(profile != null, "--profile", "must be balanced or low-latency");
            require(transport != null, "--transport", "must be " + Transport.ids());
            require(handlerCpus.size() <= 2, "--cpus", "takes at most two CPUs, book handler then journal (got " +
                handlerCpus + ")");
            for (final Integer cpu : handlerCpus)
            {
                require(cpu != null && cpu >= 0 && cpu < 4096, "--cpus", "each CPU must be 0..4095 (got " + handlerCpus + ")");
            }
            require(handlerCpus.isEmpty() || profile == Profile.LOW_LATENCY, "--cpus", "needs --profile low-latency");
            require(ringFullWait != null && ringFullWait.toNanos() >= 1_000_000 && ringFullWait.toMillis() <= 10_000,
                "--ring-full-wait", "must be 1ms..10s (got " + ringFullWait + ")");
            require(priceScale >= 0 && priceScale <= FixedPoint.MAX_SCALE, "--price-scale",
                "must be 0.." + FixedPoint.MAX_SCALE + " (got " + priceScale + ")");
            require(quantityScale >= 0 && quantityScale <= FixedPoint.MAX_SCALE, "--quantity-scale",
                "must be 0.." + FixedPoint.MAX_SCALE + " (got " + quantityScale + ")");
            if (protocol == Venue.KRAKEN || protocol == Venue.KRAKEN_V1)
            {
                require(KrakenProtocol.isValidDepth(venueDepth), "--venue-depth",
                    "must be one of Kraken's depths 10, 25, 100, 500, 1000 (got " + venueDepth + ")");
                require(venueDepth <= bookCapacityPerSide, "--venue-depth",
                    "must not exceed --book-depth " + bookCapacityPerSide + " (got " + venueDepth + ")");
            }
            require(!symbols.isEmpty(), "--symbols", "must name at least one symbol");
            require(symbols.size() <= 100_000, "--symbols", "must be at most 100000 symbols");
            for (final String symbol : symbols)
            {
                require(symbol.matches("[A-Za-z0-9_\\-/.]{1,32}"), "--symbols",
                    "each symbol must be 1..32 letters, digits, '_', '-', '/' or '.' (got '" + symbol + "')");
            }
            require(wsBaseUrl.matches("wss?://[^/?#]+(/[^?#]*)?"), "--url",
                "must be a WebSocket URL without query, like ws://127.0.0.1:9000 (got '" + wsBaseUrl + "')");
            require(!protocol.restSnapshot() || restBaseUrl.matches("https?://[^/?#]+/?"), "--rest-url",
                "must be an HTTP base, scheme host and port, like http://127.0.0.1:9001 (got '" + restBaseUrl + "')");
            require(streamsPerConnection >= 1 && streamsPerConnection <= BINANCE_MAX_STREAMS_PER_CONNECTION,
                "--streams-per-connection", "must be 1.." + BINANCE_MAX_STREAMS_PER_CONNECTION + " (got " +
                streamsPerConnection + ")");
            require(ringSize >= 1024 && ringSize <= (1 << 24) && Integer.bitCount(ringSize) == 1, "--ring-size",
                "must be a power of two in 1024..16777216 (got " + ringSize + ")");
            require(levelsPerEvent >= 1 && levelsPerEvent <= 1024, "levelsPerEvent", "must be 1..1024");
            require(maxLevelsPerMessage / levelsPerEvent + 1 <= ringSize / 2, "--ring-size",
                "must hold at least twice the parts of the largest message");
            require(bookCapacityPerSide >= 16 && bookCapacityPerSide <= 1_000_000, "--book-depth",
                "must be 16..1000000 (got " + bookCapacityPerSide + ")");
            require(pressureDepth >= 1 && pressureDepth <= 1000, "--pressure-depth",
                "must be 1..1000 (got " + pressureDepth + ")");
            require(journalSnapshotInterval.isZero() || within(journalSnapshotInterval, Duration.ofMillis(100), Duration.ofHours(24)),
                "--snapshot-interval", "must be 0s (never) or 100ms..24h (got " + journalSnapshotInterval + ")");
            require(snapshotDepthLimit >= 1 && snapshotDepthLimit <= 5000, "--snapshot-limit",
                "must be 1..5000, Binance's range (got " + snapshotDepthLimit + ")");
            require(2 * snapshotDepthLimit <= maxLevelsPerMessage, "--snapshot-limit", "exceeds the message capacity");
            require(snapshotRatePerSecond > 0 && snapshotRatePerSecond <= 100_000, "--snapshot-rate",
                "must be in (0, 100000] requests per second (got " + snapshotRatePerSecond + ")");
            require(connectRatePerSecond > 0 && connectRatePerSecond <= 10_000, "--connect-rate",
                "must be in (0, 10000] connects per second (got " + connectRatePerSecond + ")");
            require(connectBurst >= 1 && connectBurst <= 10_000, "--connect-burst",
                "must be 1..10000 (got " + connectBurst + ")");
            require(!backoffBase.isNegative() && !backoffBase.isZero() && backoffCap.compareTo(backoffBase) >= 0,
                "backoff", "base must be positive and not above the cap");
            require(maxConnectAttempts >= 1, "maxConnectAttempts", "must be at least 1");
            require(shutdownTimeout.toMillis() >= 100 && shutdownTimeout.toMinutes() <= 10, "--shutdown-timeout",
                "must be 100ms..10m (got " + shutdownTimeout + ")");
            require(maxConnections >= 1 && maxConnections <= 100_000, "--max-connections",
                "must be 1..100000 (got " + maxConnections + ")");
            require(maxConnectsInFlight >= 1 && maxConnectsInFlight <= 10_000, "--connects-in-flight",
                "must be 1..10000 (got " + maxConnectsInFlight + ")");
            require(staleAfter.isZero() || within(staleAfter, Duration.ofMillis(100), Duration.ofHours(24)), "--stale-after",
                "must be 0s (never) or 100ms..24h (got " + staleAfter + ")");
            require(maxConnectionLifetime.isZero() || within(maxConnectionLifetime, Duration.ofSeconds(1), Duration.ofHours(720)),
                "--max-connection-lifetime", "must be 0s (never rotate) or 1s..720h (got " + maxConnectionLifetime + ")");
            require(pingInterval.getSeconds() >= 1 && pingInterval.toMinutes() <= 10, "--ping-interval",
                "must be 1s..10m (got " + pingInterval + ")");
            require(within(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(10)), "--connect-timeout",
                "must be 100ms..10m (got " + connectTimeout + ")");
            require(metricsPort >= 0 && metricsPort <= 65535, "--metrics-port", "must be 0 (off) or 1..65535 (got " +
                metricsPort + ")");
            final java.util.Set<String> names = new java.util.HashSet<>();
            for (final FeedGroupSpec group : groups)
            {
                require(names.add(group.name()), "groups", "duplicate group name '" + group.name() + "'");
                for (final String symbol : group.symbols())
                {
                    require(symbols.stream().anyMatch(s -> s.equalsIgnoreCase(symbol)), "groups",
                        "group '" + group.name() + "' names symbol '" + symbol + "' that --symbols does not hold");
                }
            }
            require(runDir != null, "--run-dir", "must be set");
            require(journalDir != null, "--journal", "must be set");
            require(journalRetention != null, "--journal-retention", "must be set");
            if (replayJournalDir != null)
            {
                require(replayJournalDir.isDirectory(), "--source", "journal:" + replayJournalDir + " is not a directory");
                require(!sameFile(replayJournalDir, journalDir), "--journal",
                    "must not be the journal being replayed (" + replayJournalDir + "); give the replay its own journal directory");
                require(replaySpeed != null, "--speed", "must be max or recorded");
            }
            ConfigChecks.requireValid(symbols, wsBaseUrl, restBaseUrl, runDir, journalDir);
            return new EngineConfig(this);
        }

        private static boolean within(final Duration value, final Duration min, final Duration max)
        {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }

        private static void require(final boolean condition, final String option, final String message)
        {
            if (!condition)
            {
                throw new IllegalArgumentException(option + " " + message);
            }
        }

        private static boolean sameFile(final File a, final File b)
        {
            try
            {
                return a.getCanonicalFile().equals(b.getCanonicalFile());
            }
            catch (final java.io.IOException ex)
            {
                return a.getAbsoluteFile().equals(b.getAbsoluteFile());
            }
        }
    }
}
