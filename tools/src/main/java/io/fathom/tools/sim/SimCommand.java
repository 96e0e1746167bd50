package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.tools.cli.SignalExit;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code fathom sim}: runs a {@link Simulator} until SIGINT or SIGTERM. Its first line on stdout is
 * {@code ws=<url> rest=<url>} with the bound ports, for scripts and the demo to read.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a simulated exchange speaking one venue's depth protocol (--venue). Binance venues: diff-depth " +
            "WebSocket streams (/stream?streams=sym0@depth@100ms, /ws/<stream>, SUBSCRIBE/UNSUBSCRIBE/" +
            "LIST_SUBSCRIPTIONS) and the REST snapshot (/api/v3/depth, /fapi/v1/depth, /dapi/v1/depth). " +
            "Other venues: any WebSocket path, the venue's subscribe message, a snapshot, then updates.",
        "Instruments are SYM0..SYM{N-1} as the venue spells them: SYM0 (binance, hyperliquid), SYM0USDT " +
            "(binance-usdm, bitget), SYM0USD_PERP (binance-coinm), SYM0/USD (kraken, kraken-v1), SYM0-USDT (okx), " +
            "SYM0-USD (coinbase).",
        "Each book is a seeded random walk: the diffs of symbol i depend only on --seed and i.",
        "Prints 'ws=<url> rest=<url>' first, then runs until SIGINT/SIGTERM; with --faults, one " +
            "'fault: ...' line as each scheduled fault fires."
    })
public final class SimCommand implements Callable<Integer>
{
    public static final int DEFAULT_WS_PORT = 9000;
    public static final int DEFAULT_REST_PORT = 9001;
    private static final String VENUE_IDS = "binance, binance-usdm, binance-coinm, kraken, kraken-v1, okx, bitget, " +
        "coinbase, hyperliquid";

    @Spec
    CommandSpec spec;

    private final SimulatorConfig config = new SimulatorConfig();

    @Option(names = "--venue", paramLabel = "V", defaultValue = "binance",
        description = "Venue whose protocol to speak: " + VENUE_IDS + " (default: ${DEFAULT-VALUE}).")
    void venue(final String id)
    {
        final Venue venue = Venue.find(id);
        if (venue == null)
        {
            throw invalid("--venue: unknown venue '" + id + "'; expected one of " + Venue.ids());
        }
        config.venue(venue);
    }

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "" + SimulatorConfig.DEFAULT_SYMBOLS,
        description = "Instruments SYM0..SYM{N-1}, 1..100000 (default: ${DEFAULT-VALUE}).")
    void symbols(final int symbols)
    {
        if (symbols < 1 || symbols > SimulatorConfig.MAX_SYMBOLS)
        {
            throw invalid("--symbols must be 1.." + SimulatorConfig.MAX_SYMBOLS + " but was " + symbols);
        }
        config.symbolCount(symbols);
    }

    @Option(names = "--rate", paramLabel = "R|max", defaultValue = "" + SimulatorConfig.DEFAULT_RATE_PER_SECOND,
        description = "Depth messages per second across all symbols, round-robin, 1..10000000, or 'max' " +
            "for as fast as the slowest subscribed client reads (default: ${DEFAULT-VALUE}).")
    void rate(final String rate)
    {
        try
        {
            config.ratePerSecond(SimulatorConfig.parseRate(rate));
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid(ex.getMessage());
        }
    }

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_WS_PORT,
        description = "WebSocket port, 0..65535; 0 binds an ephemeral port (default: ${DEFAULT-VALUE}).")
    void port(final int port)
    {
        config.wsPort(checkPort("--port", port));
    }

    @Option(names = "--rest-port", paramLabel = "Q", defaultValue = "" + DEFAULT_REST_PORT,
        description = "REST port, 0..65535; 0 binds an ephemeral port (default: ${DEFAULT-VALUE}).")
    void restPort(final int port)
    {
        config.restPort(checkPort("--rest-port", port));
    }

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Seed of every book's random walk (default: ${DEFAULT-VALUE}).")
    void seed(final long seed)
    {
        config.seed(seed);
    }

    @Option(names = "--mixed-precision", paramLabel = "on|off", defaultValue = "on",
        description = "Binance venues: SYM1 with 10-decimal prices, SYM2 with quantities above 10^11, as served by " +
            "exchangeInfo (default: ${DEFAULT-VALUE}).")
    void mixedPrecision(final String onOff)
    {
        if (!"on".equals(onOff) && !"off".equals(onOff))
        {
            throw invalid("--mixed-precision must be on or off but was '" + onOff + "'");
        }
        config.mixedPrecision("on".equals(onOff));
    }

    @Option(names = "--host", paramLabel = "HOST", defaultValue = SimulatorConfig.DEFAULT_HOST,
        description = "Address both servers bind (default: ${DEFAULT-VALUE}).")
    void host(final String host)
    {
        if (host.isBlank())
        {
            throw invalid("--host must not be empty");
        }
        config.host(host);
    }

    @Option(names = "--faults", paramLabel = "SPEC", description = SimFaultSchedule.HELP)
    void faults(final String spec)
    {
        try
        {
            config.faultSchedule(SimFaultSchedule.parse(spec));
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid("--faults: " + ex.getMessage());
        }
    }

    /**
     * @return the configuration the options built.
     */
    public SimulatorConfig config()
    {
        return config;
    }

    public Integer call()
    {
        if (config.wsPort() != 0 && config.wsPort() == config.restPort())
        {
            throw invalid("--rest-port must differ from --port, or either be 0 (both were " + config.wsPort() + ")");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final CountDownLatch urlsPrinted = new CountDownLatch(1);
        config.faultLog((line) -> printFault(out, urlsPrinted, line));
        try
        {
            config.validate();
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid(ex.getMessage());
        }
        final ShutdownSignalBarrier barrier = SignalExit.barrier();
        int status = 0;
        try (Simulator simulator = Simulator.start(config))
        {
            out.println("ws=" + simulator.wsUrl() + " rest=" + simulator.restUrl());
            out.flush();
            urlsPrinted.countDown();
            barrier.await();
        }
        catch (final UncheckedIOException ex)
        {
            final PrintWriter err = spec.commandLine().getErr();
            err.println("sim: " + ex.getMessage() + ": " + ex.getCause().getMessage());
            err.flush();
            status = 1;
        }
        out.flush();
        SignalExit.haltIfSignalled(status);
        barrier.close();
        return status;
    }

    /** A fault at 0s must not print before the URL line, which scripts read first. */
    private static void printFault(final PrintWriter out, final CountDownLatch urlsPrinted, final String line)
    {
        try
        {
            urlsPrinted.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        out.println(line);
        out.flush();
    }

    private int checkPort(final String option, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw invalid(option + " must be 0..65535 but was " + port);
        }
        return port;
    }

    private ParameterException invalid(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
