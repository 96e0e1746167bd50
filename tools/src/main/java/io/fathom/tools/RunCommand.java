package io.fathom.tools;

import io.fathom.engine.EngineConfig;
import io.fathom.tools.cli.EngineOptions;
import io.fathom.tools.cli.EngineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code fathom run}: the engine against a real or simulated venue. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the engine against a venue until SIGTERM/SIGINT or --duration.")
public final class RunCommand implements Callable<Integer>
{
    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--venue", paramLabel = "V", description = "venue: binance; default: ${DEFAULT-VALUE}")
    String venue = EngineConfig.BINANCE;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",", required = true, description = "symbols to hold, e.g. btcusdt,ethusdt")
    List<String> symbols;

    @Option(names = "--url", paramLabel = "URL", description = "WebSocket base (scheme, host, port); default: ${DEFAULT-VALUE}")
    String url = EngineConfig.BINANCE_WS_URL;

    @Option(names = "--rest-url", paramLabel = "URL", description = "REST base (scheme, host, port); default: ${DEFAULT-VALUE}")
    String restUrl = EngineConfig.BINANCE_REST_URL;

    @Option(names = "--snapshot-limit", paramLabel = "N", description = "levels per side in REST snapshots, 1..5000; default: ${DEFAULT-VALUE}")
    int snapshotLimit = 1000;

    @Option(names = "--snapshot-rate", paramLabel = "R",
        description = "REST snapshots per second at most; default ${DEFAULT-VALUE} keeps limit=1000 snapshots (weight 50) within Binance's 6000 weight a minute")
    double snapshotRate = 2.0;

    @Override
    public Integer call()
    {
        final EngineConfig config = engineOptions.apply(EngineConfig.builder())
            .venue(venue)
            .symbols(symbols)
            .wsBaseUrl(url)
            .restBaseUrl(restUrl)
            .snapshotDepthLimit(snapshotLimit)
            .snapshotRatePerSecond(snapshotRate)
            .build();
        return new EngineSession(System.out).run(config, engineOptions, () -> {});
    }
}
