package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.EngineThreading;
import io.fathom.engine.Profile;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.status.SystemCounter;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fathom as it ships, over the WebSocket client given: {@link Engine#launch} with a {@link io.fathom.engine.book.BookListener} that
 * timestamps each applied message against the simulator's schedule. Receipt-to-applied and
 * receipt-to-journaled are the engine's own histograms; its counters give received and applied.
 *
 * <p>Invoked ({@code fathom-invoker}), the engine has no thread of its own: one thread launches it and drives every
 * part of it ({@link EngineThreading#INVOKER}, selector transport) with {@link Engine#invoke()}, idling as the
 * profile's I/O agents would, until shutdown stops it and shuts the engine down.
 */
final class FathomClient extends LoadClient
{
    /** The system property naming the engine profile ({@code balanced}, …) the harness asks for. */
    static final String PROFILE_PROPERTY = "fathom.bench.profile";

    /** The engine's latency totals are sampled once a second by its status thread. */
    private static final long LATENCY_SAMPLE_WAIT_MS = 1_100;

    private final Transport transport;
    private final boolean invoked;
    private volatile boolean stopInvoking;
    private Thread invoker;
    private Engine engine;
    private Histogram appliedBase;
    private Histogram journaledBase;
    private Histogram journaledWindow;

    FathomClient(final Options options, final Transport transport, final boolean invoked)
    {
        super(options);
        this.transport = transport;
        this.invoked = invoked;
    }

    @Override
    void start()
    {
        final List<String> symbols = new ArrayList<>(options.symbols());
        for (int i = 0; i < options.symbols(); i++)
        {
            symbols.add("SYM" + i);
        }
        final File workDir = options.workDir();
        final Profile profile = Profile.find(System.getProperty(PROFILE_PROPERTY, Profile.BALANCED.id()));
        final EngineContext context = new EngineContext()
            .transport(transport)
            .symbols(symbols)
            .url(options.wsUrl())
            .restUrl(options.restUrl())
            .streamsPerConnection(options.streamsPerConnection())
            .snapshotRatePerSecond(2_000)
            .connectRatePerSecond(1_000)
            .connectBurst(Math.max(10, options.connections()))
            .maxConnectsInFlight(32)
            .runDir(new File(workDir, "run"))
            .journalDir(new File(workDir, "journal"))
            .profile(profile)
            .engineThreading(invoked ? EngineThreading.INVOKER : EngineThreading.DEDICATED)
            .bookListener(this::onBookUpdate);
        if (!invoked)
        {
            engine = Engine.launch(context);
            return;
        }
        final CompletableFuture<Engine> launched = new CompletableFuture<>();
        invoker = new Thread(() -> invokeUntilStopped(context, profile.newIoIdleStrategy(), launched), "fathom-invoker");
        invoker.start();
        engine = launched.join();
    }

    /** The invoking thread: launches the engine, then runs its duty cycles until {@link #shutdown()}. */
    private void invokeUntilStopped(final EngineContext context, final IdleStrategy idle, final CompletableFuture<Engine> launched)
    {
        final Engine invokedEngine;
        try
        {
            invokedEngine = Engine.launch(context);
        }
        catch (final RuntimeException ex)
        {
            launched.completeExceptionally(ex);
            return;
        }
        launched.complete(invokedEngine);
        while (!stopInvoking)
        {
            idle.idle(invokedEngine.invoke());
        }
    }

    private void onBookUpdate(final OrderBook book, final boolean topChanged, final double volumePressure)
    {
        recordApplied(book.instrumentId(), book.updateId(), System.nanoTime());
    }

    @Override
    boolean ready()
    {
        return engine.booksLive() == options.symbols();
    }

    @Override
    String progress()
    {
        return super.progress() + " books live " + engine.booksLive() + " gaps " + gaps() + " snapshot requests " +
            value(SystemCounter.SNAPSHOT_REQUESTS) + " failures " + value(SystemCounter.SNAPSHOT_FAILURES);
    }

    @Override
    long received()
    {
        return value(SystemCounter.MESSAGES_RECEIVED) - value(SystemCounter.MESSAGES_IGNORED);
    }

    @Override
    long applied()
    {
        return value(SystemCounter.DELTAS_APPLIED);
    }

    @Override
    long discarded()
    {
        return value(SystemCounter.EVENTS_DISCARDED);
    }

    @Override
    boolean idle()
    {
        return value(SystemCounter.EVENTS_PUBLISHED) == value(SystemCounter.EVENTS_CONSUMED);
    }

    @Override
    long gaps()
    {
        return value(SystemCounter.GAPS);
    }

    @Override
    void beforeBegin()
    {
        waitForLatencySample();
        appliedBase = engine.latency().total();
        journaledBase = engine.latency().journaledTotal();
    }

    @Override
    void beforeReport()
    {
        waitForLatencySample();
        journaledWindow = engine.latency().journaledTotal();
        journaledWindow.subtract(journaledBase);
    }

    @Override
    Histogram receiptToAppliedWindow()
    {
        final Histogram window = engine.latency().total();
        window.subtract(appliedBase);
        return window;
    }

    @Override
    Histogram journaled()
    {
        return journaledWindow;
    }

    @Override
    ObjectNode shutdown()
    {
        if (invoker != null)
        {
            stopInvoking = true;
            try
            {
                invoker.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        final long startNs = System.nanoTime();
        final ShutdownReport report = engine.shutdown();
        final long elapsedNs = System.nanoTime() - startNs;
        final ObjectNode shutdown = JSON.createObjectNode()
            .put("halt_producers_ms", report.haltProducersMs())
            .put("drain_ms", report.drainMs())
            .put("disconnect_ms", report.disconnectMs())
            .put("flush_ms", report.flushMs())
            .put("close_ms", report.closeMs())
            .put("total_ms", report.totalMs())
            .put("elapsed_us", TimeUnit.NANOSECONDS.toMicros(elapsedNs))
            .put("clean", report.clean())
            .put("books", engine.bookCount())
            .put("messages_after_halt", engine.counters().value(SystemCounter.MESSAGES_AFTER_HALT))
            .put("failures", String.join("; ", report.failures()));
        return JSON.createObjectNode().set("shutdown", shutdown);
    }

    private long value(final SystemCounter counter)
    {
        return engine.counters().value(counter);
    }

    private static void waitForLatencySample()
    {
        final long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATENCY_SAMPLE_WAIT_MS);
        while (untilNs - System.nanoTime() > 0)
        {
            LockSupport.parkNanos(untilNs - System.nanoTime());
        }
    }
}
