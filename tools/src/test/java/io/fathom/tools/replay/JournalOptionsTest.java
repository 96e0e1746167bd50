package io.fathom.tools.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal options of {@code run} and {@code demo} are checked before anything starts, naming the option. */
class JournalOptionsTest
{
    @TempDir
    Path dir;

    @Test
    void rejectsARetentionThatIsNeitherAnAgeNorASize()
    {
        final CliRun word = CliRun.of("demo", "--journal-retention", "7x", "--journal", dir.resolve("j").toString());
        assertThat(word.status()).as(word.toString()).isEqualTo(2);
        assertThat(word.err()).contains("--journal-retention '7x' is not 'none', an age (36h, 7d, 2w), a size");

        final CliRun tiny = CliRun.of("run", "--symbols", "btcusdt", "--journal-retention", "10KB");
        assertThat(tiny.status()).as(tiny.toString()).isEqualTo(2);
        assertThat(tiny.err()).contains("--journal-retention size must be at least 1MB");
    }

    @Test
    void rejectsAJournalSourceThatCannotBeReplayed()
    {
        final File journal = dir.resolve("story").toFile();
        JournalFixture.writeStory(journal, 3_000);

        assertUsageError(CliRun.of("run", "--symbols", "btcusdt", "--speed", "recorded"), "--speed needs --source journal:DIR");
        assertUsageError(CliRun.of("run", "--source", "kafka:topic", "--symbols", "btcusdt"), "--source must be venue or journal:DIR");
        assertUsageError(CliRun.of("run"), "--symbols is required (or --source journal:DIR)");
        assertUsageError(CliRun.of("run", "--source", "journal:" + dir.resolve("nowhere")), "no such journal directory");
        assertUsageError(CliRun.of("run", "--source", "journal:" + journal, "--journal", journal.toString()),
            "--journal must not be the journal being replayed");
        assertUsageError(CliRun.of("run", "--source", "journal:" + journal, "--symbols", "dogeusdt",
            "--journal", dir.resolve("other").toString()), "--symbols dogeusdt is not in the journal");
        assertUsageError(CliRun.of("run", "--source", "journal:" + journal, "--speed", "warp",
            "--journal", dir.resolve("other").toString()), "--speed must be max or recorded (got 'warp')");
    }

    private static void assertUsageError(final CliRun run, final String message)
    {
        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
