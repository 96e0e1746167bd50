package io.fathom.tools.check;

import io.fathom.codec.recording.RealDataLocator;
import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fathom check} refuses a level priced at zero: the diff that carries it is a decode error named
 * {@code INVALID_PRICE}, counted, and the check fails instead of applying a bid of {@code 0 x 5}.
 */
class CheckInvalidPriceTest
{
    private static final String BINANCE_WS = "binance_spot_depth100ms_4sym.ws.txt";
    private static final String BINANCE_HTTP = "binance_spot_depth_snapshots.http.txt";
    private static final String FIRST_BID = "\"b\":[[\"0.35130000\",\"";
    private static final String ZERO_BID = "\"b\":[[\"0.00000000\",\"5.00000000\"],[\"0.35130000\",\"";

    @TempDir
    Path dir;

    @Test
    void aDiffWithABidPricedAtZeroIsADecodeErrorAndTheCheckFails() throws Exception
    {
        final List<String> lines = Files.readAllLines(RealDataLocator.file(BINANCE_WS), StandardCharsets.UTF_8);
        int target = -1;
        for (int i = 0; i < lines.size() && target < 0; i++)
        {
            target = lines.get(i).contains(FIRST_BID) ? i : -1;
        }
        assertThat(target).as("a diff whose first bid is %s", FIRST_BID).isNotNegative();
        lines.set(target, lines.get(target).replace(FIRST_BID, ZERO_BID));
        final Path altered = dir.resolve("zero.ws.txt");
        Files.write(altered, lines, StandardCharsets.UTF_8);
        final Path json = dir.resolve("summary.json");

        final CliRun run = CliRun.of("check", "--venue", "binance", altered.toString(),
            "--http", RealDataLocator.file(BINANCE_HTTP).toString(), "--summary-json", json.toString());

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("line " + (target + 1) + ": INVALID_PRICE at byte")
            .contains("1 decode errors").contains("FAIL");
        assertThat(Files.readString(json)).contains("\"decode_errors\":1");
    }
}
