package io.fathom.tools.replay;

import io.fathom.testing.Await;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.journal.ReplaySpeed;
import io.fathom.engine.status.SystemCounter;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the simulator with a gap and a dropped connection injected, recording every
 * listener call and, now and then, the book it was about; then its journal: {@code replay --verify}
 * finds no difference, replaying it through the engine makes the same calls with the same volume
 * pressure value by value, and {@code --book-at} rebuilds each recorded book at the time it was held.
 */
class LiveJournalReplayTest
{
    private static final int SYMBOLS = 12;
    private static final int SAMPLE_EVERY = 250;

    /** One listener call. */
    record Call(int instrumentId, long updateId, boolean topChanged, double pressure)
    {
    }

    /** A book as the live engine held it when the listener was called. */
    record Sample(int instrumentId, long updateId, long[] bids, long[] asks)
    {
        static Sample of(final OrderBook book)
        {
            final long[] bids = new long[2 * book.bids().size()];
            for (int i = 0; i < book.bids().size(); i++)
            {
                bids[2 * i] = book.bids().price(i);
                bids[2 * i + 1] = book.bids().quantity(i);
            }
            final long[] asks = new long[2 * book.asks().size()];
            for (int i = 0; i < book.asks().size(); i++)
            {
                asks[2 * i] = book.asks().price(i);
                asks[2 * i + 1] = book.asks().quantity(i);
            }
            return new Sample(book.instrumentId(), book.updateId(), bids, asks);
        }

        boolean sameAs(final OrderBook book)
        {
            return book != null && book.updateId() == updateId && Arrays.equals(of(book).bids, bids) &&
                Arrays.equals(of(book).asks, asks);
        }
    }

    @TempDir
    Path dir;

