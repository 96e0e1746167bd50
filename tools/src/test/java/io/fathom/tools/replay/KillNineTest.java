package io.fathom.tools.replay;

import io.fathom.testing.Await;

import io.fathom.tools.ChildCli;

import io.fathom.codec.journal.JournalTemplate;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heavy demo killed with SIGKILL mid-stream: replay reads every record the engine counted as
 * appended and never a torn one, says where the journal ends and that its session never ended, and
 * a new engine then appends a second session to the same journal after it.
 */
class KillNineTest
{
    private static final int SYMBOLS = 60;

    @TempDir
    Path dir;

    @Test
    void replayReadsEveryWholeRecordAfterKillNineAndANewEngineAppendsAfterIt() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path runDir = dir.resolve("run");
        try (ChildCli demo = ChildCli.start(List.of("demo", "--symbols", Integer.toString(SYMBOLS), "--rate", "40000",
            "--streams-per-connection", "10", "--snapshot-interval", "500ms", "--journal", journal.toString(),
            "--run-dir", runDir.toString())))
        {
            demo.awaitLine("books=" + SYMBOLS + "/" + SYMBOLS + " live");
            demo.awaitLine("t=3s");
            demo.signal("KILL");
            assertThat(demo.waitFor(60)).isEqualTo(137);
        }
        final long countedByTheKilledEngine = journalRecordsCounter(runDir.toFile());
        assertThat(countedByTheKilledEngine).as("records the killed engine counted as appended").isGreaterThan(10_000);

        final Path firstSummary = dir.resolve("first.json");
        final CliRun first = CliRun.of("replay", journal.toString(), "--verify", "--summary-json", firstSummary.toString());
        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.out()).contains("its last session has no session_end: the engine was killed", "verify: 0 differences");
        final String firstJson = Files.readString(firstSummary);
        assertThat(field(firstJson, "malformed_records")).isZero();
        assertThat(field(firstJson, "unknown_records")).isZero();
        assertThat(field(firstJson, "session_end")).isZero();
        assertThat(firstJson).contains("\"last_session_open\":true", "\"last_record_time\":\"20");
        assertThat(field(firstJson, "records")).as("the session start and every record counted, never fewer")
            .isGreaterThanOrEqualTo(countedByTheKilledEngine + 1);
        final long lastIndexBeforeRestart = field(firstJson, "last_index");

        appendASecondSession(journal);

        final Path secondSummary = dir.resolve("second.json");
        final CliRun second = CliRun.of("replay", journal.toString(), "--verify", "--summary-json", secondSummary.toString());
        assertThat(second.status()).as(second.toString()).isZero();
        final String secondJson = Files.readString(secondSummary);
        assertThat(field(secondJson, "sessions")).isEqualTo(2);
        assertThat(field(secondJson, "clean_session_ends")).isEqualTo(1);
        assertThat(field(secondJson, "verify_differences")).isZero();
        assertThat(field(secondJson, "malformed_records")).isZero();
        assertThat(secondJson).contains("\"last_session_open\":false", "\"last_session_clean\":true");
        assertThat(field(secondJson, "records")).isGreaterThan(field(firstJson, "records"));
        final List<Long> sessionStarts = sessionStartIndexes(journal);
        assertThat(sessionStarts).hasSize(2);
        assertThat(sessionStarts.get(1)).as("the new session starts after the old journal's end").isGreaterThan(lastIndexBeforeRestart);
    }

    private void appendASecondSession(final Path journal)
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(5_000).seed(2).wsPort(0).restPort(0)))
        {
            final List<String> symbols = simulator.symbols();
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(symbols).url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .streamsPerConnection(10).snapshotRatePerSecond(2_000).connectRatePerSecond(100).connectBurst(10)
                .runDir(dir.resolve("run2").toFile()).journalDir(journal.toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live after the restart");
                final long deltas = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > deltas + 1_000, "deltas after the restart");
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.clean()).as(report.failures().toString()).isTrue();
        }
    }

    private static List<Long> sessionStartIndexes(final Path journal)
    {
        final List<Long> indexes = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal.toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                if (template == JournalTemplate.SESSION_START)
                {
                    indexes.add(index);
                }
            });
        }
        return indexes;
    }

    /** The killed engine's own count of journal records, from the counters file it left behind. */
    private static long journalRecordsCounter(final File runDir)
    {
        try (CountersFileReader reader = new CountersFileReader(runDir))
        {
            return reader.counters().getCounterValue(SystemCounter.JOURNAL_RECORDS.id());
        }
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
