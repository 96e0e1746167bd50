package io.fathom.tools.check;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fathom check --instruments FILE} of recordings that one run-wide scale cannot hold: Binance SHIB- and
 * PEPE-style levels (quantities near 10^11 at 2 decimals, prices at 10 decimals) and Kraken v2 pairs of price
 * precision 1 and 2 whose checksums were computed by Kraken's documented CRC32 procedure. With each instrument's
 * own scales every book is valid and printed with its own decimals; at the run-wide default the same recordings
 * fail. The recordings and how they were made: {@code src/test/resources/instruments/README.md}.
 */
class InstrumentScalesCheckTest
{
    @TempDir
    Path dir;

    @Test
    void binanceShibAndPepeLevelsPassWithTheirOwnScales() throws Exception
    {
        final Path json = dir.resolve("summary.json");
        final CliRun run = CliRun.of("check", "--venue", "binance", resource("binance_spot_shib_pepe.ws.txt"),
            "--http", resource("binance_spot_shib_pepe.http.txt"),
            "--instruments", resource("binance_shib_pepe.instruments.json"), "--summary-json", json.toString());

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("PASS").contains("0 decode errors").contains("0 never synced");
        assertThat(run.out()).containsPattern("SHIBUSDT .* 0\\.0000\\d{4} x 98765\\d{6}\\.\\d{2} / 0\\.0000\\d{4} x ")
            .containsPattern("PEPEUSDT .* 0\\.00000\\d{5} x \\d+\\.\\d{2} / 0\\.00000\\d{5} x \\d+\\.\\d{2}");
        final String summary = Files.readString(json);
        assertThat(summary).contains("\"top_of_book_mismatch\":0").doesNotContain("\"top_of_book_ok\":0,")
            .doesNotContain("\"valid\":false");
    }

    @Test
    void binanceAtOneRunWideScaleRefusesTheSameLevels() throws Exception
    {
        final CliRun run = CliRun.of("check", "--venue", "binance", resource("binance_spot_shib_pepe.ws.txt"),
            "--http", resource("binance_spot_shib_pepe.http.txt"));

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("UNREPRESENTABLE_VALUE").contains("FAIL");
    }

    @Test
    void krakenV2PairsOfDifferentPrecisionVerifyEveryChecksum() throws Exception
    {
        final Path json = dir.resolve("summary.json");
        final CliRun run = CliRun.of("check", "--venue", "kraken", resource("kraken_v2_btc_eth.ws.txt"),
            "--instruments", resource("kraken_v2_btc_eth.instruments.json"), "--summary-json", json.toString());

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("checksums 82 ok / 0 mismatched / 0 unverified").contains("PASS");
        assertThat(run.out()).containsPattern("BTC/USD .* 6701\\d\\.\\d x 0\\.\\d{8} / 670\\d\\d\\.\\d x 0\\.\\d{8}")
            .containsPattern("ETH/USD .* 345\\d\\.\\d\\d x 2\\.\\d{8} / 34\\d\\d\\.\\d\\d x 2\\.\\d{8}");
        assertThat(Files.readString(json)).doesNotContain("\"valid\":false");
    }

    @Test
    void krakenV2AtEitherRunWideScaleFails() throws Exception
    {
        final CliRun coarse = CliRun.of("check", "--venue", "kraken", resource("kraken_v2_btc_eth.ws.txt"),
            "--price-scale", "1");
        assertThat(coarse.status()).as("%s", coarse).isEqualTo(1);
        assertThat(coarse.out()).contains("UNREPRESENTABLE_VALUE");

        final CliRun fine = CliRun.of("check", "--venue", "kraken", resource("kraken_v2_btc_eth.ws.txt"),
            "--price-scale", "2");
        assertThat(fine.status()).as("%s", fine).isEqualTo(1);
        assertThat(fine.out()).doesNotContain(" 0 mismatched");
    }

    @Test
    void aBadInstrumentsFileIsRefusedNamingTheEntryAndField() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("bad.json"),
            "[{\"symbol\": \"BTC/USD\", \"price_scale\": 1, \"quantity_scale\": 8}, {\"symbol\": \"ETH/USD\"}]");
        final CliRun run = CliRun.of("check", "--venue", "kraken", resource("kraken_v2_btc_eth.ws.txt"),
            "--instruments", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--instruments " + file + ": entry 2 (ETH/USD): field price_scale is missing");
    }

    @Test
    void listedSymbolsTheRecordingLacksAreReported() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("more.json"),
            "[{\"symbol\": \"BTC/USD\", \"price_scale\": 1, \"quantity_scale\": 8}," +
            "{\"symbol\": \"ETH/USD\", \"price_scale\": 2, \"quantity_scale\": 8}," +
            "{\"symbol\": \"XBT/EUR\", \"price_scale\": 1, \"quantity_scale\": 8}]");
        final CliRun run = CliRun.of("check", "--venue", "kraken", resource("kraken_v2_btc_eth.ws.txt"),
            "--instruments", file.toString());

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).contains("--instruments: 1 listed symbol(s) not in the recording: XBT/EUR");
    }

    private static String resource(final String name) throws URISyntaxException
    {
        return Path.of(InstrumentScalesCheckTest.class.getResource("/instruments/" + name).toURI()).toString();
    }
}
