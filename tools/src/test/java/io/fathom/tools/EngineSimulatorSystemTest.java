package io.fathom.tools;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.replay.JournalVerifier;
import io.fathom.tools.replay.JournalWalker;
import io.fathom.tools.sim.SimBook;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            final List<String> symbols = simulator.symbols();
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(symbols)
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .streamsPerConnection(8)
                .snapshotRatePerSecond(1_000)
                .connectRatePerSecond(100)
                .connectBurst(10)
                .journalSnapshotInterval(Duration.ofMillis(300))
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                final long seen = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > seen + 2_000, "deltas flowing");
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
            assertThat(journal.verifier.differences()).as("rebuilt books differing from journaled snapshots").isEmpty();
            assertThat(journal.verifier.snapshotsCompared()).as("snapshots compared").isGreaterThanOrEqualTo(journal.periodic + SYMBOLS);

            final DepthMessage scratch = new DepthMessage(SimBook.MAX_DIFF_LEVELS * 4);
            for (int id = 0; id < SYMBOLS; id++)
            {
                final OrderBook finalBook = journal.finals.get(id);
                assertThat(finalBook).as("final snapshot of %s", symbols.get(id)).isNotNull();
                final SimBook expected = SimBook.create(id, SEED);
                assertThat(expected.advanceTo(finalBook.updateId(), scratch))
                    .as("simulator reaches update id %d of %s", finalBook.updateId(), symbols.get(id)).isTrue();
                SimBookAssertions.assertSameLevels(symbols.get(id), finalBook, expected);
            }
        }
    }

    /** Final snapshots and counts; the rebuild-and-compare is {@code replay --verify}'s own {@link JournalVerifier}. */
    private static final class JournalContents implements JournalWalker.Listener
    {
        long deltas;
        long periodic;
        final Map<Integer, OrderBook> finals = new HashMap<>();
        final JournalVerifier verifier = new JournalVerifier();

        @Override
        public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
        {
            deltas++;
        }

        @Override
        public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
        {
            if (snapshot.reason() == SnapshotRecord.REASON_PERIODIC)
            {
                periodic++;
            }
            else if (snapshot.reason() == SnapshotRecord.REASON_FINAL)
            {
                finals.put(snapshot.instrumentId(), toBook(snapshot));
            }
        }
    }

    private static JournalContents readJournal(final Path directory)
    {
        final JournalContents contents = new JournalContents();
        try (JournalReader reader = new JournalReader(directory.toFile()))
        {
            reader.readAll(new JournalWalker().add(contents).add(contents.verifier));
        }
        return contents;
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
}
