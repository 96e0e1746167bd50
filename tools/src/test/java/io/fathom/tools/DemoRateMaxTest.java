package io.fathom.tools;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --rate max}: the simulator sends as fast as the engine reads, unpaced, and the engine brings every book
 * live, loses nothing it published and writes a journal that verifies. Every book is valid at the end unless the
 * engine shed load (a ring that stayed full drops and resyncs, counted); with {@code --venues} every simulator runs at
 * its own maximum.
 */
class DemoRateMaxTest
{
    private static final int SYMBOLS = 20;

    @TempDir
    Path dir;

    @Test
    void aDemoAtTheSimulatorsFullRateBringsEveryBookLiveLosesNothingAndJournalsWhatVerifies() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path summary = dir.resolve("summary.json");
        final CliRun demo = CliRun.of("demo", "--rate", "max", "--symbols", Integer.toString(SYMBOLS), "--duration", "6s",
            "--run-dir", dir.resolve("run").toString(), "--journal", journal.toString(), "--summary-json", summary.toString());

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .contains("symbols=" + SYMBOLS + " rate=max seed=1", "shutdown: clean")
            .containsPattern("summary: messages=\\d+ published=(\\d+) consumed=\\1 ")
            .containsPattern("(?m)^t=\\d+s msgs/s=\\d+ books=" + SYMBOLS + "/" + SYMBOLS + " live")
            .contains("gaps=0 ");
        final Matcher books = Pattern.compile("resyncs=(\\d+) books=" + SYMBOLS + " valid=(\\d+) ").matcher(demo.out());
        assertThat(books.find()).as(demo.toString()).isTrue();
        if (Integer.parseInt(books.group(2)) < SYMBOLS)
        {
            assertThat(Long.parseLong(books.group(1))).as("a book not valid at the end was resyncing: " + demo).isPositive();
        }
        else
        {
            assertThat(Files.readString(summary)).doesNotContain("\"valid\":false");
        }

        final CliRun replay = CliRun.of("replay", journal.toString(), "--verify");

        assertThat(replay.status()).as(replay.toString()).isZero();
        assertThat(replay.out()).as(replay.toString()).contains("verify: 0 differences; ");
    }

    @Test
    void everyVenuesSimulatorRunsAtItsFullRate()
    {
        final CliRun demo = CliRun.of("demo", "--venues", "binance,okx", "--rate", "max", "--symbols", "3",
            "--duration", "5s", "--run-dir", dir.resolve("run").toString(), "--journal", "off");

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .containsPattern("simulator: venue=binance .* rate=max ")
            .containsPattern("simulator: venue=okx .* rate=max ")
            .containsPattern("(?m)^t=\\d+s msgs/s=\\d+ books=6/6 live")
            .contains("shutdown: clean");
    }
}
