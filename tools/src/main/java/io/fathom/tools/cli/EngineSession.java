package io.fathom.tools.cli;

import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.EngineThreading;
import io.fathom.engine.LatencyTracker;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an engine until SIGTERM/SIGINT or a duration, printing a progress line a second, then runs
 * the shutdown sequence on this (the main) thread and reports it.
 *
 * <p>Signals reach an Agrona {@link ShutdownSignalBarrier} ({@link SignalExit#barrier()}), whose JVM
 * shutdown hook waits until the sequence is done. A signal that arrives before or during the launch lets
 * it finish, then shuts down what it built; one that came before the journal library could load (so no
 * journal can open) ends the session at once with status 0. When a signal started it, the process then ends with the sequence's own exit
 * status (0 when clean, see {@link SignalExit}); a second signal meanwhile does nothing, since the
 * JVM is already shutting down.
 */
public final class EngineSession
{
    private final PrintStream out;
    private final ShutdownSignalBarrier barrier;
    private final boolean journalLoaded;

    /**
     * Installs the signal barrier at once, so a signal that arrives while the command is still setting up
     * (starting a simulator, setting up the context, launching) is held and answered with an orderly
     * shutdown; construct it first thing in a command, and call {@link #run} or {@link #abort}.
     */
    public EngineSession(final PrintStream out)
    {
        this.out = out;
        boolean loaded = false;
        try
        {
            Journal.loadLibrary();
            loaded = true;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // a signal came first, so Chronicle could not register its hook; run() will launch nothing
            if (!SignalExit.jvmShuttingDown())
            {
                throw ex;
            }
        }
        this.journalLoaded = loaded;
        this.barrier = SignalExit.barrier();
    }

    /**
     * The command failed before {@link #run}: releases the barrier and returns the exception to rethrow;
     * when a signal already started the JVM's shutdown, reports the failure and halts with status 1.
     */
    public RuntimeException abort(final RuntimeException ex)
    {
        if (SignalExit.jvmShuttingDown())
        {
            out.println("engine did not start: " + ex);
            SignalExit.haltIfSignalled(1);
        }
        barrier.close();
        return ex;
    }

    /**
     * @param afterEngineShutdown run after the engine's shutdown sequence (the demo closes its simulator).
     * @return the exit status: 0 when every shutdown phase completed.
     */
    public int run(
        final EngineContext context,
        final EngineOptions options,
        final Runnable afterEngineShutdown)
    {
        if (!journalLoaded)
        {
            afterEngineShutdown.run();
            out.println("signal received before the engine started: exiting");
            out.flush();
            SignalExit.haltIfSignalled(0);
        }
        final AtomicBoolean programmaticStop = new AtomicBoolean();
        InstrumentsOption.reportUnheld(context, out);
        final Engine engine;
        try
        {
            engine = Engine.launch(context);
        }
        catch (final RuntimeException ex)
        {
            afterEngineShutdown.run();
            throw abort(ex);
        }

        final Thread progress = new Thread(() -> printProgress(engine), "fathom-progress");
        progress.setDaemon(true);
        if (!options.quiet)
        {
            progress.start();
        }
        Thread timer = null;
        if (options.duration != null)
        {
            final Duration duration = options.duration;
            timer = new Thread(() ->
            {
                try
                {
                    Thread.sleep(duration.toMillis());
                    programmaticStop.set(true);
                    barrier.signal();
                }
                catch (final InterruptedException ignore)
                {
                    Thread.currentThread().interrupt();
                }
            }, "fathom-duration");
            timer.setDaemon(true);
            timer.start();
        }

        final AtomicBoolean sourceDone = new AtomicBoolean();
        engine.sourceDone().thenRun(() ->
        {
            sourceDone.set(true);
            programmaticStop.set(true);
            barrier.signal();
        });

        final AtomicBoolean journalFull = new AtomicBoolean();
        engine.journalFull().thenRun(() ->
        {
            journalFull.set(true);
            programmaticStop.set(true);
            barrier.signal();
        });

        if (engine.context().threading().mode() == EngineThreading.INVOKER)
        {
            invokeUntilSignalled(engine);
        }
        else
        {
            barrier.await();
        }
        final boolean bySignal = !programmaticStop.get();
        progress.interrupt();
        if (timer != null)
        {
            timer.interrupt();
        }
        out.println(bySignal ? "signal received: shutting down" : journalFull.get() ?
            "journal disk short of space (--journal-full stop): shutting down" :
            sourceDone.get() ? "journal replayed: shutting down" : "duration elapsed: shutting down");

        final ShutdownReport report = engine.shutdown();
        afterEngineShutdown.run();
        printReport(report);
        final String summary = summaryJson(engine, report);
        printSummary(engine);
        if (options.summaryJson != null)
        {
            try
            {
                Files.writeString(options.summaryJson.toPath(), summary + "\n", StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                out.println("could not write " + options.summaryJson + ": " + ex.getMessage());
            }
        }
        final int status = report.clean() && !journalFull.get() ? 0 : 1;
        out.flush();
        SignalExit.haltIfSignalled(status);
        barrier.close();
        return status;
    }

    /**
     * Under {@link EngineThreading#INVOKER}: this thread launched the engine and now drives it, idling as the
     * profile's I/O agents would, until a signal, the duration or the source's end releases the barrier (awaited
     * on a thread of its own).
     */
    private void invokeUntilSignalled(final Engine engine)
    {
        final AtomicBoolean released = new AtomicBoolean();
        final Thread waiter = new Thread(() ->
        {
            barrier.await();
            released.set(true);
        }, "fathom-signal-wait");
        waiter.setDaemon(true);
        waiter.start();
        final IdleStrategy idle = engine.context().threading().profile().newIoIdleStrategy();
        while (!released.get())
        {
            idle.idle(engine.invoke());
        }
    }

    private void printProgress(final Engine engine)
    {
        final EngineCounters counters = engine.counters();
        long lastMessages = counters.value(SystemCounter.MESSAGES_RECEIVED);
        long lastNs = System.nanoTime();
        final long startNs = lastNs;
        final Histogram interval = LatencyTracker.newHistogram();
        final ProgressLine line = new ProgressLine();
        while (!Thread.currentThread().isInterrupted())
        {
            try
            {
                Thread.sleep(1000);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            final long nowNs = System.nanoTime();
            final long messages = counters.value(SystemCounter.MESSAGES_RECEIVED);
            final double rate = (messages - lastMessages) * 1e9 / Math.max(1, nowNs - lastNs);
            engine.latency().lastInterval(interval);
            line.print(out, engine, new ProgressLine.Figures((nowNs - startNs) / 1_000_000_000L, rate, engine.ringFill(),
                counters.value(SystemCounter.JOURNAL_RECORDS), counters.value(SystemCounter.GAPS)), interval);
            lastMessages = messages;
            lastNs = nowNs;
        }
    }

    private static String micros(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? "-" : (histogram.getValueAtPercentile(percentile) / 1000) + "us";
    }

    private void printReport(final ShutdownReport report)
    {
        out.printf("shutdown: halt producers %s in %d ms%n", done(report.haltProducersComplete()), report.haltProducersMs());
        out.printf("shutdown: drain handlers %s in %d ms%n", done(report.drainComplete()), report.drainMs());
        out.printf("shutdown: disconnect     %s in %d ms%n", done(report.disconnectComplete()), report.disconnectMs());
        out.printf("shutdown: final flush    %s in %d ms%n", done(report.flushComplete()), report.flushMs());
        out.printf("shutdown: close          %s in %d ms%n", done(report.closeComplete()), report.closeMs());
        out.printf("shutdown: %s in %d ms on thread %s%n", report.clean() ? "clean" : "NOT CLEAN", report.totalMs(),
            report.threadName());
        for (final String failure : report.failures())
        {
            out.println("shutdown: incomplete: " + failure);
        }
    }

    private static String done(final boolean complete)
    {
        return complete ? "complete  " : "INCOMPLETE";
    }

    private void printSummary(final Engine engine)
    {
        final EngineCounters c = engine.counters();
        final Histogram latency = engine.latency().total();
        out.printf("summary: messages=%d published=%d consumed=%d applied=%d discarded=%d journal=%s gaps=%d resyncs=%d " +
            "books=%d valid=%d decode_errors=%d latency p50=%s p99=%s p99.9=%s max=%s%n",
            c.value(SystemCounter.MESSAGES_RECEIVED),
            c.value(SystemCounter.EVENTS_PUBLISHED),
            c.value(SystemCounter.EVENTS_CONSUMED),
            c.value(SystemCounter.EVENTS_APPLIED),
            c.value(SystemCounter.EVENTS_DISCARDED),
            engine.context().journalEnabled() ? String.valueOf(c.value(SystemCounter.JOURNAL_RECORDS)) : "off",
            c.value(SystemCounter.GAPS),
            c.value(SystemCounter.RESYNCS),
            engine.bookCount(),
            validBooks(engine),
            c.value(SystemCounter.DECODE_ERRORS),
            micros(latency, 50.0), micros(latency, 99.0), micros(latency, 99.9),
            latency.getTotalCount() == 0 ? "-" : (latency.getMaxValue() / 1000) + "us");
        VenueBooks.summary(engine).forEach(out::println);
    }

    private static int validBooks(final Engine engine)
    {
        int valid = 0;
        for (int id = 0; id < engine.bookCount(); id++)
        {
            if (engine.bookHandler().state(id) == SyncState.LIVE)
            {
                valid++;
            }
        }
        return valid;
    }

    /** The summary; valid after the engine's shutdown. */
    static String summaryJson(final Engine engine, final ShutdownReport report)
    {
        final EngineCounters c = engine.counters();
        final Histogram latency = engine.latency().total();
        final JsonWriter json = new JsonWriter().beginObject();
        for (final SystemCounter counter : SystemCounter.values())
        {
            json.field(counter.label(), c.value(counter));
        }
        json.field("journal", engine.context().journalEnabled())
            .field("books", engine.bookCount())
            .field("books_valid", validBooks(engine))
            .name("latency_us").beginObject()
            .field("count", latency.getTotalCount())
            .field("p50", latency.getValueAtPercentile(50.0) / 1000.0)
            .field("p99", latency.getValueAtPercentile(99.0) / 1000.0)
            .field("p999", latency.getValueAtPercentile(99.9) / 1000.0)
            .field("max", latency.getMaxValue() / 1000.0)
            .endObject()
            .name("shutdown").beginObject()
            .field("halt_producers_ms", report.haltProducersMs())
            .field("drain_ms", report.drainMs())
            .field("disconnect_ms", report.disconnectMs())
            .field("flush_ms", report.flushMs())
            .field("close_ms", report.closeMs())
            .field("total_ms", report.totalMs())
            .field("clean", report.clean())
            .name("failures").beginArray();
        for (final String failure : report.failures())
        {
            json.value(failure);
        }
        json.endArray().endObject();
        InstrumentsJson.ofEngine(json, engine);
        json.endObject();
        return json.toString();
    }
}
