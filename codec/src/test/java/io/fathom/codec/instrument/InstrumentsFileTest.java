package io.fathom.codec.instrument;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentsFileTest
{
    @Test
    void readsTheDocumentedShapeAndIgnoresOtherFields()
    {
        final List<InstrumentScales> read = parse("[\n  {\"symbol\": \"SHIBUSDT\", \"price_scale\": 8, \"quantity_scale\": 2},\n" +
            "  {\"quantity_scale\": 0, \"tick_size\": \"0.0000000001\", \"symbol\": \"PEPEUSDT\", \"price_scale\": 10}\n]");
        assertThat(read).containsExactly(new InstrumentScales("SHIBUSDT", 8, 2), new InstrumentScales("PEPEUSDT", 10, 0));
        assertThat(parse(" [ ] ")).isEmpty();
    }

    @Test
    void namesTheFileTheEntryAndTheField()
    {
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"price_scale\": 8, \"quantity_scale\": 2}," +
            "{\"symbol\": \"B\", \"price_scale\": 8}]"))
            .hasMessage("inst.json: entry 2 (B): field quantity_scale is missing");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"price_scale\": 19, \"quantity_scale\": 2}]"))
            .hasMessage("inst.json: entry 1: price_scale must be an integer 0..18");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"price_scale\": \"8\", \"quantity_scale\": 2}]"))
            .hasMessage("inst.json: entry 1: price_scale must be an integer 0..18");
        assertThatThrownBy(() -> parse("[{\"symbol\": 7, \"price_scale\": 8, \"quantity_scale\": 2}]"))
            .hasMessage("inst.json: entry 1: symbol must be a non-empty string");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"a\", \"price_scale\": 8, \"quantity_scale\": 2}," +
            "{\"symbol\": \"A\", \"price_scale\": 1, \"quantity_scale\": 2}]"))
            .hasMessage("inst.json: entry 2: symbol A is listed twice");
        assertThatThrownBy(() -> parse("{\"symbol\": \"A\"}"))
            .hasMessageStartingWith("inst.json: must be a JSON array of instrument objects at line 1, column 1");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"price_scale\": 8, \"quantity_scale\": 2}\n,]"))
            .hasMessageStartingWith("inst.json: entry 2 must be an object").hasMessageContaining("line 2");
    }

    @Test
    void catalogueMatchesSymbolsIgnoringCaseAndFallsBackToTheDefaults()
    {
        final ScaleCatalogue catalogue = ScaleCatalogue.of(8, 8, parse(
            "[{\"symbol\": \"ShibUsdt\", \"price_scale\": 8, \"quantity_scale\": 2}]"));
        final byte[] shib = "SHIBUSDT".getBytes(StandardCharsets.US_ASCII);
        final byte[] other = "BTCUSDT".getBytes(StandardCharsets.US_ASCII);
        assertThat(catalogue.quantityScale(catalogue.lookup(shib, 0, shib.length))).isEqualTo(2);
        assertThat(catalogue.lookup(other, 0, other.length)).isEqualTo(-1);
        assertThat(catalogue.quantityScale(-1)).isEqualTo(8);
        assertThat(catalogue.scalesOf("shibusdt")).isEqualTo(new InstrumentScales("shibusdt", 8, 2));
    }

    @Test
    void aVenueEntryAppliesToItsVenueOnlyAndWinsOverAnEntryForEveryVenue()
    {
        final List<InstrumentScales> entries = parse("[" +
            "{\"symbol\": \"BTCUSDT\", \"venue\": \"binance\", \"price_scale\": 2, \"quantity_scale\": 5}," +
            "{\"symbol\": \"BTCUSDT\", \"venue\": \"BINANCE-USDM\", \"price_scale\": 1, \"quantity_scale\": 3}," +
            "{\"symbol\": \"btcusdt\", \"price_scale\": 4, \"quantity_scale\": 4}," +
            "{\"symbol\": \"ETHUSDT\", \"price_scale\": 2, \"quantity_scale\": 4}]");
        assertThat(entries.get(1).venue()).as("the venue id as --venue takes it").isEqualTo("binance-usdm");
        assertThat(InstrumentScales.forVenue(entries, "binance")).containsExactly(
            new InstrumentScales("BTCUSDT", 2, 5, "binance"), new InstrumentScales("ETHUSDT", 2, 4));
        assertThat(InstrumentScales.forVenue(entries, "binance-usdm")).containsExactly(
            new InstrumentScales("BTCUSDT", 1, 3, "binance-usdm"), new InstrumentScales("ETHUSDT", 2, 4));
        assertThat(InstrumentScales.forVenue(entries, "binance-coinm")).containsExactly(
            new InstrumentScales("btcusdt", 4, 4), new InstrumentScales("ETHUSDT", 2, 4));
    }

    @Test
    void refusesAnUnknownVenueAndASymbolTwiceForOneVenue()
    {
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"venue\": \"nasdaq\", \"price_scale\": 2, \"quantity_scale\": 5}]"))
            .hasMessageStartingWith("inst.json: entry 1: venue must be one of: binance, ").hasMessageEndingWith("(got 'nasdaq')");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"venue\": 7, \"price_scale\": 2, \"quantity_scale\": 5}]"))
            .hasMessageStartingWith("inst.json: entry 1: venue must be one of: binance, ");
        assertThatThrownBy(() -> parse("[{\"symbol\": \"A\", \"venue\": \"okx\", \"price_scale\": 2, \"quantity_scale\": 5}," +
            "{\"symbol\": \"a\", \"venue\": \"OKX\", \"price_scale\": 2, \"quantity_scale\": 5}]"))
            .hasMessage("inst.json: entry 2: symbol a is listed twice for venue okx");
    }

    private static List<InstrumentScales> parse(final String json)
    {
        return InstrumentsFile.parse("inst.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