    @Test
    void replayVerifiesReproducesTheSignalSeriesAndRebuildsTheBooksTheEngineHeld() throws Exception
    {
        final List<String> symbols = new ArrayList<>();
        final List<Call> live = new ArrayList<>();
        final List<Sample> samples = new ArrayList<>();
        final long liveDeltas;
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(3_000).seed(23).wsPort(0).restPort(0)))
        {
            symbols.addAll(simulator.symbols());
            final BookListener listener = (book, topChanged, pressure) ->
            {
                live.add(new Call(book.instrumentId(), book.updateId(), topChanged, pressure));
                if (live.size() % SAMPLE_EVERY == 0)
                {
                    samples.add(Sample.of(book));
                }
            };
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(symbols).url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .streamsPerConnection(4).snapshotRatePerSecond(1_000).connectRatePerSecond(100).connectBurst(10)
                .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(200))
                .journalSnapshotInterval(Duration.ofMillis(250)).bookListener(listener)
                .runDir(dir.resolve("live-run").toFile()).journalDir(dir.resolve("live").toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                awaitMore(engine, SystemCounter.DELTAS_APPLIED, 1_500);
                simulator.faults().skipSequence(2);
                Await.until(() -> engine.counters().value(SystemCounter.RESYNCS) >= 1 && engine.booksLive() == SYMBOLS,
                    "a gap and a resync");
                final long resyncs = engine.counters().value(SystemCounter.RESYNCS);
                assertThat(simulator.faults().dropOneConnection()).isTrue();
                Await.until(() -> engine.counters().value(SystemCounter.RESYNCS) >= resyncs + 4 && engine.booksLive() == SYMBOLS,
                    "the 4 books of the dropped connection synced again");
                awaitMore(engine, SystemCounter.DELTAS_APPLIED, 1_500);
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.clean()).as(report.failures().toString()).isTrue();
            assertThat(engine.counters().value(SystemCounter.GAPS)).isPositive();
            liveDeltas = engine.counters().value(SystemCounter.DELTAS_APPLIED);
        }
        final Path journal = dir.resolve("live");

        final JournalVerifier verifier = new JournalVerifier();
        final Timeline timeline = new Timeline();
        try (JournalReader reader = new JournalReader(journal.toFile()))
        {
            reader.readAll(new JournalWalker().add(verifier).add(timeline));
        }
        assertThat(verifier.differences()).isEmpty();
        assertThat(verifier.snapshotsCompared()).isGreaterThan(SYMBOLS);
        assertThat(timeline.invalidations).as("the gap and the dropped connection were journaled")
            .containsKeys("gap", "connection_lost");

        assertThat(replayThroughTheEngine(journal, symbols)).as("listener calls of the replay")
            .hasSameSizeAs(live).containsExactlyElementsOf(live);

        assertBookAtEqualsEachSample(journal, symbols, samples, timeline);

        final Path summary = dir.resolve("run-summary.json");
        final CliRun run = CliRun.of("run", "--source", "journal:" + journal, "--journal", dir.resolve("rerun").toString(),
            "--run-dir", dir.resolve("rerun-run").toString(), "--summary-json", summary.toString(), "--quiet");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("replaying " + journal + ": 1 sessions, " + SYMBOLS + " instruments", "journal replayed: shutting down");
        assertThat(field(Files.readString(summary), "deltas_applied")).isEqualTo(liveDeltas);
    }

    private List<Call> replayThroughTheEngine(final Path journal, final List<String> symbols) throws Exception
    {
        final List<Call> replayed = new ArrayList<>();
        final Engine engine = Engine.launch(new EngineContext()
            .symbols(symbols)
            .replayJournal(journal.toFile()).replaySpeed(ReplaySpeed.MAX)
            .bookListener((book, topChanged, pressure) -> replayed.add(new Call(book.instrumentId(), book.updateId(), topChanged, pressure)))
            .runDir(dir.resolve("replay-run").toFile()).journalDir(dir.resolve("replay").toFile()));
        try
        {
            engine.sourceDone().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        finally
        {
            assertThat(engine.shutdown().clean()).isTrue();
        }
        return replayed;
    }

    private static void assertBookAtEqualsEachSample(
        final Path journal, final List<String> symbols, final List<Sample> samples, final Timeline timeline)
    {
        int checked = 0;
        for (final Sample sample : samples)
        {
            final long[] times = timeline.heldFrom.get(key(sample.instrumentId(), sample.updateId()));
            assertThat(times).as("journal reached update id %d of %s", sample.updateId(), symbols.get(sample.instrumentId()))
                .isNotNull();
            if (!heldForAWhile(timeline, sample))
            {
                continue;
            }
            for (final long atNs : new long[]{ times[0], times[0] + (times[1] - times[0]) / 2 })
            {
                final BookAtQuery query = new BookAtQuery("binance", symbols.get(sample.instrumentId()), atNs);
                try (JournalReader reader = new JournalReader(journal.toFile()))
                {
                    final JournalWalker walker = new JournalWalker().add(query);
                    while (!query.done() && reader.readOne(walker))
                    {
                        // until the answer is settled
                    }
                }
                assertThat(sample.sameAs(query.book())).as("book of %s at %s, update id %d",
                    symbols.get(sample.instrumentId()), IsoTime.format(atNs), sample.updateId()).isTrue();
            }
            checked++;
        }
        assertThat(checked).as("samples checked").isGreaterThan(samples.size() / 2);

        final Sample first = samples.stream().filter(sample -> heldForAWhile(timeline, sample)).findFirst().orElseThrow();
        final long[] times = timeline.heldFrom.get(key(first.instrumentId(), first.updateId()));
        final CliRun cli = CliRun.of("replay", journal.toString(), "--symbol", symbols.get(first.instrumentId()),
            "--book-at", IsoTime.format(times[0]), "--format", "jsonl");
        assertThat(cli.status()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"update_id\":" + first.updateId(),
            "\"bids\":[[\"" + FixedPoint.format(first.bids()[0], 8) + "\",\"" + FixedPoint.format(first.bids()[1], 8) + "\"]");
    }

    /** Whether the journal's times give the sampled book a moment of its own (deltas received together do not). */
    private static boolean heldForAWhile(final Timeline timeline, final Sample sample)
    {
        final long[] times = timeline.heldFrom.get(key(sample.instrumentId(), sample.updateId()));
        return times != null && times[1] > times[0];
    }

    private static String key(final int instrumentId, final long updateId)
    {
        return instrumentId + "/" + updateId;
    }

    /**
     * For each book state a listener saw, when the journal says the engine got there (a delta's receive
     * time, or a sync snapshot's time for the step that synced the book) and when the book next changed.
     */
    private static final class Timeline implements JournalWalker.Listener
    {
        final Map<String, long[]> heldFrom = new HashMap<>();
        final Map<Integer, long[]> open = new HashMap<>();
        final Map<Integer, Integer> syncDeltasLeft = new HashMap<>();
        final Map<Integer, Long> syncTime = new HashMap<>();
        final Map<String, Integer> invalidations = new HashMap<>();

        @Override
        public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
        {
            if (snapshot.reason() != SnapshotRecord.REASON_SYNC)
            {
                return;
            }
            final int id = snapshot.instrumentId();
            close(id, snapshot.epochNs());
            syncTime.put(id, snapshot.epochNs());
            syncDeltasLeft.put(id, snapshot.syncDeltaCount());
            if (snapshot.syncDeltaCount() == 0)
            {
                reach(id, snapshot.updateId(), snapshot.epochNs());
            }
        }

        @Override
        public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
        {
            final int id = delta.instrumentId();
            final int left = syncDeltasLeft.getOrDefault(id, 0);
            if (left > 0)
            {
                syncDeltasLeft.put(id, left - 1);
                if (left == 1)
                {
                    reach(id, delta.lastUpdateId(), syncTime.get(id));
                }
                return;
            }
            if (delta.partIndex() == delta.partCount() - 1)
            {
                // A delta received before its book synced, still on the ring when the sync was applied, is held
                // from the sync on, not from its receipt: the book was not valid before.
                final long heldFromNs = Math.max(delta.receiveEpochNs(), syncTime.getOrDefault(id, Long.MIN_VALUE));
                close(id, heldFromNs);
                reach(id, delta.lastUpdateId(), heldFromNs);
            }
        }

        @Override
        public void onBookState(final JournalWalker.Instrument instrument, final BookStateRecord state, final long index)
        {
            invalidations.merge(BookStateRecord.reasonName(state.reason()), 1, Integer::sum);
            close(state.instrumentId(), state.epochNs());
        }

        private void reach(final int id, final long updateId, final long epochNs)
        {
            final long[] times = { epochNs, Long.MAX_VALUE };
            heldFrom.put(key(id, updateId), times);
            open.put(id, times);
        }

        private void close(final int id, final long epochNs)
        {
            final long[] times = open.remove(id);
            if (times != null)
            {
                times[1] = epochNs;
            }
        }
    }

    private static void awaitMore(final Engine engine, final SystemCounter counter, final long more)
    {
        final long target = engine.counters().value(counter) + more;
        Await.until(() -> engine.counters().value(counter) >= target, counter.label() + " beyond " + target);
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
