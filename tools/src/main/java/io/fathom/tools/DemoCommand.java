package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.engine.EngineContext;
import io.fathom.tools.cli.EngineOptions;
import io.fathom.tools.cli.EngineSession;
import io.fathom.tools.cli.FaultScheduleConverter;
import io.fathom.tools.sim.SimFaultSchedule;
import io.fathom.tools.sim.SimSymbols;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code fathom demo}: the built-in simulator on a free loopback port and the engine against it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Starts the Binance spot simulator in-process on free loopback ports and the engine against it.",
        "Prints a progress line a second; stops on Ctrl-C, SIGTERM or --duration, then prints the shutdown phases and a summary."
    })
public final class DemoCommand implements Callable<Integer>
{
    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--venue", paramLabel = "V", description = "the protocol the simulator speaks and the engine syncs: " +
        "binance, binance-usdm, binance-coinm, kraken, kraken-v1, okx, bitget, coinbase or hyperliquid; default: ${DEFAULT-VALUE}")
    String venue = "binance";

    @Option(names = "--venues", paramLabel = "A,B", split = ",", description = "several venues at once, e.g. binance,okx: " +
        "a simulator for each and one engine holding every venue's books, one ring and one journal; instead of --venue")
    List<String> venues;

    @Option(names = "--symbols", paramLabel = "N", description = "instruments SYM0..SYM{N-1} (per venue), 1..100000; default: ${DEFAULT-VALUE}")
    int symbols = 500;

    @Option(names = "--rate", paramLabel = "R|max", description = "depth messages per second across all symbols, " +
        "1..10000000, or 'max' for as fast as the engine reads; default: ${DEFAULT-VALUE}")
    String rateOption = "50000";

    /** {@code --rate} read: messages per second, or {@link SimulatorConfig#RATE_MAX}. */
    long rate;

    @Option(names = "--seed", paramLabel = "N", description = "simulator seed; default: ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(names = "--faults", paramLabel = "SPEC", converter = FaultScheduleConverter.class,
        description = SimFaultSchedule.HELP)
    SimFaultSchedule faults = SimFaultSchedule.NONE;

    @Override
    public Integer call()
    {
        if (symbols < 1 || symbols > SimulatorConfig.MAX_SYMBOLS)
        {
            throw new IllegalArgumentException("--symbols must be 1.." + SimulatorConfig.MAX_SYMBOLS + " (got " + symbols + ")");
        }
        rate = SimulatorConfig.parseRate(rateOption);
        if (venues != null)
        {
            return new SeveralVenuesDemo(this).run();
        }
        final Venue protocol = Venue.find(venue);
        if (protocol == null)
        {
            throw new IllegalArgumentException("--venue must be one of: " + Venue.ids() + " (got '" + venue + "')");
        }
        final SimulatorConfig simulatorConfig = new SimulatorConfig().venue(protocol)
            .symbolCount(symbols).ratePerSecond(rate).seed(seed).wsPort(0).restPort(0).faultSchedule(faults)
            .mixedPrecision(true);
        simulatorConfig.validate();
        final List<String> names = SimSymbols.forVenue(protocol, symbols).names();
        // Every option is checked before the simulator binds a port or starts a thread; its URLs are known after.
        engineContext(protocol, names, "ws://127.0.0.1:1", "http://127.0.0.1:1", 2, 8).conclude();
        final EngineSession session = new EngineSession(System.out);
        final Simulator simulator;
        try
        {
            simulator = Simulator.start(simulatorConfig);
        }
        catch (final RuntimeException ex)
        {
            throw session.abort(ex);
        }
        System.out.println("simulator: venue=" + protocol + " ws=" + simulator.wsUrl() + " rest=" + simulator.restUrl() +
            " symbols=" + symbols + " rate=" + SimulatorConfig.rateText(rate) + " seed=" + seed);
        final EngineContext context;
        try
        {
            context = engineContext(protocol, simulator.symbols(), simulator.wsUrl(), simulator.restUrl(),
                simulator.pricePrecision(), simulator.quantityPrecision()).conclude();
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw session.abort(ex);
        }
        return session.run(context, engineOptions, simulator::close);
    }

    /**
     * @param pricePrecision    the simulator's price decimals: Kraken v2's checksum formats prices with them.
     * @param quantityPrecision the simulator's quantity decimals.
     */
    EngineContext engineContext(
        final Venue protocol,
        final List<String> names,
        final String wsUrl,
        final String restUrl,
        final int pricePrecision,
        final int quantityPrecision)
    {
        final EngineContext context = new EngineContext()
            .venue(protocol.id())
            .symbols(engineOptions.shardOf(protocol.id(), names))
            .url(wsUrl)
            .restUrl(restUrl)
            .snapshotRatePerSecond(2_000)
            .connectRatePerSecond(100)
            .connectBurst(50);
        engineOptions.apply(context);
        if (protocol == Venue.KRAKEN && !spec.commandLine().getParseResult().hasMatchedOption("--price-scale"))
        {
            context.priceScale(pricePrecision).quantityScale(quantityPrecision);
        }
        return context;
    }
}
