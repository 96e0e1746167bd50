package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimSymbolsTest
{
    @Test
    void namesInstrumentsAsEachVenueSpellsThem()
    {
        assertThat(SimSymbols.forVenue(Venue.BINANCE, 3).names()).containsExactly("SYM0", "SYM1", "SYM2");
        assertThat(SimSymbols.forVenue(Venue.BINANCE_USDM, 1).name(0)).isEqualTo("SYM0USDT");
        assertThat(SimSymbols.forVenue(Venue.BINANCE_COINM, 13).name(12)).isEqualTo("SYM12USD_PERP");
        assertThat(SimSymbols.forVenue(Venue.KRAKEN, 1).name(0)).isEqualTo("SYM0/USD");
        assertThat(SimSymbols.forVenue(Venue.KRAKEN_V1, 1).name(0)).isEqualTo("SYM0/USD");
        assertThat(SimSymbols.forVenue(Venue.OKX, 1).name(0)).isEqualTo("SYM0-USDT");
        assertThat(SimSymbols.forVenue(Venue.BITGET, 1).name(0)).isEqualTo("SYM0USDT");
        assertThat(SimSymbols.forVenue(Venue.COINBASE, 1).name(0)).isEqualTo("SYM0-USD");
        assertThat(SimSymbols.forVenue(Venue.HYPERLIQUID, 1).name(0)).isEqualTo("SYM0");
    }

    @Test
    void parsesOnlyTheVenuesOwnNamesAndStreams()
    {
        final SimSymbols coinm = SimSymbols.forVenue(Venue.BINANCE_COINM, 20);
        assertThat(coinm.indexOf("SYM19USD_PERP")).isEqualTo(19);
        assertThat(coinm.indexOf("SYM20USD_PERP")).isEqualTo(-1);
        assertThat(coinm.indexOf("SYM01USD_PERP")).isEqualTo(-1);
        assertThat(coinm.indexOf("SYM1")).isEqualTo(-1);
        assertThat(coinm.indexOf("SYMUSD_PERP")).isEqualTo(-1);
        assertThat(coinm.stream(7)).isEqualTo("sym7usd_perp@depth@100ms");
        assertThat(coinm.indexOfStream("sym7usd_perp@depth@100ms")).isEqualTo(7);
        assertThat(coinm.indexOfStream("sym7@depth@100ms")).isEqualTo(-1);
        final SimSymbols kraken = SimSymbols.forVenue(Venue.KRAKEN, 2);
        assertThat(kraken.indexOf("SYM1/USD")).isEqualTo(1);
        assertThat(kraken.indexOf("SYM1/EUR")).isEqualTo(-1);
        assertThat(kraken.indexOf("sym1/usd")).isEqualTo(-1);
    }
}
