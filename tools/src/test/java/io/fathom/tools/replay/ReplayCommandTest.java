package io.fathom.tools.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fathom.tools.replay.JournalFixture.SECOND_NS;
import static io.fathom.tools.replay.JournalFixture.T0_NS;
import static io.fathom.tools.replay.JournalFixture.time;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code fathom replay} over a journal whose every book at every moment the test knows. */
class ReplayCommandTest
{
    @TempDir
    Path dir;

    private File story()
    {
        final File journal = dir.resolve("story").toFile();
        JournalFixture.writeStory(journal, 3_000);
        return journal;
    }

    @Test
    void printsASummaryByDefaultAndNoRecords()
    {
        final CliRun run = CliRun.of("replay", story().toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("summary: 13 records", "1 sessions (1 ended cleanly)", "delta         3",
            "snapshots periodic  1", "journal ends at index", time(T0_NS + 9 * SECOND_NS), "its last session ended",
            "book binance:BTCUSDT u=20 final", "invalidations=1 invalid_ms=2000");
        assertThat(run.outLines()).noneMatch(line -> line.contains(" delta BTCUSDT"));
    }

    @Test
    void csvHasAHeaderAndOneRowPerLevelChangeWithExactDecimals()
    {
        final CliRun run = CliRun.of("replay", story().toString(), "--format", "csv", "--symbol", "btcusdt");

        assertThat(run.status()).as(run.toString()).isZero();
        final List<String> rows = run.outLines();
        assertThat(rows.get(0)).isEqualTo("time,venue,symbol,event,first_update_id,last_update_id,side,price,qty");
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(9));
        assertThat(rows).containsSubsequence(
            time(T0_NS + SECOND_NS) + ",binance,BTCUSDT,snapshot_sync,10,10,bid,100.00,1.000",
            time(T0_NS + SECOND_NS) + ",binance,BTCUSDT,snapshot_sync,10,10,bid,99.50,2.000",
            time(T0_NS + SECOND_NS) + ",binance,BTCUSDT,snapshot_sync,10,10,ask,100.50,1.500",
            time(T0_NS + 900_000_000L) + ",binance,BTCUSDT,delta,11,11,bid,100.00,3.000",
            time(T0_NS + 2 * SECOND_NS) + ",binance,BTCUSDT,delta,12,12,ask,100.50,0.000",
            time(T0_NS + 2 * SECOND_NS) + ",binance,BTCUSDT,delta,12,12,ask,101.00,0.250",
            time(T0_NS + 3 * SECOND_NS) + ",binance,BTCUSDT,delta,13,14,bid,99.50,0.000",
            time(T0_NS + 5 * SECOND_NS) + ",binance,BTCUSDT,invalid_gap,14,14,,,");
        assertThat(rows).hasSize(1 + 3 + 1 + 2 + 1 + 2 + 1 + 2 + 2);
        assertThat(rows).noneMatch(row -> row.contains("ETHUSDT"));
        assertThat(run.err()).as("the summary keeps stdout a clean CSV").contains("summary: 13 records");
    }

    @Test
    void filtersRecordsByTimeAndVenue()
    {
        final File journal = story();
        final CliRun window = CliRun.of("replay", journal.toString(), "--format", "jsonl",
            "--from", time(T0_NS + 2 * SECOND_NS), "--to", "2026-11-22 14:00:03");
        assertThat(window.status()).as(window.toString()).isZero();
        assertThat(window.outLines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"type\":"));
        assertThat(window.outLines().get(0)).contains("\"type\":\"delta\"", "\"first_update_id\":12",
            "{\"side\":\"ask\",\"price\":\"100.50\",\"qty\":\"0.000\"}");
        assertThat(window.outLines().get(1)).contains("\"type\":\"snapshot\"", "\"symbol\":\"ETHUSDT\"", "\"sync_deltas\":0");

        final CliRun otherVenue = CliRun.of("replay", journal.toString(), "--records", "--venue", "kraken");
        assertThat(otherVenue.status()).isZero();
        assertThat(otherVenue.out()).isEmpty();

