package io.fathom.tools.replay;

import io.fathom.tools.ChildCli;

import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.fathom.tools.replay.JournalFixture.BTC;
import static io.fathom.tools.replay.JournalFixture.SECOND_NS;
import static io.fathom.tools.replay.JournalFixture.T0_NS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code replay --follow} prints records as another process appends them and ends cleanly on SIGINT. */
class ReplayFollowTest
{
    @TempDir
    Path dir;

    @Test
    void followStartedBeforeTheJournalExistsWaitsForItThenFollows() throws Exception
    {
        final Path journal = dir.resolve("not-yet");
        try (ChildCli follow = ChildCli.start(List.of("replay", journal.toString(), "--follow", "--format", "jsonl")))
        {
            Await.until(() -> follow.err().stream().anyMatch(line -> line.equals("waiting for a journal at " + journal)),
                Duration.ofSeconds(60), () -> "the line saying it waits; " + follow);
            try (JournalFixture writer = new JournalFixture(journal.toFile()))
            {
                writer.sessionStart(T0_NS, 5);
                writer.snapshot(BTC, SnapshotRecord.REASON_SYNC, true, 10, T0_NS + SECOND_NS, 0,
                    new long[][]{ { 10_000, 1_000 } }, new long[][]{ { 10_050, 1_000 } });
                follow.awaitLine("\"type\":\"snapshot\"");
                writer.delta(BTC, 11, 11, T0_NS + 2 * SECOND_NS, 0, 10_000, 2_000);
                follow.awaitLine("\"first_update_id\":11");
            }

            follow.signal("TERM");
            assertThat(follow.waitFor(60)).as(follow.toString()).isZero();
            assertThat(follow.err().stream().filter(line -> line.startsWith("waiting for"))).as("said once").hasSize(1);
            assertThat(follow.err()).anyMatch(line -> line.startsWith("summary: 3 records"));
        }
    }

    @Test
    void followPrintsRecordsAsTheyAreAppendedUntilInterrupted() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalFixture writer = new JournalFixture(journal.toFile()))
        {
            writer.sessionStart(T0_NS, 5);
            writer.snapshot(BTC, SnapshotRecord.REASON_SYNC, true, 10, T0_NS + SECOND_NS, 0,
                new long[][]{ { 10_000, 1_000 } }, new long[][]{ { 10_050, 1_000 } });

            try (ChildCli follow = ChildCli.start(List.of("replay", journal.toString(), "--follow", "--format", "jsonl", "--symbol", "BTCUSDT")))
            {
                follow.awaitLine("\"type\":\"snapshot\"");
                writer.delta(BTC, 11, 11, T0_NS + 2 * SECOND_NS, 0, 10_000, 2_000);
                follow.awaitLine("\"first_update_id\":11");
                writer.delta(BTC, 12, 12, T0_NS + 3 * SECOND_NS, 1, 10_050, 0);
                follow.awaitLine("\"first_update_id\":12");

                follow.signal("INT");
                assertThat(follow.waitFor(60)).as(follow.toString()).isZero();
                assertThat(follow.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"type\":"));
                assertThat(follow.err()).anyMatch(line -> line.startsWith("summary: 4 records"));
                assertThat(follow.err()).anyMatch(line -> line.contains("its last session has no session_end"));
            }
        }
    }
}
