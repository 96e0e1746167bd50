package io.fathom.tools.check;

import io.fathom.codec.recording.RealDataLocator;
import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fathom check} reports on everything a recording holds: a bookTicker it cannot read at the given
 * scales is counted and the check goes on, and an instrument the recording subscribed to but never
 * received a book for is listed as never synced rather than left out.
 */
class CheckCoverageTest
{
    private static final String BINANCE_WS = "binance_spot_depth100ms_4sym.ws.txt";
    private static final String BINANCE_HTTP = "binance_spot_depth_snapshots.http.txt";
    private static final String TICKER_QUANTITY = "\"B\":\"672.00000000\"";
    /** 10^14 does not fit a long at 8 decimals. */
    private static final String TICKER_QUANTITY_TOO_LARGE = "\"B\":\"100000000000000.00000000\"";

    @TempDir
    Path dir;

    @Test
    void bookTickerThatDoesNotFitTheScaleIsCountedAndTheCheckGoesOn() throws Exception
    {
        final List<String> lines = Files.readAllLines(RealDataLocator.file(BINANCE_WS), StandardCharsets.UTF_8);
        final int target = indexOfFirst(lines, TICKER_QUANTITY);
        lines.set(target, lines.get(target).replace(TICKER_QUANTITY, TICKER_QUANTITY_TOO_LARGE));
        final Path altered = write("ticker.ws.txt", lines);
        final Path json = dir.resolve("summary.json");

        final CliRun run = CliRun.of("check", "--venue", "binance", altered.toString(),
            "--http", RealDataLocator.file(BINANCE_HTTP).toString(), "--summary-json", json.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).as("no usage text").doesNotContain("Usage:");
        assertThat(run.out()).contains("line " + (target + 1) + ": bookTicker").contains("does not fit");
        assertThat(run.out()).contains("1 decode errors").contains("FAIL");
        assertThat(Files.readString(json)).as("every other bookTicker still compared, as in RecordingCheckerTest")
            .contains("\"decode_errors\":1").contains("\"top_of_book_ok\":26");
    }

    @Test
    void instrumentSubscribedButNeverReceivedIsListedAsNeverSynced() throws Exception
    {
        final List<String> lines = Files.readAllLines(RealDataLocator.file("okx_v5_books_3inst.ws.txt"), StandardCharsets.UTF_8)
            .stream().filter(l -> !l.contains("\"arg\":{\"channel\":\"books\",\"instId\":\"UNI-USD-SWAP\"},\"action\""))
            .collect(Collectors.toList());
        final Path json = dir.resolve("summary.json");

        final CliRun run = CliRun.of("check", "--venue", "okx", write("okx.ws.txt", lines).toString(),
            "--summary-json", json.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^UNI-USD-SWAP +0 ").contains("1 never synced").contains("FAIL");
        assertThat(Files.readString(json)).contains("\"never_synced\":1").contains("\"symbol\":\"UNI-USD-SWAP\",\"messages\":0");
    }

    @Test
    void binanceStreamNamedInTheUrlButNeverReceivedIsListedAsNeverSynced() throws Exception
    {
        final List<String> lines = Files.readAllLines(RealDataLocator.file(BINANCE_WS), StandardCharsets.UTF_8)
            .stream().filter(l -> !l.contains("{\"stream\":\"blzeth@")).collect(Collectors.toList());

        final CheckReport report = new RecordingChecker(io.fathom.codec.Venue.BINANCE, 8, 8, null)
            .check(write("binance.ws.txt", lines), RealDataLocator.file(BINANCE_HTTP));

        assertThat(report.neverSynced()).isEqualTo(1);
        assertThat(report.toJson()).contains("\"symbol\":\"BLZETH\",\"messages\":0");
        assertThat(report.passed()).isFalse();
    }

    private Path write(final String name, final List<String> lines) throws Exception
    {
        final Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static int indexOfFirst(final List<String> lines, final String fragment)
    {
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).contains(fragment))
            {
                return i;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }
}
