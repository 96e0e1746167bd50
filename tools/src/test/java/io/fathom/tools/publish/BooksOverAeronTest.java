package io.fathom.tools.publish;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.subscribe.BookSubscriber;
import io.fathom.engine.subscribe.SubscriberContext;
import io.fathom.engine.view.BookLevels;
import io.fathom.engine.view.BookView;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine publishes its books over Aeron IPC while it runs against the simulator; a subscriber that was there
 * from the start and one that joined late both end with the engine's final books, book by book, level by level.
 */
class BooksOverAeronTest
{
    private static final int SYMBOLS = 12;
    private static final int DEPTH = 20;

    @TempDir
    Path dir;

    /**
     * No periodic snapshot in the run: the subscriber, connected after the engine started, gets every book whole
     * once (the engine could not send them while nobody listened), then only level changes.
     */
    @Test
    void aSubscriberEndsWithTheEnginesFinalBooksFromLevelChanges() throws Exception
    {
        run(Duration.ofHours(1), false);
    }

    /** A subscriber that joins while the engine runs has every book valid from the next periodic snapshots. */
    @Test
    void aLateJoinerRecoversFromPeriodicSnapshots() throws Exception
    {
        run(Duration.ofMillis(300), true);
    }

    /**
     * No periodic snapshot in the run: a subscriber that joins while the engine runs asks for the books on the
     * control stream and has every book valid from the answers.
     */
    @Test
    void aLateJoinerWithoutPeriodicSnapshotsAsksForTheBooks() throws Exception
    {
        run(Duration.ofHours(1), true);
    }

