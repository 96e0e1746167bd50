package io.fathom.tools.cli;

import io.fathom.engine.EngineContext;
import io.fathom.engine.EngineThreading;
import io.fathom.engine.publish.PublishContext;
import io.fathom.engine.publish.Shard;
import io.fathom.engine.Profile;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.engine.journal.JournalFullPolicy;
import io.fathom.engine.journal.JournalSpaceSettings;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.transport.SelectorSettings;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options shared by {@code run} and {@code demo}. */
public final class EngineOptions
{
    @Option(names = "--journal", paramLabel = "DIR", description = "journal directory (Chronicle Queue), or off: journal " +
        "nothing (no replay, no replay --verify, no final snapshots on disk; a directory named off is ./off); default: ${DEFAULT-VALUE}")
    public File journalDir = new File("fathom-journal");

    @Option(names = "--run-dir", paramLabel = "DIR", description = "the engine's own files (counters); default: ${DEFAULT-VALUE}")
    public File runDir = new File("fathom-run");

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the run's summary as JSON at exit")
    public File summaryJson;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
        description = "stop after this long, 1ms..8760h (30s, 5m); default: until SIGTERM/SIGINT")
    public Duration duration;

    @Option(names = "--streams-per-connection", paramLabel = "N", description = "depth streams per WebSocket, 1..1024; default: ${DEFAULT-VALUE}")
    public int streamsPerConnection = 50;

    @Option(names = "--shutdown-timeout", paramLabel = "D", converter = DurationConverter.class,
        description = "deadline for the whole shutdown sequence, 100ms..10m; default: 5s")
    public Duration shutdownTimeout = Duration.ofSeconds(5);

    @Option(names = "--pressure-depth", paramLabel = "N", description = "levels per side in the volume pressure signal, 1..1000; default: ${DEFAULT-VALUE}")
    public int pressureDepth = 10;

    @Option(names = "--snapshot-interval", paramLabel = "D", converter = DurationConverter.class,
        description = "journal a snapshot of every valid book this often, 100ms..24h (0s: never); default: 60s")
    public Duration snapshotInterval = Duration.ofSeconds(60);

    @Option(names = "--quiet", description = "no progress lines")
    public boolean quiet;

    @Option(names = "--journal-retention", paramLabel = "R", converter = RetentionConverter.class,
        description = "delete whole daily journal files older than an age (7d, 36h, 2w) or, oldest first, beyond a total size " +
            "(50GB, 500MB, 2TiB), or both (7d,50GB); checked at start and every minute, never the current day's file; default: none")
    public RetentionPolicy journalRetention = RetentionPolicy.NONE;

    @Option(names = "--journal-min-free", paramLabel = "SIZE", converter = ByteSizeConverter.class,
        description = "free space kept on the journal's filesystem: below it journaling is suspended (the books go on, " +
            "skipped records are counted) and resumes, marking the hole, at 1.5 times it; 1MiB..1TiB; default: 64MiB")
    public long journalMinFreeBytes = JournalSpaceSettings.DEFAULT_MIN_FREE_BYTES;

    @Option(names = "--journal-full", paramLabel = "P",
        description = "when the journal's disk reaches --journal-min-free: suspend (skip and count records, the books go " +
            "on, resume with a journal_gap record once space returns) or stop (the same, then an orderly shutdown, exit 1); " +
            "default: ${DEFAULT-VALUE}")
    public String journalFull = JournalFullPolicy.SUSPEND.id();

    @Option(names = "--connect-rate", paramLabel = "N",
        description = "connection attempts per second across all feeds, so a mass disconnect does not come back as a herd, in (0, 10000]; default: the venue's documented limit (Binance: 300 per 5 minutes, i.e. 1/s)")
    public Double connectRate;

    @Option(names = "--connect-burst", paramLabel = "N",
        description = "connection attempts allowed at once before --connect-rate applies, 1..10000; default: 10")
    public Integer connectBurst;

    @Option(names = "--max-connections", paramLabel = "N", description = "cap on open connections, 1..100000; default: ${DEFAULT-VALUE}")
    public int maxConnections = 1024;

    @Option(names = "--metrics-port", paramLabel = "P",
        description = "serve counters and latency in Prometheus's text format at http://127.0.0.1:P/metrics, P 1..65535; default: off")
    public int metricsPort;

    @Option(names = "--metrics-per-feed",
        description = "also serve five series per feed at --metrics-port (50,000 series at 10,000 feeds); default: off")
    public boolean metricsPerFeed;

    @Option(names = "--connects-in-flight", paramLabel = "N", description = "cap on connection attempts under way at once, 1..10000; default: ${DEFAULT-VALUE}")
    public int connectsInFlight = 4;

    @Option(names = "--stale-after", paramLabel = "D", converter = DurationConverter.class,
        description = "report a live feed STALE after this long without data, 100ms..24h (0s: never); default: 60s")
    public Duration staleAfter = Duration.ofSeconds(60);

    @Option(names = "--sync-timeout", paramLabel = "D", converter = DurationConverter.class,
        description = "OKX, Kraken, Bitget, Coinbase: a book not valid this long after its subscribe or resync request "
            + "is resubscribed again (counted as sync_timeouts), 100ms..1h (0s: never); default: 10s")
    public Duration syncTimeout = Duration.ofSeconds(10);

    @Option(names = "--connect-timeout", paramLabel = "D", converter = DurationConverter.class,
        description = "give up a connection attempt (TCP connect and WebSocket handshake) after this long and retry " +
            "with backoff, 100ms..10m; default: 10s")
    public Duration connectTimeout = Duration.ofSeconds(10);

    @Option(names = "--max-connection-lifetime", paramLabel = "D", converter = DurationConverter.class,
        description = "replace each connection, make-before-break, before this age, 1s..720h (0s: never); default: 24h, Binance's limit")
    public Duration maxConnectionLifetime = Duration.ofHours(24);

    @Option(names = "--capture", paramLabel = "FILE",
        description = "record every inbound frame and REST snapshot with its receive time to FILE, in the recording " +
            "line format fathom check reads; default: off")
    public java.io.File capture;

    @Option(names = "--price-scale", paramLabel = "N",
        description = "decimals of price mantissas of an instrument without scales of its own (see --instruments), " +
            "0..18; default: ${DEFAULT-VALUE}")
    public int priceScale = 8;

    @Option(names = "--quantity-scale", paramLabel = "N",
        description = "decimals of quantity mantissas of an instrument without scales of its own, 0..18; " +
            "default: ${DEFAULT-VALUE}")
    public int quantityScale = 8;

    @Option(names = "--instruments", paramLabel = "FILE",
        description = "each instrument's own scales, a JSON array of {\"symbol\": \"SHIBUSDT\", \"price_scale\": 8, " +
            "\"quantity_scale\": 2}; default: none (every instrument at --price-scale/--quantity-scale)")
    public Path instruments;

    @Option(names = "--instrument-metadata", paramLabel = "on|off",
        description = "fetch the venue's instrument metadata from its REST base at start for each instrument's " +
            "scales (Binance exchangeInfo; Kraken, OKX, Bitget, Coinbase, Hyperliquid when --rest-url names their " +
            "REST base); --instruments entries win; on failure one warning and the run-wide scales; " +
            "default: ${DEFAULT-VALUE}")
    public String instrumentMetadata = "on";

    @Option(names = "--instrument-metadata-timeout", paramLabel = "D", converter = DurationConverter.class,
        description = "give up the --instrument-metadata fetch after this long; default: 5s")
    public Duration instrumentMetadataTimeout = Duration.ofSeconds(5);

    @Option(names = "--venue-depth", paramLabel = "N",
        description = "book depth to subscribe where the venue takes one (Kraken: 10, 25, 100, 500 or 1000); default: 100")
    public Integer venueDepth;

    @Option(names = "--ring-full-wait", paramLabel = "D", converter = DurationConverter.class,
        description = "how long a feed waits for ring space when the handlers fall behind before it drops the message " +
            "and resyncs the book (counted as ring_full_drops), 1ms..10s; default: 100ms")
    public Duration ringFullWait = Duration.ofMillis(100);

    @Option(names = "--profile", paramLabel = "P",
        description = "balanced (sleeping waits, safe on a small shared host), low-latency (busy-spinning handler " +
            "threads, pinned to --cpus) or shared-core (waits that park at once, for an engine whose threads share " +
            "one core); default: ${DEFAULT-VALUE}")
    public String profile = "balanced";

    @Option(names = "--cpus", paramLabel = "A,B", split = ",",
        description = "with --profile low-latency: the CPUs to pin the book handler and the journal handler to; a " +
            "CPU the host refuses is reported and the thread runs unpinned")
    public List<Integer> cpus = List.of();

    @Option(names = "--transport", paramLabel = "T",
        description = "the WebSocket client: java-websocket (a read and a write thread per connection), jdk " +
            "(java.net.http.WebSocket: one selector thread and one feed thread for all connections) or selector " +
            "(--io-threads threads for all connections, frames decoded in place); default: ${DEFAULT-VALUE}")
    public String transport = Transport.JAVA_WEBSOCKET.id();

    @Option(names = "--threading", paramLabel = "T",
        description = "dedicated (the engine's own threads) or invoker (no thread of the engine's: the command's main " +
            "thread drives every part of it in turn, which needs --transport selector and refuses the metrics server " +
            "and --cpus); default: ${DEFAULT-VALUE}")
    public String threading = "dedicated";

    @Option(names = "--io-threads", paramLabel = "N",
        description = "with --transport selector: the I/O threads sharing every connection, 1..64; default: ${DEFAULT-VALUE}")
    public int ioThreads = SelectorSettings.DEFAULT_IO_THREADS;

    @Option(names = "--publish", paramLabel = "CHANNEL", description = "publish the books over Aeron on this channel, " +
        "e.g. aeron:ipc or aeron:udp?endpoint=127.0.0.1:40456; default: off")
    public String publish;

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "a running Aeron media driver's directory for --publish; " +
        "default: an embedded driver of the engine's own")
    public File aeronDir;

    @Option(names = "--publish-stream-id", paramLabel = "N", description = "Aeron stream id of --publish; default: ${DEFAULT-VALUE}")
    public int publishStreamId = PublishContext.DEFAULT_STREAM_ID;

    @Option(names = "--publish-snapshot-interval", paramLabel = "D", converter = DurationConverter.class,
        description = "how often every book is published whole, for late joiners, 10ms..1h; default: 1s")
    public Duration publishSnapshotInterval = PublishContext.DEFAULT_SNAPSHOT_INTERVAL;

    @Option(names = "--publish-control", paramLabel = "CHANNEL", description = "where subscribers' snapshot requests are read, " +
        "on --publish-stream-id + 1: an endpoint of this host for UDP, e.g. aeron:udp?endpoint=127.0.0.1:40457, or off; " +
        "default: aeron:ipc when --publish is IPC, off for UDP")
    public String publishControl;

    @Option(names = "--publish-request-rate", paramLabel = "N",
        description = "books a second, at most, sent whole to answer snapshot requests, 1..1000000; default: ${DEFAULT-VALUE}")
    public int publishRequestRate = PublishContext.DEFAULT_REQUEST_RATE;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
        description = "hold only the instruments whose venue and symbol hash to shard I of N (0 <= I < N); default: all")
    public Shard shard;

    /** The venue's symbols this engine holds: all, or those of {@code --shard}. */
    public List<String> shardOf(final String venue, final List<String> symbols)
    {
        if (shard == null)
        {
            return symbols;
        }
        final List<String> held = shard.filter(venue, symbols);
        if (held.isEmpty())
        {
            throw new IllegalArgumentException("--shard " + shard + " holds none of the " + symbols.size() + " symbols");
        }
        return held;
    }

    /**
     * The venues' symbols this engine holds: all, or those of {@code --shard}, leaving out a venue it holds none of.
     *
     * @throws IllegalArgumentException when the shard holds no symbol of any venue.
     */
    public List<VenueFeed> shardOf(final List<VenueFeed> feeds)
    {
        if (shard == null)
        {
            return feeds;
        }
        final List<VenueFeed> held = new ArrayList<>(feeds.size());
        int symbols = 0;
        for (final VenueFeed feed : feeds)
        {
            symbols += feed.symbols().size();
            final List<String> venueHeld = shard.filter(feed.venue(), feed.symbols());
            if (!venueHeld.isEmpty())
            {
                held.add(new VenueFeed(feed.venue(), venueHeld).url(feed.url()).restUrl(feed.restUrl()));
            }
        }
        if (held.isEmpty())
        {
            throw new IllegalArgumentException("--shard " + shard + " holds none of the " + symbols + " symbols of " +
                feeds.size() + " venues");
        }
        return held;
    }

    /** Whether {@code --journal off} was given. */
    public boolean journalOff()
    {
        return "off".equals(journalDir.getPath());
    }

    /** The longest {@code --duration}: a year. */
    public static final Duration MAX_DURATION = Duration.ofHours(8760);

    /**
     * Applies these options to a context, first checking those the engine's context does not hold.
     *
     * @throws IllegalArgumentException naming the option and what it must be.
     */
    public EngineContext apply(final EngineContext context)
    {
        if (duration != null && (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(MAX_DURATION) > 0))
        {
            throw new IllegalArgumentException("--duration must be 1ms..8760h (got " + duration + ")");
        }
        if (summaryJson != null)
        {
            OutputFiles.requireWritable("--summary-json", summaryJson);
        }
        if (capture != null)
        {
            OutputFiles.requireWritable("--capture", capture);
        }
        if (connectRate != null)
        {
            context.connectRatePerSecond(connectRate);
        }
        if (connectBurst != null)
        {
            context.connectBurst(connectBurst);
        }
        if (venueDepth != null)
        {
            context.venueDepth(venueDepth);
        }
        final Profile chosen = Profile.find(profile);
        if (chosen == null)
        {
            throw new IllegalArgumentException("--profile must be balanced, low-latency or shared-core (got '" + profile + "')");
        }
        final JournalFullPolicy onJournalFull = JournalFullPolicy.find(journalFull);
        if (onJournalFull == null)
        {
            throw new IllegalArgumentException("--journal-full must be suspend or stop (got '" + journalFull + "')");
        }
        if (!"on".equals(instrumentMetadata) && !"off".equals(instrumentMetadata))
        {
            throw new IllegalArgumentException("--instrument-metadata must be on or off (got '" + instrumentMetadata + "')");
        }
        final Transport webSockets = Transport.find(transport);
        if (webSockets == null)
        {
            throw new IllegalArgumentException("--transport must be " + Transport.ids() + " (got '" + transport + "')");
        }
        final EngineThreading engineThreading = "dedicated".equals(threading) ? EngineThreading.DEDICATED :
            "invoker".equals(threading) ? EngineThreading.INVOKER : null;
        if (engineThreading == null)
        {
            throw new IllegalArgumentException("--threading must be dedicated or invoker (got '" + threading + "')");
        }
        context.publish().channel(publish).aeronDir(aeronDir).streamId(publishStreamId).snapshotInterval(publishSnapshotInterval)
            .controlChannel(publishControl).requestRate(publishRequestRate);
        return context
            .transport(webSockets)
            .ioThreads(ioThreads)
            .engineThreading(engineThreading)
            .profile(chosen)
            .handlerCpus(cpus)
            .captureFile(capture)
            .ringFullWait(ringFullWait)
            .priceScale(priceScale)
            .quantityScale(quantityScale)
            .instruments(InstrumentsOption.read(instruments))
            .instrumentMetadata("on".equals(instrumentMetadata))
            .instrumentMetadataTimeout(instrumentMetadataTimeout)
            .metricsPort(metricsPort)
            .metricsPerFeed(metricsPerFeed)
            .maxConnections(maxConnections)
            .maxConnectsInFlight(connectsInFlight)
            .staleAfter(staleAfter)
            .syncTimeout(syncTimeout)
            .connectTimeout(connectTimeout)
            .maxConnectionLifetime(maxConnectionLifetime)
            .journal(!journalOff())
            .journalDir(journalOff() ? new File("fathom-journal") : journalDir)
            .journalRetention(journalRetention)
            .journalMinFreeBytes(journalMinFreeBytes)
            .journalFullPolicy(onJournalFull)
            .runDir(runDir)
            .streamsPerConnection(streamsPerConnection)
            .shutdownTimeout(shutdownTimeout)
            .pressureDepth(pressureDepth)
            .journalSnapshotInterval(snapshotInterval);
    }
}