        final CliRun badTime = CliRun.of("replay", journal.toString(), "--from", "yesterday");
        assertThat(badTime.status()).isEqualTo(2);
        assertThat(badTime.err()).contains("--from 'yesterday' is not an ISO-8601 time");
    }

    @Test
    void bookAtRebuildsTheBookFromTheLastSnapshotAndTheDeltasReceivedUpToThen()
    {
        final File journal = story();

        final CliRun afterSync = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT", "--format", "jsonl",
            "--book-at", time(T0_NS + 1_500_000_000L));
        assertThat(afterSync.status()).as(afterSync.toString()).isZero();
        assertThat(afterSync.out()).contains("\"valid\":true", "\"update_id\":11", "\"basis\":\"sync\"",
            "\"bids\":[[\"100.00\",\"3.000\"],[\"99.50\",\"2.000\"]],\"asks\":[[\"100.50\",\"1.500\"]]");

        final CliRun later = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT", "--format", "jsonl",
            "--book-at", time(T0_NS + 3_500_000_000L));
        assertThat(later.out()).contains("\"update_id\":14", "\"deltas_applied\":3",
            "\"bids\":[[\"100.00\",\"3.000\"]],\"asks\":[[\"101.00\",\"0.250\"]]");

        final CliRun exactlyAtADelta = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT",
            "--book-at", time(T0_NS + 3 * SECOND_NS));
        assertThat(exactlyAtADelta.out()).contains("update id 14", "from the sync snapshot at " + time(T0_NS + SECOND_NS));

        final CliRun invalid = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT", "--book-at", time(T0_NS + 6 * SECOND_NS));
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.out()).contains("no valid book", "invalidated at " + time(T0_NS + 5 * SECOND_NS) + " (gap)");

        final CliRun resynced = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT", "--format", "csv",
            "--book-at", time(T0_NS + 7 * SECOND_NS));
        assertThat(resynced.outLines()).containsExactly(RecordPrinter.CSV_HEADER,
            time(T0_NS + 7 * SECOND_NS) + ",binance,BTCUSDT,book,20,20,bid,100.25,1.000",
            time(T0_NS + 7 * SECOND_NS) + ",binance,BTCUSDT,book,20,20,ask,100.75,1.000");

        final CliRun tooEarly = CliRun.of("replay", journal.toString(), "--symbol", "BTCUSDT", "--book-at", time(T0_NS));
        assertThat(tooEarly.status()).isEqualTo(1);
        assertThat(tooEarly.out()).contains("no snapshot of it at or before that time");

        final CliRun noSymbol = CliRun.of("replay", journal.toString(), "--book-at", time(T0_NS));
        assertThat(noSymbol.status()).isEqualTo(2);
        assertThat(noSymbol.err()).contains("--book-at needs --symbol");
    }

    @Test
    void verifyFindsNoDifferenceInAJournalThatAgreesWithItself() throws Exception
    {
        final Path summary = dir.resolve("summary.json");
        final CliRun run = CliRun.of("replay", story().toString(), "--verify", "--summary-json", summary.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("verify: 0 differences; 3 books synced");
        final String json = Files.readString(summary);
        assertThat(field(json, "verify_differences")).isZero();
        assertThat(field(json, "verify_snapshots_compared")).isEqualTo(3);
        assertThat(json).contains("\"verify_details\":[]", "\"last_session_open\":false", "\"last_session_clean\":true",
            "\"last_record_time\":\"" + time(T0_NS + 9 * SECOND_NS) + "\"", "\"invalid_ms\":2000", "\"feed_state\":1");
    }

    @Test
    void verifyReportsEachDifferenceAndExitsNonZero() throws Exception
    {
        final File journal = dir.resolve("tampered").toFile();
        JournalFixture.writeStory(journal, 3_001);
        final Path summary = dir.resolve("summary.json");

        final CliRun run = CliRun.of("replay", journal.toString(), "--verify", "--summary-json", summary.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("verify: binance:BTCUSDT at " + time(T0_NS + 4 * SECOND_NS),
            "periodic snapshot at update id 14 differs from the rebuilt book: bid level 0: journal 3.001@100.00, rebuilt 3.000@100.00",
            "verify: 1 differences");
        final String json = Files.readString(summary);
        assertThat(field(json, "verify_differences")).isEqualTo(1);
        assertThat(json).contains("\"book\":\"binance:BTCUSDT\"");
    }

    @Test
    void recordsOfANewerVersionAreCountedAsUnknownAndTheRestStillRead() throws Exception
    {
        final File journal = story();
        try (JournalFixture more = new JournalFixture(journal))
        {
            more.newerVersionRecord();
        }
        final Path summary = dir.resolve("summary.json");

        final CliRun run = CliRun.of("replay", journal.toString(), "--summary-json", summary.toString());

        assertThat(run.status()).isEqualTo(1);
        final String json = Files.readString(summary);
        assertThat(field(json, "unknown_records")).isEqualTo(1);
        assertThat(field(json, "records")).isEqualTo(14);
        assertThat(field(json, "delta")).isEqualTo(3);
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
