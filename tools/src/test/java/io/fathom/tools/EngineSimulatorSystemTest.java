package io.fathom.tools;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineConfig;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.status.SystemCounter;
import io.fathom.tools.replay.JournalReader;
import io.fathom.tools.sim.SimBook;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator and the engine on loopback: the engine is closed while the simulator is still
 * streaming, and the journal must then hold every applied delta and a final snapshot of every
 * book that equals, level for level, the simulator's own book at the same update id.
 */
class EngineSimulatorSystemTest
{
    private static final int SYMBOLS = 20;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void closesMidStreamAndJournalsBooksEqualToTheSimulators()
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(4_000).seed(SEED).wsPort(0).restPort(0)))
        {
            final List<String> symbols = new ArrayList<>();
            for (int i = 0; i < SYMBOLS; i++)
            {
                symbols.add(simulator.symbol(i));
            }
            final Engine engine = Engine.launch(EngineConfig.builder()
                .symbols(symbols)
                .wsBaseUrl(simulator.wsUrl())
                .restBaseUrl(simulator.restUrl())
                .streamsPerConnection(8)
                .snapshotRatePerSecond(1_000)
                .connectRatePerSecond(100)
                .connectBurst(10)
                .journalSnapshotInterval(Duration.ofMillis(300))
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile())
                .build());
            final ShutdownReport report;
            try
            {
                awaitTrue(() -> engine.booksLive() == SYMBOLS, "every book live");
                final long seen = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                awaitTrue(() -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > seen + 2_000, "deltas flowing");
                assertThat(simulator.framesSent()).isGreaterThan(0);
            }
            finally
            {
                report = engine.shutdown();
            }

            assertThat(report.failures()).isEmpty();
            assertThat(report.clean()).isTrue();
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
            assertThat(consumed).isEqualTo(published);
            assertThat(engine.counters().value(SystemCounter.EVENTS_APPLIED) +
                engine.counters().value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(consumed);
            assertThat(engine.counters().value(SystemCounter.GAPS)).isZero();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();

            final JournalContents journal = readJournal(dir.resolve("journal"));
            assertThat(journal.deltas).isEqualTo(engine.counters().value(SystemCounter.DELTAS_APPLIED));
            assertThat(journal.finals).hasSize(SYMBOLS);
            assertThat(journal.periodic).as("periodic snapshots").isGreaterThan(0);
            assertThat(journal.verifyDifferences).as("rebuilt books differing from journaled snapshots").isEmpty();

            final DepthMessage scratch = new DepthMessage(SimBook.MAX_DIFF_LEVELS * 4);
            for (int id = 0; id < SYMBOLS; id++)
            {
                final OrderBook finalBook = journal.finals.get(id);
                assertThat(finalBook).as("final snapshot of %s", symbols.get(id)).isNotNull();
                final SimBook expected = SimBook.create(id, SEED);
                assertThat(expected.advanceTo(finalBook.updateId(), scratch))
                    .as("simulator reaches update id %d of %s", finalBook.updateId(), symbols.get(id)).isTrue();
                assertSameLevels(symbols.get(id), finalBook, expected);
            }
        }
    }

    private static void assertSameLevels(final String symbol, final OrderBook book, final SimBook expected)
    {
        assertThat(book.bids().size()).as("%s bid levels", symbol).isEqualTo(expected.bidCount());
        assertThat(book.asks().size()).as("%s ask levels", symbol).isEqualTo(expected.askCount());
        for (int i = 0; i < expected.bidCount(); i++)
        {
            assertThat(book.bids().price(i)).as("%s bid %d price", symbol, i).isEqualTo(expected.bidPrice(i));
            assertThat(book.bids().quantity(i)).as("%s bid %d qty", symbol, i).isEqualTo(expected.bidQuantity(i));
        }
        for (int i = 0; i < expected.askCount(); i++)
        {
            assertThat(book.asks().price(i)).as("%s ask %d price", symbol, i).isEqualTo(expected.askPrice(i));
            assertThat(book.asks().quantity(i)).as("%s ask %d qty", symbol, i).isEqualTo(expected.askQuantity(i));
        }
    }

    /** Final snapshots, and every book rebuilt from sync snapshots plus deltas checked against each later snapshot. */
    private static final class JournalContents
    {
        long deltas;
        long periodic;
        final Map<Integer, OrderBook> finals = new HashMap<>();
        final Map<Integer, OrderBook> rebuilt = new HashMap<>();
        final List<String> verifyDifferences = new ArrayList<>();
    }

    private static JournalContents readJournal(final Path directory)
    {
        final JournalContents contents = new JournalContents();
        final DeltaRecord delta = DeltaRecord.reader();
        final SnapshotRecord snapshot = SnapshotRecord.reader();
        try (JournalReader reader = new JournalReader(directory.toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                if (template == JournalTemplate.DELTA)
                {
                    delta.wrap(buffer, 0);
                    contents.deltas++;
                    final OrderBook book = contents.rebuilt.get(delta.instrumentId());
                    assertThat(book).as("delta before any sync snapshot").isNotNull();
                    for (int i = 0; i < delta.levelCount(); i++)
                    {
                        book.set(delta.side(i), delta.price(i), delta.quantity(i));
                    }
                    book.updateId(delta.lastUpdateId());
                }
                else if (template == JournalTemplate.SNAPSHOT)
                {
                    snapshot.wrap(buffer, 0);
                    final OrderBook book = toBook(snapshot);
                    final int id = snapshot.instrumentId();
                    switch (snapshot.reason())
                    {
                        case SnapshotRecord.REASON_SYNC:
                            contents.rebuilt.put(id, book);
                            break;
                        case SnapshotRecord.REASON_PERIODIC:
                            contents.periodic++;
                            compare(contents, "periodic", contents.rebuilt.get(id), book);
                            break;
                        default:
                            contents.finals.put(id, book);
                            compare(contents, "final", contents.rebuilt.get(id), book);
                    }
                }
            });
        }
        return contents;
    }

    private static void compare(final JournalContents contents, final String what, final OrderBook rebuilt, final OrderBook journaled)
    {
        if (rebuilt == null || !sameBook(rebuilt, journaled))
        {
            contents.verifyDifferences.add(what + " snapshot of instrument " + journaled.instrumentId() +
                " at update id " + journaled.updateId());
        }
    }

    private static boolean sameBook(final OrderBook a, final OrderBook b)
    {
        if (a.updateId() != b.updateId() || a.bids().size() != b.bids().size() || a.asks().size() != b.asks().size())
        {
            return false;
        }
        for (int i = 0; i < a.bids().size(); i++)
        {
            if (a.bids().price(i) != b.bids().price(i) || a.bids().quantity(i) != b.bids().quantity(i))
            {
                return false;
            }
        }
        for (int i = 0; i < a.asks().size(); i++)
        {
            if (a.asks().price(i) != b.asks().price(i) || a.asks().quantity(i) != b.asks().quantity(i))
            {
                return false;
            }
        }
        return true;
    }

    private static OrderBook toBook(final SnapshotRecord snapshot)
    {
        final OrderBook book = new OrderBook(snapshot.instrumentId(), 4096);
        for (int i = 0; i < snapshot.bidCount(); i++)
        {
            book.set(DepthMessage.BID, snapshot.bidPrice(i), snapshot.bidQuantity(i));
        }
        for (int i = 0; i < snapshot.askCount(); i++)
        {
            book.set(DepthMessage.ASK, snapshot.askPrice(i), snapshot.askQuantity(i));
        }
        book.updateId(snapshot.updateId());
        return book;
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
