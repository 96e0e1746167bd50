package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process market-data exchange for system tests and demos, speaking one {@link Venue}'s protocol
 * ({@link SimulatorConfig#venue(Venue)}): a WebSocket server with the venue's depth streams and
 * subscription messages, a REST server with Binance's depth snapshots (the other venues send theirs on the
 * stream), and one generator thread moving {@link SimBook}s at the configured rate. {@link #symbols()} are
 * the instrument names as the venue spells them.
 *
 * <p>{@link #start(SimulatorConfig)} binds both ports before returning; {@link #close()} is idempotent
 * and returns once the ports are released and the simulator's threads have ended. Getters may be called
 * from any thread.
 *
 * <p>{@link #faults()} injects faults by hand; a {@link SimulatorConfig#faultSchedule(SimFaultSchedule)}
 * runs them on a timer thread the simulator owns, times counted from the end of {@code start}.
 */
public final class Simulator implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final long START_TIMEOUT_MS = 5_000;
    private static final long COMMAND_TIMEOUT_MS = 5_000;
    private static final int ACCEPT_BACKLOG = 128;

    private final SimulatorConfig config;
    private final int symbolCount;
    private final SimSymbols symbols;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SimFaults faults;
    private final SimGeneratorAgent agent;
    private ServerSocketChannel wsChannel;
    private SimWebSocketServer wsServer;
    private SimRestServer restServer;
    private AgentRunner agentRunner;
    private SimFaultScheduler faultScheduler;
    private String wsUrl;
    private String restUrl;

    private Simulator(final SimulatorConfig config)
    {
        this.config = config;
        this.symbolCount = config.symbolCount();
        this.symbols = SimSymbols.forVenue(config.venue(), symbolCount, config.mixedPrecision());
        this.faults = new SimFaults(SimFaults.hasChecksum(config.venue()));
        this.agent = new SimGeneratorAgent(config, faults, SystemNanoClock.INSTANCE, SystemEpochClock.INSTANCE);
    }

    /**
     * Binds the WebSocket and REST ports, then starts serving and generating.
     *
     * @throws IllegalStateException    when the JVM lacks an option of {@link io.fathom.engine.JvmOptions#REQUIRED}
     *                                  (the simulator runs on Agrona too).
     * @throws IllegalArgumentException when the config is out of range.
     * @throws UncheckedIOException     when a port cannot be bound; anything started is closed first.
     */
    public static Simulator start(final SimulatorConfig config)
    {
        io.fathom.engine.JvmOptions.check();
        config.validate();
        final Simulator simulator = new Simulator(config);
        try
        {
            simulator.open();
            return simulator;
        }
        catch (final Throwable ex)
        {
            try
            {
                simulator.close();
            }
            catch (final Throwable closeEx)
            {
                ex.addSuppressed(closeEx);
            }
            throw ex;
        }
    }

    /**
     * {@code ws://host:port}: for the Binance venues append {@code /stream?streams=...} or
     * {@code /ws/<stream>}; the other venues accept any path and subscribe by message.
     */
    public String wsUrl()
    {
        return wsUrl;
    }

    /**
     * {@code http://host:port}; append the Binance venue's depth path, e.g. {@code /api/v3/depth?symbol=...}.
     */
    public String restUrl()
    {
        return restUrl;
    }

    public int wsPort()
    {
        return wsServer.getPort();
    }

    public int restPort()
    {
        return restServer.port();
    }

    public int symbolCount()
    {
        return symbolCount;
    }

    public Venue venue()
    {
        return config.venue();
    }

    /** The venue's name of instrument {@code index}, e.g. {@code SYM0} on Binance spot, {@code SYM0/USD} on Kraken. */
    public String symbol(final int index)
    {
        return symbols.name(index);
    }

    /**
     * @return every instrument's name as the venue spells it, in index order.
     */
    public List<String> symbols()
    {
        return symbols.names();
    }

    /** The Binance diff-depth stream of instrument {@code index}, e.g. {@code sym0@depth@100ms}. */
    public String depthStream(final int index)
    {
        return symbols.stream(index);
    }

    /**
     * Decimals of the instruments' price tick: every price is a multiple of {@code 10^-pricePrecision}. What
     * Kraken's instrument channel calls {@code price_precision}, which a Kraken v2 checksum needs.
     */
    public int pricePrecision()
    {
        return SimNumberFormat.PRICE_PRECISION;
    }

    /** What Kraken's instrument channel calls {@code qty_precision}; quantities are multiples of 0.001. */
    public int quantityPrecision()
    {
        return SimNumberFormat.QUANTITY_PRECISION;
    }

    /** Diffs generated across all books, listened to or not. */
    public long depthMessagesGenerated()
    {
        return agent.depthMessagesGenerated();
    }

    /** Depth frames handed to connections. */
    public long framesSent()
    {
        return agent.framesSent();
    }

    public int connectionsOpen()
    {
        return agent.connectionsOpen();
    }

    /** Stream subscriptions summed over open connections. */
    public int subscriptions()
    {
        return agent.subscriptions();
    }

    /** Connections dropped because too many frames were queued to them. */
    public long slowConsumersDropped()
    {
        return agent.slowConsumersDropped();
    }

    /**
     * @return the faults to inject into this simulator and what they observed; usable from any thread.
     */
    public SimFaults faults()
    {
        return faults;
    }

    /** Stops generating diffs; when this returns no further diff is generated or sent until {@link #resume()}. */
    public void pause()
    {
        control(true);
    }

    /** Restarts generating, scheduling from now (no catch-up burst for the paused time). */
    public void resume()
    {
        control(false);
    }

    /**
     * Stops the fault schedule, the generator, then the REST server, then the WebSocket server (close
     * frames, then sockets), waiting for their threads. Idempotent.
     */
    public void close()
    {
        if (closed.compareAndSet(false, true))
        {
            CloseHelper.closeAll(faultScheduler, agentRunner, restServer, wsServer, wsChannel);
        }
    }

    private void open()
    {
        final String host = config.host();
        try
        {
            wsChannel = ServerSocketChannel.open();
            wsChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            wsChannel.bind(new InetSocketAddress(host, config.wsPort()), ACCEPT_BACKLOG);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot bind WebSocket port " + host + ":" + config.wsPort(), ex);
        }
        wsServer = new SimWebSocketServer(wsChannel, agent, faults, config);
        agent.writeDemand(wsServer::onWriteDemand);
        faults.attach(wsServer);

        try
        {
            restServer = new SimRestServer(new InetSocketAddress(host, config.restPort()), agent, faults, symbols);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot bind REST port " + host + ":" + config.restPort(), ex);
        }

        try
        {
            wsServer.startAndAwait(START_TIMEOUT_MS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("WebSocket server did not start", ex);
        }
        restServer.start();

        final long intervalNs = config.ratePerSecond() == SimulatorConfig.RATE_MAX ?
            TimeUnit.MICROSECONDS.toNanos(100) : TimeUnit.SECONDS.toNanos(1) / config.ratePerSecond();
        final long maxParkNs = Math.max(TimeUnit.MICROSECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(1),
            intervalNs / 2));
        agentRunner = new AgentRunner(
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), maxParkNs),
            (throwable) -> LOG.error("simulator generator error", throwable),
            null,
            agent);
        AgentRunner.startOnThread(agentRunner);

        final String urlHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        wsUrl = "ws://" + urlHost + ":" + wsServer.getPort();
        restUrl = "http://" + urlHost + ":" + restServer.port();

        if (!config.faultSchedule().isEmpty())
        {
            faultScheduler = new SimFaultScheduler(config.faultSchedule(), faults, config.faultLog());
            faultScheduler.start(System.nanoTime());
        }
    }

    private void control(final boolean pause)
    {
        if (closed.get())
        {
            return;
        }
        final CompletableFuture<Void> done = new CompletableFuture<>();
        if (!agent.submit(() -> agent.onPause(pause, done)))
        {
            return;
        }
        try
        {
            done.get(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("generator did not " + (pause ? "pause" : "resume"), ex);
        }
    }
}
