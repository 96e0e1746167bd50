package io.fathom.tools.cli;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --instruments FILE}: a file that cannot be used is refused before anything starts, naming what is wrong. */
class InstrumentsOptionTest
{
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsRefusedBeforeAnythingStarts()
    {
        final Path missing = dir.resolve("missing.json");
        final CliRun run = run(missing);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--instruments " + missing + " is not a readable file");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    @Test
    void aBadEntryIsRefusedNamingTheFileEntryAndField() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("instruments.json"),
            "[{\"symbol\": \"BTCUSDT\", \"price_scale\": 2, \"quantity_scale\": 5},\n" +
            " {\"symbol\": \"SHIBUSDT\", \"price_scale\": 8, \"quantity_scale\": 19}]");
        final CliRun run = run(file);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--instruments " + file + ": entry 2: quantity_scale must be an integer 0..18");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    @Test
    void anUnknownVenueIsRefusedNamingTheEntryAndTheVenues() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("instruments.json"),
            "[{\"symbol\": \"BTCUSDT\", \"venue\": \"binance-usdm\", \"price_scale\": 1, \"quantity_scale\": 3},\n" +
            " {\"symbol\": \"BTCUSDT\", \"venue\": \"binance-futures\", \"price_scale\": 2, \"quantity_scale\": 5}]");
        final CliRun run = run(file);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--instruments " + file + ": entry 2: venue must be one of: binance, binance-usdm, " +
            "binance-coinm, kraken, kraken-v1, okx, bitget, coinbase, hyperliquid (got 'binance-futures')");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    private CliRun run(final Path instruments)
    {
        return CliRun.of("run", "--symbols", "btcusdt", "--url", "ws://127.0.0.1:1",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--duration", "1ms", "--instruments", instruments.toString());
    }
}
