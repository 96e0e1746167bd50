package io.fathom.tools.lifecycle;

import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.journal.JournalFullPolicy;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.replay.JournalVerifier;
import io.fathom.tools.replay.JournalWalker;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's disk fills while the engine runs against the simulator, then space returns: the books stay live
 * throughout, the journal handler keeps up by skipping and counting, one distinct error says why, and after the
 * hole the journal replays and verifies clean, declaring the hole by its times. The disk is what the engine reads
 * through its {@code UsableSpace}, so the test fills and empties it at will.
 */
class JournalFullDiskTest
{
    private static final int SYMBOLS = 10;
    private static final long RESERVE_BYTES = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void underTheStopPolicyAFullDiskAsksForAnOrderlyShutdownThatEndsTheJournalWithTheHole() throws Exception
    {
        final AtomicLong freeBytes = new AtomicLong(1L << 40);
        final ShutdownReport report;
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(5_000).seed(4).wsPort(0).restPort(0)))
        {
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .streamsPerConnection(5)
                .snapshotRatePerSecond(1_000)
                .journalMinFreeBytes(RESERVE_BYTES)
                .journalUsableSpace(freeBytes::get)
                .journalFullPolicy(JournalFullPolicy.STOP)
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile()));
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                assertThat(engine.journalFull()).isNotDone();

                freeBytes.set(0);
                engine.journalFull().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(engine.booksLive()).isEqualTo(SYMBOLS);
            }
            finally
            {
                report = engine.shutdown();
            }
        }

        assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
        final List<JournalTemplate> last = new ArrayList<>();
        final boolean[] clean = {true};
        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                last.add(template);
                if (template == JournalTemplate.SESSION_END)
                {
                    clean[0] = SessionRecords.decodeEnd(buffer, 0, length).clean();
                }
            });
        }
        assertThat(last.subList(last.size() - 2, last.size()))
            .containsExactly(JournalTemplate.JOURNAL_GAP, JournalTemplate.SESSION_END);
        assertThat(clean[0]).as("the final snapshots fell in the hole").isFalse();
    }

    @Test
    void suspendsJournalingWhileTheDiskIsFullKeepsTheBooksLiveAndMarksTheHole()
    {
        final AtomicLong freeBytes = new AtomicLong(1L << 40);
        final ShutdownReport report;
        final long skipped;
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(5_000).seed(3).wsPort(0).restPort(0)))
        {
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .streamsPerConnection(5)
                .snapshotRatePerSecond(1_000)
                .journalMinFreeBytes(RESERVE_BYTES)
                .journalUsableSpace(freeBytes::get)
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile()));
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                Await.until(() -> engine.counters().value(SystemCounter.JOURNAL_RECORDS) > 2_000, "records journaled");

                freeBytes.set(RESERVE_BYTES - 1);
                Await.until(() -> engine.counters().value(SystemCounter.JOURNAL_SUSPENDED) == 1, "journaling suspended");
                final long applied = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.JOURNAL_RECORDS_SKIPPED) > 2_000 &&
                    engine.counters().value(SystemCounter.DELTAS_APPLIED) > applied + 2_000, "records skipped, books applied");
                assertThat(engine.booksLive()).as("the books do not wait for the journal").isEqualTo(SYMBOLS);
                assertThat(engine.counters().value(SystemCounter.RING_FULL_DROPS)).isZero();

                freeBytes.set(1L << 40);
                Await.until(() -> engine.counters().value(SystemCounter.JOURNAL_SUSPENDED) == 0, "journaling resumed");
                final long journaled = engine.counters().value(SystemCounter.JOURNAL_RECORDS);
                Await.until(() -> engine.counters().value(SystemCounter.JOURNAL_RECORDS) > journaled + 2_000,
                    "records journaled after the hole");
            }
            finally
            {
                report = engine.shutdown();
            }
            skipped = engine.counters().value(SystemCounter.JOURNAL_RECORDS_SKIPPED);
        }

        assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
        final List<String> errors = new ArrayList<>();
        try (CountersFileReader reader = new CountersFileReader(dir.resolve("run").toFile()))
        {
            reader.readErrors((count, first, last, text) -> errors.add(text));
        }
        assertThat(errors).filteredOn(text -> text.contains("journal suspended")).hasSize(1);

        final JournalVerifier verifier = new JournalVerifier();
        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll(new JournalWalker().add(verifier));
        }
        assertThat(verifier.differences()).as("the journal rebuilt against its snapshots").isEmpty();
        assertThat(verifier.holes()).hasSize(1);
        final JournalVerifier.Hole hole = verifier.holes().get(0);
        assertThat(hole.recordsSkipped()).isEqualTo(skipped);
        assertThat(hole.firstSkippedEpochNs()).isLessThanOrEqualTo(hole.lastSkippedEpochNs());
        assertThat(hole.lastSkippedEpochNs()).isLessThanOrEqualTo(hole.resumedEpochNs());
        assertThat(verifier.booksAdopted()).as("every book restarts at a snapshot after the hole").isGreaterThanOrEqualTo(SYMBOLS);
        assertThat(verifier.snapshotsCompared()).as("the final snapshots check the books rebuilt after the hole")
            .isGreaterThanOrEqualTo(SYMBOLS);
    }
}
