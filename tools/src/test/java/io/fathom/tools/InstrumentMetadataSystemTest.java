package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.VenueEndpoints;
import io.fathom.engine.metadata.InstrumentMetadata;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.cli.InstrumentsJson;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instrument metadata at start: the engine takes each instrument's scales from the simulator's exchangeInfo, so its
 * mixed-precision books are all valid, and falls back to the run-wide scales, with one recorded error, when the
 * endpoint is slow, closed or answers with an error.
 */
class InstrumentMetadataSystemTest
{
    private static final int SYMBOLS = 6;

    @TempDir
    Path dir;

    @Test
    void mixedPrecisionBooksAreAllValidWithFetchedScalesAndGivenEntriesWin()
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(2_000).seed(3).wsPort(0).restPort(0).mixedPrecision(true)))
        {
            final Engine engine = Engine.launch(context(simulator)
                .instruments(List.of(new InstrumentScales("SYM3", 4, 5))));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                final long seen = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > seen + 500, "deltas flowing");
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.failures()).isEmpty();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            assertThat(engine.counters().value(SystemCounter.GAPS)).isZero();
            assertThat(engine.bookHandler().book(1).priceScale()).as("SYM1 from exchangeInfo").isEqualTo(10);
            assertThat(engine.bookHandler().book(2).quantityScale()).as("SYM2 from exchangeInfo").isEqualTo(2);
            assertThat(engine.bookHandler().book(3).priceScale()).as("SYM3 as given").isEqualTo(4);
            assertThat(errors()).isEmpty();

            final JsonWriter json = new JsonWriter().beginObject();
            InstrumentsJson.ofEngine(json, engine);
            final String summary = json.endObject().toString();
            assertThat(summary).doesNotContain("\"valid\":false");
            final Matcher sym1 = Pattern.compile("\"symbol\":\"SYM1\",\"valid\":true,\"best_bid\":(0\\.\\d+),").matcher(summary);
            assertThat(sym1.find()).as(summary).isTrue();
            assertThat(sym1.group(1)).as("SYM1 best bid").hasSize(12);
            final Matcher sym2 = Pattern.compile("\"symbol\":\"SYM2\",\"valid\":true,\"best_bid\":[0-9.]+,\"best_bid_qty\":([0-9.]+),")
                .matcher(summary);
            assertThat(sym2.find()).as(summary).isTrue();
            assertThat(sym2.group(1)).as("SYM2 best bid quantity").matches("\\d+\\.\\d{2}");
        }
    }

    @Test
    void slowEndpointFallsBackToTheRunWideScalesWithOneRecordedError()
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(2).ratePerSecond(500).wsPort(0).restPort(0)))
        {
            simulator.faults().slowRest(Duration.ofMillis(1_500));
            final Engine engine = Engine.launch(context(simulator).instrumentMetadataTimeout(Duration.ofMillis(200)));
            try
            {
                simulator.faults().slowRest(Duration.ZERO);
                Await.until(() -> engine.booksLive() == 2, "books live at the run-wide scales");
                assertThat(engine.bookHandler().book(0).priceScale()).isEqualTo(8);
                assertThat(errors()).singleElement().asString()
                    .startsWith("1 ").contains("instrument metadata unavailable, using the run-wide scales")
                    .contains(simulator.restUrl() + "/api/v3/exchangeInfo?symbols=%5B%22SYM0%22%2C%22SYM1%22%5D: no answer within 200 ms");
                assertThat(engine.counters().value(SystemCounter.INSTRUMENT_METADATA_FAILURES)).isEqualTo(1);
            }
            finally
            {
                engine.shutdown();
            }
        }
    }

    @Test
    void closedPortAndHttpErrorAreFailuresThatKeepTheGivenEntries() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final List<InstrumentScales> given = List.of(new InstrumentScales("SYM0", 3, 3));
        final InstrumentMetadata.Outcome refused = InstrumentMetadata.fetch(
            endpoints(Venue.BINANCE_USDM, "http://127.0.0.1:" + closedPort), given, List.of("SYM0"), Duration.ofSeconds(2));
        assertThat(refused.instruments()).isEqualTo(given);
        assertThat(refused.failure()).hasMessageContaining("http://127.0.0.1:" + closedPort + "/fapi/v1/exchangeInfo: ");

        try (Simulator kraken = Simulator.start(new SimulatorConfig().venue(Venue.KRAKEN).symbolCount(1).wsPort(0).restPort(0)))
        {
            final InstrumentMetadata.Outcome notFound = InstrumentMetadata.fetch(
                endpoints(Venue.BINANCE_COINM, kraken.restUrl()), given, List.of("SYM0"), Duration.ofSeconds(2));
            assertThat(notFound.instruments()).isEqualTo(given);
            assertThat(notFound.failure()).hasMessageEndingWith(kraken.restUrl() + "/dapi/v1/exchangeInfo: HTTP 404");
        }
    }

    private EngineContext context(final Simulator simulator)
    {
        return new EngineContext()
            .symbols(simulator.symbols())
            .url(simulator.wsUrl())
            .restUrl(simulator.restUrl())
            .instrumentMetadata(true)
            .snapshotRatePerSecond(1_000)
            .journal(false)
            .runDir(dir.resolve("run").toFile());
    }

    private static VenueEndpoints endpoints(final Venue venue, final String restBase)
    {
        return new VenueEndpoints(venue.id(), venue, "ws://127.0.0.1:1", restBase, 100);
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
