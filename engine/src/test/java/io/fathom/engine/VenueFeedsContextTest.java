package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.status.CountersSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Venues beside the first: what they conclude into, the instrument ids across venues, and each refusal's setting. */
class VenueFeedsContextTest
{
    @TempDir
    Path dir;

    @Test
    void concludesOneGroupPerVenueWithItsOwnEndpoints()
    {
        final EngineContext context = binance()
            .feed(new VenueFeed("OKX", "BTC-USDT", "ETH-USDT").url("ws://127.0.0.1:9100/"))
            .feed("binance-usdm", "BTCUSDT")
            .conclude();

        final List<VenueGroup> groups = context.venueGroups();
        assertThat(groups).extracting(VenueGroup::venue).containsExactly("binance", "okx", "binance-usdm");
        assertThat(groups.get(0).endpoints()).isEqualTo(context.venueEndpoints());
        assertThat(groups.get(1).endpoints().protocol()).isEqualTo(Venue.OKX);
        assertThat(groups.get(1).endpoints().wsBaseUrl()).isEqualTo("ws://127.0.0.1:9100");
        assertThat(groups.get(2).endpoints().wsBaseUrl()).isEqualTo(Venue.BINANCE_USDM.wsUrl());
        assertThat(groups.get(2).endpoints().restBaseUrl()).isEqualTo(Venue.BINANCE_USDM.restUrl());
        assertThat(groups.get(1).symbols()).containsExactly("BTC-USDT", "ETH-USDT");
    }

    @Test
    void aFurtherWssVenueRunsOnTheSelectorTransport()
    {
        final EngineContext context = binance().transport(io.fathom.engine.feed.Transport.SELECTOR)
            .feed("binance-usdm", "BTCUSDT")
            .conclude();

        assertThat(context.venueGroups().get(1).endpoints().wsBaseUrl()).startsWith("wss://");
    }

    @Test
    void givesIdsAcrossVenuesAndTellsTheSameSymbolOnTwoVenuesApart()
    {
        final VenueInstruments instruments = new VenueInstruments(binance().feed("binance-usdm", "ETHUSDT", "BTCUSDT")
            .conclude().venueGroups());

        assertThat(instruments.size()).isEqualTo(4);
        assertThat(instruments.symbols()).containsExactly("BTCUSDT", "ETHUSDT", "ETHUSDT", "BTCUSDT");
        assertThat(instruments.venues()).containsExactly("binance", "binance", "binance-usdm", "binance-usdm");
        assertThat(instruments.id("binance-usdm", "btcusdt")).isEqualTo(3);
        assertThat(instruments.id("binance", "BTCUSDT")).isZero();
        assertThat(instruments.base(1)).isEqualTo(2);
        assertThat(instruments.table(1).lookup("BTCUSDT")).isEqualTo(1);
        assertThat(instruments.groupOf(3)).isEqualTo(1);
        assertThat(instruments.venuesOf("ETHUSDT")).containsExactly("binance", "binance-usdm");
        assertThatThrownBy(() -> instruments.id("ETHUSDT")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ETHUSDT is held by venues binance and binance-usdm");
        assertThatThrownBy(() -> instruments.require("okx", "ETHUSDT")).hasMessageContaining("unknown venue: okx");
        assertThatThrownBy(() -> instruments.require("binance", "SOLUSDT")).hasMessageContaining("unknown symbol: SOLUSDT on venue binance");
    }

    @Test
    void aVenueGivenTwiceIsRefusedNamingBothGroups()
    {
        assertRefused(binance().feed("okx", "BTC-USDT").feed("okx", "ETH-USDT"), "feeds",
            "name venue 'okx' once, with all its symbols (it is given twice: okx:BTC-USDT and okx:ETH-USDT)");
        assertRefused(binance().feed("binance", "BTCUSDT"), "feeds", "given twice: binance:BTCUSDT,ETHUSDT and binance:BTCUSDT");
    }

    @Test
    void refusesAnUnknownVenueBadSymbolsAndBadEndpointsNamingTheVenue()
    {
        assertRefused(binance().feed("nasdaq", "AAPL"), "feeds", "venue must be one of:");
        assertRefused(binance().feed("okx"), "feeds", "venue okx: symbols must name at least one symbol");
        assertRefused(binance().feed("okx", "BTC-USDT", "btc-usdt"), "feeds", "venue okx: symbols must name each symbol once");
        assertRefused(binance().feed(new VenueFeed("okx", "BTC-USDT").url("http://x")), "feeds",
            "venue okx: url must be a WebSocket URL");
        assertRefused(binance().feed(new VenueFeed("binance-usdm", "BTCUSDT").restUrl("ftp://x")), "feeds",
            "venue binance-usdm: restUrl must be an HTTP base");
        assertRefused(binance().feed(new VenueFeed("okx", "BTC-USDT").url("ws://127.0.0.1:70000")), "feeds",
            "venue okx: url port must be 1..65535");
        assertRefused(binance().feed("kraken", "XBT/USD").venueDepth(100).feed("okx", "A-B").venueDepth(7), "feeds",
            "venue kraken: venueDepth must be one of Kraken's depths");
        assertRefused(binance().feed("kraken", "XBT/USD").venueDepth(1000).bookCapacityPerSide(500), "feeds",
            "venue kraken: venueDepth must not exceed bookCapacityPerSide 500 (got 1000)");
        assertRefused(binance().feed("okx", "BTC-USDT").captureFile(new File(dir.toFile(), "capture.txt")), "captureFile",
            "records one venue's frames");
    }

    @Test
    void aVenueMayHoldTheSameSymbolWithScalesOfItsOwn()
    {
        final EngineContext context = binance().feed("binance-usdm", "BTCUSDT")
            .instruments(List.of(new InstrumentScales("BTCUSDT", 2, 5))).conclude();
        context.venueInstruments("binance-usdm", List.of(new InstrumentScales("BTCUSDT", 1, 3)));
        context.concludeScales();

        final VenueInstruments instruments = new VenueInstruments(context.venueGroups());
        assertThat(instruments.scales().priceScale(0)).isEqualTo(2);
        assertThat(instruments.scales().quantityScale(0)).isEqualTo(5);
        assertThat(instruments.scales().priceScale(2)).isEqualTo(1);
        assertThat(instruments.scales().quantityScale(2)).isEqualTo(3);
    }

    @Test
    void sizesTheCountersFileForEveryVenuesFeeds()
    {
        final EngineContext one = binance().streamsPerConnection(1).conclude();
        final EngineContext two = binance().streamsPerConnection(1).feed("okx", "A-B", "C-D", "E-F").conclude();

        final CountersSize oneSize = ContextChecks.countersSize(one);
        final CountersSize twoSize = ContextChecks.countersSize(two);
        assertThat(twoSize.valuesLength()).isGreaterThan(oneSize.valuesLength());
        assertThat(twoSize).isEqualTo(CountersSize.forFeeds(5,
            CountersSize.connectionsFor(2, 1, 0) + CountersSize.connectionsFor(3, 1, 1)));
    }

    private static void assertRefused(final EngineContext context, final String setting, final String reason)
    {
        assertThatThrownBy(context::conclude).isInstanceOf(InvalidSettingException.class)
            .satisfies(e -> assertThat(((InvalidSettingException)e).setting()).isEqualTo(setting))
            .hasMessageContaining(reason);
    }

    private EngineContext binance()
    {
        return new EngineContext().venue("binance").symbols("BTCUSDT", "ETHUSDT")
            .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile());
    }
}
