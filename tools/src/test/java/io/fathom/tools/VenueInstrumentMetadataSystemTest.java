package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} against each venue family's simulator with run-wide scales of 0 and 0, which hold none of the values the
 * simulator writes: every book goes live only because each instrument takes its scales from the venue's instrument
 * metadata endpoint (OKX instruments, Bitget products, Kraken AssetPairs, Coinbase products, Hyperliquid meta).
 */
class VenueInstrumentMetadataSystemTest
{
    private static final int SYMBOLS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"okx, 2/3 4/3 2/5", "bitget, 4/4 4/4 4/4", "kraken, 2/8 2/8 2/8", "kraken-v1, 2/8 2/8 2/8",
        "coinbase, 2/8 4/8 2/9", "hyperliquid, 3/3 2/4 3/3"})
    void booksSyncAtTheScalesOfTheVenuesMetadata(final String venue, final String scales)
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig().venue(Venue.find(venue))
            .symbolCount(SYMBOLS).ratePerSecond(300).seed(5).wsPort(0).restPort(0)))
        {
            final Engine engine = Engine.launch(new EngineContext()
                .venue(venue).symbols(simulator.symbols()).url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .priceScale(0).quantityScale(0)
                .instrumentMetadata(true)
                .connectRatePerSecond(100)
                .journal(false)
                .runDir(dir.resolve("run").toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                final long applied = engine.counters().value(SystemCounter.EVENTS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied + 50, "updates flowing");
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.failures()).isEmpty();
            final String[] expected = scales.split(" ");
            for (int id = 0; id < SYMBOLS; id++)
            {
                assertThat(engine.instruments().scales().priceScale(id) + "/" + engine.instruments().scales().quantityScale(id))
                    .as("price/quantity scale of %s", simulator.symbol(id)).isEqualTo(expected[id]);
            }
            assertThat(engine.counters().value(SystemCounter.INSTRUMENT_METADATA_INSTRUMENTS)).isEqualTo(SYMBOLS);
            assertThat(engine.counters().value(SystemCounter.INSTRUMENT_METADATA_FAILURES)).isZero();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            assertThat(engine.counters().value(SystemCounter.UNREPRESENTABLE_VALUES)).isZero();
            assertThat(errors()).isEmpty();
        }
    }

    @Test
    void anEndpointThatIsNotTheVenuesKeepsTheRunWideScalesWithOneCountedError()
    {
        try (Simulator okx = Simulator.start(new SimulatorConfig().venue(Venue.OKX)
            .symbolCount(SYMBOLS).ratePerSecond(300).seed(6).wsPort(0).restPort(0));
            Simulator coinbase = Simulator.start(new SimulatorConfig().venue(Venue.COINBASE).symbolCount(1).wsPort(0).restPort(0)))
        {
            final Engine engine = Engine.launch(new EngineContext()
                .venue("okx").symbols(okx.symbols()).url(okx.wsUrl()).restUrl(coinbase.restUrl())
                .priceScale(4).quantityScale(5)
                .instrumentMetadata(true)
                .connectRatePerSecond(100)
                .journal(false)
                .runDir(dir.resolve("run").toFile()));
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live at the run-wide scales");
                assertThat(engine.instruments().scales().priceScale(0)).isEqualTo(4);
                assertThat(engine.instruments().scales().quantityScale(0)).isEqualTo(5);
                assertThat(engine.counters().value(SystemCounter.INSTRUMENT_METADATA_FAILURES)).isEqualTo(1);
                assertThat(engine.counters().value(SystemCounter.INSTRUMENT_METADATA_INSTRUMENTS)).isZero();
                assertThat(errors()).singleElement().asString().startsWith("1 ")
                    .contains("instrument metadata unavailable, using the run-wide scales: " + coinbase.restUrl() +
                        "/api/v5/public/instruments?instType=SPOT: HTTP 404");
            }
            finally
            {
                engine.shutdown();
            }
        }
    }

    private List<String> errors()
    {
        final List<String> errors = new ArrayList<>();
        try (CountersFileReader reader = new CountersFileReader(dir.resolve("run").toFile()))
        {
            reader.readErrors((count, first, last, text) -> errors.add(count + " " + text));
        }
        return errors;
    }
}
