package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.engine.EngineContext;
import io.fathom.tools.cli.EngineOptions;
import io.fathom.tools.cli.EngineSession;
import io.fathom.tools.cli.FeedOptions;
import io.fathom.tools.replay.JournalSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code fathom run}: the engine against a real or simulated venue. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the engine against a venue, or replays a journal through it, until SIGTERM/SIGINT or --duration.")
public final class RunCommand implements Callable<Integer>
{
    @Mixin
    EngineOptions engineOptions;

    @Mixin
    FeedOptions feedOptions;

    @Option(names = "--venue", paramLabel = "V", description = "venue: binance, binance-usdm, binance-coinm, kraken, " +
        "kraken-v1, okx, bitget, coinbase or hyperliquid; default: ${DEFAULT-VALUE}")
    String venue = Venue.BINANCE.id();

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
        description = "symbols to hold, e.g. btcusdt,ethusdt; required with --source venue, a subset to replay with --source journal:DIR")
    List<String> symbols;

    @Option(names = "--source", paramLabel = "S",
        description = "venue (connect to --venue) or journal:DIR (replay a journal through the same book handler and signals " +
            "instead of sockets; no connection is made and the run ends when the journal has been replayed; " +
            "pressure depth and book capacity default to the journal's); default: ${DEFAULT-VALUE}")
    String source = "venue";

    @Option(names = "--speed", paramLabel = "S",
        description = "with --source journal:DIR: max (as fast as the engine takes it) or recorded (at the pace it was journaled); default: max")
    String speed;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "WebSocket URL; default: the venue's public market-data endpoint")
    String url;

    @Option(names = "--rest-url", paramLabel = "URL", description = "REST base (scheme, host, port) for Binance snapshots and any venue's instrument " +
        "metadata; default: Binance's public base, none for the other venues")
    String restUrl;

    @Option(names = "--snapshot-limit", paramLabel = "N", description = "levels per side in REST snapshots, 1..5000; default: ${DEFAULT-VALUE}")
    int snapshotLimit = 1000;

    @Option(names = "--snapshot-rate", paramLabel = "R",
        description = "REST snapshots per second at most, in (0, 100000]; default ${DEFAULT-VALUE} keeps limit=1000 snapshots (weight 50) within Binance's 6000 weight a minute")
    double snapshotRate = 2.0;

    @Override
    public Integer call()
    {
        if (feedOptions.given() && !"venue".equals(source))
        {
            throw new IllegalArgumentException("--feed needs --source venue");
        }
        if (JournalSource.names(source))
        {
            final EngineContext replay = JournalSource.configure(engineOptions.apply(new EngineContext()).venue(venue),
                source, speed, venue, symbols, spec.commandLine().getParseResult().hasMatchedOption("--pressure-depth"),
                System.out).conclude();
            return new EngineSession(System.out).run(replay, engineOptions, () -> {});
        }
        if (!"venue".equals(source))
        {
            throw new IllegalArgumentException("--source must be venue or journal:DIR (got '" + source + "')");
        }
        if (speed != null)
        {
            throw new IllegalArgumentException("--speed needs --source journal:DIR");
        }
        if (feedOptions.given())
        {
            return runFeeds();
        }
        if (symbols == null)
        {
            throw new IllegalArgumentException("--symbols is required (or --source journal:DIR), or --feed VENUE:SYMBOLS for each venue");
        }
        final EngineContext context = engineOptions.apply(new EngineContext())
            .venue(venue)
            .symbols(engineOptions.shardOf(venue, symbols))
            .url(url)
            .restUrl(restUrl)
            .snapshotDepthLimit(snapshotLimit)
            .snapshotRatePerSecond(snapshotRate)
            .conclude();
        return new EngineSession(System.out).run(context, engineOptions, () -> {});
    }

    /** {@code --feed} venues, each with its own endpoints, in one engine. */
    private int runFeeds()
    {
        for (final String single : List.of("--venue", "--symbols", "--url", "--rest-url"))
        {
            if (spec.commandLine().getParseResult().hasMatchedOption(single))
            {
                throw new IllegalArgumentException(single + " cannot be combined with --feed: give each venue as --feed " +
                    "VENUE:SYMBOLS and its endpoints as --feed-url VENUE=URL and --feed-rest-url VENUE=URL");
            }
        }
        final EngineContext context = FeedOptions.conclude(feedOptions.apply(engineOptions.apply(new EngineContext()), engineOptions::shardOf)
            .snapshotDepthLimit(snapshotLimit)
            .snapshotRatePerSecond(snapshotRate));
        return new EngineSession(System.out).run(context, engineOptions, () -> {});
    }
}
