package io.fathom.tools;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --venues binance,okx}: two simulated venues in one engine run with every book valid, the progress
 * line and the summary count books per venue and names each instrument's venue, and {@code replay --verify} passes on the journal and
 * prints the books by venue.
 */
class SeveralVenuesDemoTest
{
    private static final int SYMBOLS = 3;

    @TempDir
    Path dir;

    @Test
    void runsTwoSimulatedVenuesWithEveryBookValidAndAJournalThatVerifies() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path summary = dir.resolve("summary.json");
        final CliRun demo = CliRun.of("demo", "--venues", "binance,okx", "--symbols", Integer.toString(SYMBOLS),
            "--rate", "600", "--duration", "4s", "--snapshot-interval", "500ms",
            "--run-dir", dir.resolve("run").toString(), "--journal", journal.toString(), "--summary-json", summary.toString());

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .contains("simulator: venue=binance", "simulator: venue=okx", "shutdown: clean",
                "summary: venue binance books=" + SYMBOLS + " valid=" + SYMBOLS,
                "summary: venue okx books=" + SYMBOLS + " valid=" + SYMBOLS)
            .containsPattern("books=" + 2 * SYMBOLS + " valid=" + 2 * SYMBOLS + " ")
            .containsPattern("(?m)^t=\\d+s msgs/s=\\d+ books=" + 2 * SYMBOLS + "/" + 2 * SYMBOLS + " live \\(binance " + SYMBOLS + "/"
                + SYMBOLS + ", okx " + SYMBOLS + "/" + SYMBOLS + "\\) latency p50=\\d+us p99=\\d+us ring=\\d+\\.\\d% journal=\\d+ gaps=0 "
                + "feeds live=" + 2 * SYMBOLS + "$");
        final String json = Files.readString(summary);
        assertThat(json).contains("\"symbol\":\"SYM0\",\"valid\":true", "\"venue\":\"binance\"}",
            "\"symbol\":\"SYM0-USDT\",\"valid\":true", "\"venue\":\"okx\"}").doesNotContain("\"valid\":false");

        final CliRun replay = CliRun.of("replay", journal.toString(), "--verify");

        assertThat(replay.status()).as(replay.toString()).isZero();
        assertThat(replay.out()).as(replay.toString())
            .contains("verify: 0 differences; " + 2 * SYMBOLS + " books synced", "books by venue binance=" + SYMBOLS + " okx=" + SYMBOLS)
            .contains("book binance:SYM0 ", "book binance:SYM2 ", "book okx:SYM0-USDT ", "book okx:SYM2-USDT ");
    }
}