    private void run(final Duration snapshotInterval, final boolean lateJoiner) throws Exception
    {
        final List<BookSubscriber> subscribers = new ArrayList<>();
        final List<AgentRunner> runners = new ArrayList<>();
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED).dirDeleteOnStart(true).dirDeleteOnShutdown(true));
            Simulator simulator = Simulator.start(new SimulatorConfig()
                .symbolCount(SYMBOLS).ratePerSecond(600).seed(11).wsPort(0).restPort(0)))
        {
            final File aeronDir = new File(driver.aeronDirectoryName());
            final EngineContext context = new EngineContext()
                .venue("binance").symbols(simulator.symbols())
                .url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .runDir(dir.resolve("run").toFile()).journal(false);
            context.publish().channel("aeron:ipc").aeronDir(aeronDir).snapshotInterval(snapshotInterval);
            final Engine engine = Engine.launch(context);
            try
            {
                final BookSubscriber early = start(aeronDir, subscribers, runners);
                Await.until(() -> allValid(early, simulator.symbols()), Duration.ofSeconds(60), "every book valid at the early subscriber");
                if (lateJoiner)
                {
                    final BookSubscriber late = start(aeronDir, subscribers, runners);
                    Await.until(() -> allValid(late, simulator.symbols()), Duration.ofSeconds(60), "every book valid at the late joiner");
                    assertThat(late.snapshots()).as("the late joiner's books came from snapshots").isGreaterThanOrEqualTo(SYMBOLS);
                    if (snapshotInterval.toMinutes() >= 60)
                    {
                        assertThat(late.snapshotRequests()).as("requests sent").isPositive();
                        assertThat(engine.counters().value(SystemCounter.PUBLISH_REQUESTS)).as("requests read").isPositive();
                        assertThat(engine.counters().value(SystemCounter.PUBLISH_REQUEST_ANSWERS)).as("books answered")
                            .isGreaterThanOrEqualTo(SYMBOLS);
                        assertThat(engine.counters().value(SystemCounter.PUBLISH_REQUESTS_REFUSED)).isZero();
                    }
                }
                final long messages = early.messages();
                Await.until(() -> early.messages() > messages + 10 * SYMBOLS, Duration.ofSeconds(30), "level changes flow");
            }
            finally
            {
                assertThat(engine.shutdown().clean()).isTrue();
            }
            assertThat(engine.counters().value(SystemCounter.PUBLISH_MESSAGES)).isPositive();
            for (final BookSubscriber subscriber : subscribers)
            {
                Await.until(() -> mismatches(engine, subscriber).isEmpty(), Duration.ofSeconds(30),
                    () -> "subscriber's books equal the engine's final books: " + mismatches(engine, subscriber));
                assertThat(subscriber.sequenceGaps()).isZero();
                assertThat(subscriber.refused()).isZero();
            }
            if (!lateJoiner)
            {
                // a book the subscriber asked for while its first snapshot was on its way (a slow host), or one the
                // engine resynced, comes whole once more; nothing else may
                final long answered = engine.counters().value(SystemCounter.PUBLISH_REQUEST_ANSWERS);
                final long resyncs = engine.counters().value(SystemCounter.RESYNCS);
                assertThat(subscribers.get(0).snapshots())
                    .as("one snapshot a book, then changes alone (%d requests answered, %d resyncs)", answered, resyncs)
                    .isBetween((long)SYMBOLS, SYMBOLS + answered + resyncs);
            }
        }
        finally
        {
            runners.forEach(CloseHelper::quietClose);
        }
    }

    /**
     * A subscriber that stops reading fills the publication's window: the engine's offers are refused
     * back-pressured and counted, its books and ring carry on, and once the subscriber reads again the books it
     * lost messages of are sent whole, so it ends with the engine's final books.
     */
    @Test
    void aSubscriberThatStopsReadingCostsTheEngineCountedRefusalsAndThenResyncs() throws Exception
    {
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED).dirDeleteOnStart(true).dirDeleteOnShutdown(true));
            Simulator simulator = Simulator.start(new SimulatorConfig()
                .symbolCount(SYMBOLS).ratePerSecond(2_000).seed(13).wsPort(0).restPort(0)))
        {
            final File aeronDir = new File(driver.aeronDirectoryName());
            final String channel = "aeron:ipc?term-length=65536"; // a 32 KB window: a second of changes fills it
            final EngineContext context = new EngineContext()
                .venue("binance").symbols(simulator.symbols())
                .url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .runDir(dir.resolve("run").toFile()).journal(false);
            context.publish().channel(channel).aeronDir(aeronDir).snapshotInterval(Duration.ofHours(1));
            final Engine engine = Engine.launch(context);
            final BookSubscriber subscriber = BookSubscriber.connect(
                new SubscriberContext().channel(channel).aeronDir(aeronDir).viewDepth(DEPTH));
            final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, subscriber);
            try
            {
                Await.until(() -> engine.counters().value(SystemCounter.PUBLISH_BACK_PRESSURED) > 0, Duration.ofSeconds(60),
                    "offers refused while the subscriber does not read");
                final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
                Await.until(() -> engine.counters().value(SystemCounter.EVENTS_CONSUMED) > consumed + 100, Duration.ofSeconds(30),
                    "the book handler carries on");
                AgentRunner.startOnThread(runner);
                Await.until(() -> allValid(subscriber, simulator.symbols()), Duration.ofSeconds(60), "every book valid once it reads");
            }
            finally
            {
                assertThat(engine.shutdown().clean()).isTrue();
            }
            Await.until(() -> mismatches(engine, subscriber).isEmpty(), Duration.ofSeconds(30),
                () -> "subscriber's books equal the engine's final books: " + mismatches(engine, subscriber));
            assertThat(engine.counters().value(SystemCounter.RING_FULL_DROPS)).isZero();
            CloseHelper.close(runner);
        }
    }

    private static BookSubscriber start(final File aeronDir, final List<BookSubscriber> subscribers, final List<AgentRunner> runners)
    {
        final BookSubscriber subscriber = BookSubscriber.connect(
            new SubscriberContext().channel("aeron:ipc").aeronDir(aeronDir).viewDepth(DEPTH));
        subscribers.add(subscriber);
        final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, subscriber);
        runners.add(runner);
        AgentRunner.startOnThread(runner);
        return subscriber;
    }

    private static boolean allValid(final BookSubscriber subscriber, final List<String> symbols)
    {
        final BookLevels levels = new BookLevels(1);
        for (final String symbol : symbols)
        {
            final BookView view = subscriber.bookView(symbol);
            if (view == null || !view.read(levels, 1))
            {
                return false;
            }
        }
        return true;
    }

    /** Symbols whose book at the subscriber differs from the engine's final book, with what differs. */
    private static List<String> mismatches(final Engine engine, final BookSubscriber subscriber)
    {
        final List<String> mismatches = new ArrayList<>();
        final BookLevels levels = new BookLevels(DEPTH);
        for (int id = 0; id < engine.bookCount(); id++)
        {
            final String symbol = engine.instruments().symbol(id);
            final OrderBook book = engine.bookHandler().book(id);
            final boolean live = engine.bookHandler().state(id) == SyncState.LIVE;
            final BookView view = subscriber.bookView(symbol);
            final boolean valid = view != null && view.read(levels, DEPTH);
            if (valid != live)
            {
                mismatches.add(symbol + " valid " + valid + " engine live " + live);
            }
            else if (live && !sameLevels(book, levels))
            {
                mismatches.add(symbol + " update id " + levels.updateId() + " engine " + book.updateId());
            }
        }
        return mismatches;
    }

    private static boolean sameLevels(final OrderBook book, final BookLevels levels)
    {
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        if (levels.updateId() != book.updateId() ||
            levels.bidCount() != Math.min(DEPTH, bids.size()) || levels.askCount() != Math.min(DEPTH, asks.size()))
        {
            return false;
        }
        for (int i = 0; i < levels.bidCount(); i++)
        {
            if (levels.bidPriceMantissa(i) != bids.price(i) || levels.bidQuantityMantissa(i) != bids.quantity(i))
            {
                return false;
            }
        }
        for (int i = 0; i < levels.askCount(); i++)
        {
            if (levels.askPriceMantissa(i) != asks.price(i) || levels.askQuantityMantissa(i) != asks.quantity(i))
            {
                return false;
            }
        }
        return true;
    }
}
