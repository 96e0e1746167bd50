package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.status.CountersSize;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of {@link EngineContext#conclude()}: each value's range, the settings that constrain one
 * another, a symbol named twice, a URL's port, and whether the run and journal directories can be used.
 * Each failure is an {@link InvalidSettingException} naming the setting and what it must be, raised before
 * the engine creates a thread, a socket or a file, so that it never fails on these half way through starting.
 */
final class ContextChecks
{
    private static final String SYMBOL = "[A-Za-z0-9_\\-/.]{1,32}";

    private ContextChecks()
    {
    }

    /** The feed settings, with the venue and the endpoints it resolved to. */
    static void requireValidFeeds(final FeedContext c, final Venue protocol, final String wsBaseUrl, final String restBaseUrl)
    {
        requireSymbols(c.symbols());
        require(wsBaseUrl.matches("wss?://[^/?#]+(/[^?#]*)?"), "url",
            "must be a WebSocket URL without query, like ws://127.0.0.1:9000 (got '" + wsBaseUrl + "')");
        require(!protocol.restSnapshot() || restBaseUrl.matches("https?://[^/?#]+/?"), "restUrl",
            "must be an HTTP base, scheme host and port, like http://127.0.0.1:9001 (got '" + restBaseUrl + "')");
        require(c.transport() != null, "transport", "must be " + Transport.ids());
        require(inRange(c.streamsPerConnection(), 1, FeedContext.MAX_STREAMS_PER_CONNECTION), "streamsPerConnection",
            "must be 1.." + FeedContext.MAX_STREAMS_PER_CONNECTION + " (got " + c.streamsPerConnection() + ")");
        require(c.snapshotDepthLimit() >= 1 && c.snapshotDepthLimit() <= 5000, "snapshotDepthLimit",
            "must be 1..5000, Binance's range (got " + c.snapshotDepthLimit() + ")");
        require(2 * c.snapshotDepthLimit() <= FeedContext.MAX_LEVELS_PER_MESSAGE, "snapshotDepthLimit",
            "exceeds the message capacity");
        require(c.snapshotRatePerSecond() > 0 && c.snapshotRatePerSecond() <= 100_000, "snapshotRatePerSecond",
            "must be in (0, 100000] requests per second (got " + c.snapshotRatePerSecond() + ")");
        require(c.connectRatePerSecond() > 0 && c.connectRatePerSecond() <= 10_000, "connectRatePerSecond",
            "must be in (0, 10000] connects per second (got " + c.connectRatePerSecond() + ")");
        require(inRange(c.connectBurst(), 1, 10_000), "connectBurst", "must be 1..10000 (got " + c.connectBurst() + ")");
        require(c.backoffBase() != null && !c.backoffBase().isNegative() && !c.backoffBase().isZero(), "backoffBase",
            "must be positive (got " + c.backoffBase() + ")");
        require(c.backoffCap() != null && c.backoffCap().compareTo(c.backoffBase()) >= 0, "backoffCap",
            "must not be below backoffBase " + c.backoffBase() + " (got " + c.backoffCap() + ")", "backoffBase");
        require(c.maxConnectAttempts() >= 1, "maxConnectAttempts", "must be at least 1");
        require(inRange(c.maxConnections(), 1, 100_000), "maxConnections",
            "must be 1..100000 (got " + c.maxConnections() + ")");
        require(inRange(c.maxConnectsInFlight(), 1, 10_000), "maxConnectsInFlight",
            "must be 1..10000 (got " + c.maxConnectsInFlight() + ")");
        require(zeroOr(c.staleAfter(), Duration.ofMillis(100), Duration.ofHours(24)), "staleAfter",
            "must be 0s (never) or 100ms..24h (got " + c.staleAfter() + ")");
        require(zeroOr(c.syncTimeout(), Duration.ofMillis(100), Duration.ofHours(1)), "syncTimeout",
            "must be 0s (never) or 100ms..1h (got " + c.syncTimeout() + ")");
        require(zeroOr(c.maxConnectionLifetime(), Duration.ofSeconds(1), Duration.ofHours(720)), "maxConnectionLifetime",
            "must be 0s (never rotate) or 1s..720h (got " + c.maxConnectionLifetime() + ")");
        require(c.pingInterval() != null && c.pingInterval().getSeconds() >= 1 && c.pingInterval().toMinutes() <= 10,
            "pingInterval", "must be 1s..10m (got " + c.pingInterval() + ")");
        require(within(c.connectTimeout(), Duration.ofMillis(100), Duration.ofMinutes(10)), "connectTimeout",
            "must be 100ms..10m (got " + c.connectTimeout() + ")");
        require(c.feedListener() != null, "feedListener", "must be set (FeedListener.NONE for nobody)");
        requireGroups(c.groups(), c.symbols());
        requirePort("url", wsBaseUrl);
        if (restBaseUrl != null)
        {
            requirePort("restUrl", restBaseUrl);
        }
    }

    /** The settings of the ring, books, journal, threads and shutdown; the feeds' are checked first. */
    static void requireValidEngine(final EngineContext c)
    {
        require(c.profile() != null, "profile", "must be " + Profile.BALANCED.id() + ", " + Profile.LOW_LATENCY.id() +
            " or " + Profile.SHARED_CORE.id());
        final List<Integer> cpus = c.handlerCpus();
        require(cpus != null && cpus.size() <= 2, "handlerCpus",
            "takes at most two CPUs, book handler then journal (got " + cpus + ")");
        for (final Integer cpu : cpus)
        {
            require(cpu != null && cpu >= 0 && cpu < 4096, "handlerCpus", "each CPU must be 0..4095 (got " + cpus + ")");
        }
        require(cpus.isEmpty() || c.profile() == Profile.LOW_LATENCY, "handlerCpus",
            "needs profile " + Profile.LOW_LATENCY.id(), "profile");
        require(c.ringFullWait() != null && c.ringFullWait().toNanos() >= 1_000_000 && c.ringFullWait().toMillis() <= 10_000,
            "ringFullWait",
            "must be 1ms..10s (got " + c.ringFullWait() + ")");
        final Venue protocol = Venue.find(c.venue());
        if (protocol == Venue.KRAKEN || protocol == Venue.KRAKEN_V1)
        {
            require(KrakenProtocol.isValidDepth(c.venueDepth()), "venueDepth",
                "must be one of Kraken's depths 10, 25, 100, 500, 1000 (got " + c.venueDepth() + ")");
            require(c.venueDepth() <= c.bookCapacityPerSide(), "venueDepth",
                "must not exceed bookCapacityPerSide " + c.bookCapacityPerSide() + " (got " + c.venueDepth() + ")",
                "bookCapacityPerSide");
        }
        require(c.ringSize() >= 1024 && c.ringSize() <= (1 << 24) && Integer.bitCount(c.ringSize()) == 1, "ringSize",
            "must be a power of two in 1024..16777216 (got " + c.ringSize() + ")");
        require(inRange(c.levelsPerEvent(), 1, 1024), "levelsPerEvent", "must be 1..1024 (got " + c.levelsPerEvent() + ")");
        require(FeedContext.MAX_LEVELS_PER_MESSAGE / c.levelsPerEvent() + 1 <= c.ringSize() / 2, "ringSize",
            "must hold at least twice the parts of the largest message");
        require(inRange(c.bookCapacityPerSide(), 16, 1_000_000), "bookCapacityPerSide",
            "must be 16..1000000 (got " + c.bookCapacityPerSide() + ")");
        require(inRange(c.pressureDepth(), 1, 1000), "pressureDepth", "must be 1..1000 (got " + c.pressureDepth() + ")");
        require(zeroOr(c.journalSnapshotInterval(), Duration.ofMillis(100), Duration.ofHours(24)), "journalSnapshotInterval",
            "must be 0s (never) or 100ms..24h (got " + c.journalSnapshotInterval() + ")");
        require(c.shutdownTimeout() != null && c.shutdownTimeout().toMillis() >= 100 && c.shutdownTimeout().toMinutes() <= 10,
            "shutdownTimeout",
            "must be 100ms..10m (got " + c.shutdownTimeout() + ")");
        require(inRange(c.metricsPort(), 0, 65535), "metricsPort", "must be 0 (off) or 1..65535 (got " + c.metricsPort() + ")");
        require(inRange(c.viewDepth(), 1, 65535), "viewDepth", "must be 1..65535 (got " + c.viewDepth() + ")");
        require(c.bookListener() != null, "bookListener", "must be set (BookListener.NONE for nobody)");
        require(c.bookStateListener() != null, "bookStateListener", "must be set (BookStateListener.NONE for nobody)");
        require(c.runDir() != null, "runDir", "must be set");
        require(c.journalDir() != null, "journalDir", "must be set");
        require(c.journalRetention() != null, "journalRetention", "must be set");
        if (c.replayJournal() != null)
        {
            require(c.replayJournal().isDirectory(), "replayJournal", c.replayJournal() + " is not a directory");
            require(!c.journalEnabled() || !sameFile(c.replayJournal(), c.journalDir()), "journalDir",
                "must not be the journal being replayed (" + c.replayJournal() + "); give the replay its own journal directory");
            require(c.replaySpeed() != null, "replaySpeed", "must be max or recorded");
        }
        if (c.engineThreading() == EngineThreading.INVOKER)
        {
            requireInvokable(c);
        }
        requireUsableDirectory("runDir", c.runDir());
        if (c.journalEnabled())
        {
            requireUsableDirectory("journalDir", c.journalDir());
        }
    }

    /**
     * What an engine driven by its caller ({@link EngineThreading#INVOKER}) cannot run, because it keeps a thread of
     * its own: each refusal names the setting and says so.
     */
    private static void requireInvokable(final EngineContext c)
    {
        final String invoker = "engineThreading";
        require(c.replayJournal() != null || c.transport() == Transport.SELECTOR, "transport",
            "must be " + Transport.SELECTOR.id() + " with engineThreading INVOKER: the " +
            c.transport().id() + " transport reads its sockets on threads of its own", invoker);
        require(c.metricsPort() == 0, "metricsPort",
            "must be 0 (off) with engineThreading INVOKER: the metrics server answers on a thread of its own", invoker);
        require(c.handlerCpus().isEmpty(), "handlerCpus",
            "must be empty with engineThreading INVOKER: the handlers run on the invoking thread", invoker);
    }

    static void require(final boolean condition, final String setting, final String reason, final String... related)
    {
        if (!condition)
        {
            throw new InvalidSettingException(setting, reason, related);
        }
    }

    static String stripSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static void requireSymbols(final List<String> symbols)
    {
        require(!symbols.isEmpty(), "symbols", "must name at least one symbol");
        require(symbols.size() <= 100_000, "symbols", "must be at most 100000 symbols");
        final Set<String> seen = new HashSet<>();
        for (final String symbol : symbols)
        {
            require(symbol != null && symbol.matches(SYMBOL), "symbols",
                "each symbol must be 1..32 letters, digits, '_', '-', '/' or '.' (got '" + symbol + "')");
            require(seen.add(symbol.toUpperCase(Locale.ROOT)), "symbols",
                "must name each symbol once, in any case (got '" + symbol + "' twice)");
        }
    }

    private static void requireGroups(final List<FeedGroupSpec> groups, final List<String> symbols)
    {
        final Set<String> names = new HashSet<>();
        for (final FeedGroupSpec group : groups)
        {
            require(names.add(group.name()), "groups", "duplicate group name '" + group.name() + "'");
            for (final String symbol : group.symbols())
            {
                require(symbols.stream().anyMatch(s -> s.equalsIgnoreCase(symbol)), "groups",
                    "group '" + group.name() + "' names symbol '" + symbol + "' that symbols does not hold", "symbols");
            }
        }
    }

    static void requirePort(final String setting, final String url)
    {
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final URISyntaxException ex)
        {
            throw new InvalidSettingException(setting, "must be a URL (got '" + url + "': " + ex.getReason() + ")");
        }
        require(uri.getHost() != null, setting, "must name a host by name or address (got '" + url + "')");
        final int port = uri.getPort();
        require(port == -1 || (port >= 1 && port <= 65_535), setting, "port must be 1..65535 (got " + port + ")");
    }

    /** An existing writable directory, or a path whose nearest existing ancestor is one, so it can be created. */
    private static void requireUsableDirectory(final String setting, final File directory)
    {
        final File absolute = directory.getAbsoluteFile();
        if (absolute.exists())
        {
            require(absolute.isDirectory(), setting, "must be a directory (" + directory + " is a file)");
            require(absolute.canWrite(), setting, "must be a writable directory (" + directory + " is not writable)");
            return;
        }
        File ancestor = absolute.getParentFile();
        while (ancestor != null && !ancestor.exists())
        {
            ancestor = ancestor.getParentFile();
        }
        require(ancestor != null && ancestor.isDirectory() && ancestor.canWrite(), setting,
            "must be a directory that can be created (" + directory + " cannot: " + ancestor + " is not a writable directory)");
    }

    static boolean inRange(final int value, final int min, final int max)
    {
        return value >= min && value <= max;
    }

    private static boolean within(final Duration value, final Duration min, final Duration max)
    {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** A group of settings, or an {@link IllegalStateException} while the context is not concluded. */
    static <T> T requireConcluded(final EngineContext context, final T group)
    {
        if (!context.isConcluded())
        {
            throw new IllegalStateException("the context is not concluded: call conclude() first");
        }
        return group;
    }

    private static boolean zeroOr(final Duration value, final Duration min, final Duration max)
    {
        return value != null && (value.isZero() || within(value, min, max));
    }

    private static boolean sameFile(final File a, final File b)
    {
        try
        {
            return a.getCanonicalFile().equals(b.getCanonicalFile());
        }
        catch (final IOException ex)
        {
            return a.getAbsoluteFile().equals(b.getAbsoluteFile());
        }
    }

    /**
     * The counters file a run of this context's feeds needs, sized from every venue's symbols, connections and groups;
     * every count {@code symbols} allows (at most 100,000) fits, even at one stream per connection.
     */
    static CountersSize countersSize(final EngineContext c)
    {
        int feeds = 0;
        int connections = 0;
        for (final VenueGroup group : c.venueGroups())
        {
            final int symbols = group.symbols().size();
            feeds += symbols;
            connections += CountersSize.connectionsFor(symbols, c.streamsPerConnection(),
                group == c.venueGroups().get(0) ? c.groups().size() : 1);
        }
        return CountersSize.forFeeds(feeds, connections);
    }
}
