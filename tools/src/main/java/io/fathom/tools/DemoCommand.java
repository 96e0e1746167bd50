package io.fathom.tools;

import io.fathom.engine.EngineConfig;
import io.fathom.tools.cli.EngineOptions;
import io.fathom.tools.cli.EngineSession;
import io.fathom.tools.sim.SimFaultSchedule;
import io.fathom.tools.sim.SimSymbols;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
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

    @Option(names = "--symbols", paramLabel = "N", description = "instruments SYM0..SYM{N-1}, 1..100000; default: ${DEFAULT-VALUE}")
    int symbols = 500;

    @Option(names = "--rate", paramLabel = "R", description = "depth messages per second across all symbols, 1..10000000; default: ${DEFAULT-VALUE}")
    long rate = 50_000;

    @Option(names = "--seed", paramLabel = "N", description = "simulator seed; default: ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(names = "--faults", paramLabel = "SPEC", converter = SimFaultSchedule.Converter.class,
        description = SimFaultSchedule.HELP)
    SimFaultSchedule faults = SimFaultSchedule.NONE;

    @Override
    public Integer call()
    {
        if (symbols < 1 || symbols > SimulatorConfig.MAX_SYMBOLS)
        {
            throw new IllegalArgumentException("--symbols must be 1.." + SimulatorConfig.MAX_SYMBOLS + " (got " + symbols + ")");
        }
        if (rate < 1 || rate > SimulatorConfig.MAX_RATE_PER_SECOND)
        {
            throw new IllegalArgumentException(
                "--rate must be 1.." + SimulatorConfig.MAX_RATE_PER_SECOND + " (got " + rate + ")");
        }
        final List<String> names = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++)
        {
            names.add(SimSymbols.symbol(i));
        }
        // Every option is checked before the simulator binds a port or starts a thread; its URLs are known after.
        engineConfig(names, "ws://127.0.0.1:1", "http://127.0.0.1:1");
        final Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(symbols).ratePerSecond(rate).seed(seed).wsPort(0).restPort(0).faultSchedule(faults));
        System.out.println("simulator: ws=" + simulator.wsUrl() + " rest=" + simulator.restUrl() +
            " symbols=" + symbols + " rate=" + rate + "/s seed=" + seed);
        final EngineConfig config;
        try
        {
            config = engineConfig(names, simulator.wsUrl(), simulator.restUrl());
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
        return new EngineSession(System.out).run(config, engineOptions, simulator::close);
    }

    private EngineConfig engineConfig(final List<String> names, final String wsUrl, final String restUrl)
    {
        final EngineConfig.Builder builder = EngineConfig.builder()
            .symbols(names)
            .wsBaseUrl(wsUrl)
            .restBaseUrl(restUrl)
            .snapshotRatePerSecond(2_000)
            .connectRatePerSecond(100)
            .connectBurst(50);
        return engineOptions.apply(builder).build();
    }
}
