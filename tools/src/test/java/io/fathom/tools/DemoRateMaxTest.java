package io.fathom.tools;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --rate max}: the simulator sends as fast as the engine reads, unpaced, and the engine still keeps
 * every book valid, loses nothing it published and writes a journal that verifies; with {@code --venues} every
 * simulator runs at its own maximum.
 */
class DemoRateMaxTest
{
    private static final int SYMBOLS = 20;

    @TempDir
    Path dir;

    @Test
    void aDemoAtTheSimulatorsFullRateKeepsEveryBookValidAndAJournalThatVerifies() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path summary = dir.resolve("summary.json");
        final CliRun demo = CliRun.of("demo", "--rate", "max", "--symbols", Integer.toString(SYMBOLS), "--duration", "4s",
            "--run-dir", dir.resolve("run").toString(), "--journal", journal.toString(), "--summary-json", summary.toString());

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .contains("symbols=" + SYMBOLS + " rate=max seed=1", "shutdown: clean")
            .containsPattern("books=" + SYMBOLS + " valid=" + SYMBOLS + " ")
            .containsPattern("summary: messages=\\d+ published=(\\d+) consumed=\\1 ")
            .contains("gaps=0 ");
        assertThat(Files.readString(summary)).contains("\"symbol\":\"SYM0\",\"valid\":true").doesNotContain("\"valid\":false");

        final CliRun replay = CliRun.of("replay", journal.toString(), "--verify");

        assertThat(replay.status()).as(replay.toString()).isZero();
        assertThat(replay.out()).as(replay.toString()).contains("verify: 0 differences; " + SYMBOLS + " books synced");
    }

    @Test
    void everyVenuesSimulatorRunsAtItsFullRate()
    {
        final CliRun demo = CliRun.of("demo", "--venues", "binance,okx", "--rate", "max", "--symbols", "3",
            "--duration", "3s", "--run-dir", dir.resolve("run").toString(), "--journal", "off");

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .containsPattern("simulator: venue=binance .* rate=max ")
            .containsPattern("simulator: venue=okx .* rate=max ")
            .containsPattern("books=6 valid=6 ")
            .contains("shutdown: clean");
    }
}
