package io.fathom.examples;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embeds the engine: launches a simulated venue and the engine against it, reads the top of every book once a
 * second from a strategy thread of its own, reports books that are not valid (the venue drops every connection
 * half-way, so they resync), and shuts down in order: strategy, engine, venue.
 *
 * <p>Run: {@code java -jar examples/target/fathom-examples.jar --seconds 5}.
 */
public final class TopOfBookExample
{
    /** How long the strategy runs unless {@code --seconds N} says otherwise. */
    public static final int DEFAULT_SECONDS = 5;

    private TopOfBookExample()
    {
    }

    /**
     * What a run saw.
     *
     * @param validReads    reads of a valid book by the strategy thread.
     * @param invalidReads  reads of a book not valid (not yet synced, or resyncing).
     * @param invalidations books the engine told the listener were invalidated.
     * @param shutdown      how the engine shut down.
     */
    public record Result(long validReads, long invalidReads, long invalidations, ShutdownReport shutdown)
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Result result = run(seconds(args), System.out);
        System.out.println("done: " + result.validReads() + " valid reads, " + result.invalidReads() +
            " invalid, " + result.invalidations() + " invalidations; shutdown " +
            (result.shutdown().clean() ? "clean" : "not clean " + result.shutdown().failures()));
        if (!result.shutdown().clean())
        {
            System.exit(1);
        }
    }

    /** Runs the example for {@code seconds}, printing to {@code out}; returns once everything is closed. */
    public static Result run(final int seconds, final PrintStream out) throws IOException, InterruptedException
    {
        final Path dir = Files.createTempDirectory("fathom-example");
        final AtomicLong invalidations = new AtomicLong();
        try (Simulator venue = Simulator.start(new SimulatorConfig()
            .symbolCount(3).ratePerSecond(200).seed(1).wsPort(0).restPort(0)))
        {
            final EngineContext context = new EngineContext()
                .venue("binance").symbols(venue.symbols())
                .url(venue.wsUrl()).restUrl(venue.restUrl())
                .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile())
                .bookListener(new BookListener()
                {
                    @Override
                    public void onBookUpdate(final OrderBook book, final boolean topChanged, final double pressure)
                    {
                    }

                    @Override
                    public void onBookInvalid(final String symbol, final int instrumentId, final int reason)
                    {
                        // on the engine's handler thread: never block here, hand the news over
                        invalidations.incrementAndGet();
                    }
                });
            try (Engine engine = Engine.launch(context))
            {
                final Strategy strategy = new Strategy(engine, venue.symbols(), seconds, out);
                final Thread thread = new Thread(strategy, "strategy");
                thread.start();
                Thread.sleep(seconds * 500L);
                out.println("venue: dropping every connection");
                venue.faults().dropAllConnections();
                thread.join();
                return new Result(strategy.validReads, strategy.invalidReads, invalidations.get(), engine.shutdown());
            }
        }
    }

    private static int seconds(final String[] args)
    {
        for (int i = 0; i < args.length - 1; i++)
        {
            if ("--seconds".equals(args[i]))
            {
                final int seconds = Integer.parseInt(args[i + 1]);
                if (seconds < 1 || seconds > 3600)
                {
                    throw new IllegalArgumentException("--seconds must be 1..3600 (got " + seconds + ")");
                }
                return seconds;
            }
        }
        return DEFAULT_SECONDS;
    }

    /** Reads the top of every book once a second; one reusable copy, so reads allocate nothing. */
    private static final class Strategy implements Runnable
    {
        private final BookView[] views;
        private final int seconds;
        private final PrintStream out;
        private final TopOfBook top = new TopOfBook();
        long validReads;
        long invalidReads;

        Strategy(final Engine engine, final List<String> symbols, final int seconds, final PrintStream out)
        {
            this.views = new BookView[symbols.size()];
            for (int i = 0; i < views.length; i++)
            {
                views[i] = engine.bookView(symbols.get(i));
            }
            this.seconds = seconds;
            this.out = out;
        }

        @Override
        public void run()
        {
            final long startNs = System.nanoTime();
            for (int second = 1; second <= seconds; second++)
            {
                pauseUntil(startNs + second * 1_000_000_000L);
                for (final BookView view : views)
                {
                    if (view.read(top))
                    {
                        validReads++;
                        out.printf("%s bid %s x %s  ask %s x %s  (update %d)%n", view.symbol(),
                            top.bidPrice(), top.bidQuantity(), top.askPrice(), top.askQuantity(), top.updateId());
                    }
                    else
                    {
                        invalidReads++;
                        out.printf("%s not valid: %s; not trading it%n", view.symbol(),
                            BookCopy.reasonName(top.invalidReason()));
                    }
                }
            }
        }

        private static void pauseUntil(final long deadlineNs)
        {
            for (long leftNs = deadlineNs - System.nanoTime(); leftNs > 0; leftNs = deadlineNs - System.nanoTime())
            {
                try
                {
                    Thread.sleep(leftNs / 1_000_000, (int)(leftNs % 1_000_000));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
