package io.fathom.codec.instrument;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceExchangeInfoTest
{
    @Test
    void derivesScalesFromTickAndStepSizesInTheDocumentedShape()
    {
        final List<InstrumentScales> read = parse("{\"timezone\":\"UTC\",\"serverTime\":1,\"rateLimits\":[]," +
            "\"exchangeFilters\":[],\"symbols\":[" +
            "{\"symbol\":\"PEPEUSDT\",\"status\":\"TRADING\",\"filters\":[" +
            "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.00000001\",\"maxPrice\":\"1.0\",\"tickSize\":\"0.0000000001\"}," +
            "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"1.00\",\"maxQty\":\"9000000.00\",\"stepSize\":\"1.00\"}," +
            "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0\",\"maxQty\":\"1\",\"stepSize\":\"0.001\"}]}," +
            "{\"symbol\":\"BTCUSDT\",\"filters\":[{\"stepSize\":\"0.00001000\",\"filterType\":\"LOT_SIZE\"}," +
            "{\"tickSize\":\"0.01000000\",\"filterType\":\"PRICE_FILTER\"}],\"permissions\":[\"SPOT\"]}," +
            "{\"symbol\":\"NOFILTERS\",\"filters\":[]}]}");
        assertThat(read).containsExactly(new InstrumentScales("PEPEUSDT", 10, 0), new InstrumentScales("BTCUSDT", 2, 5));
    }

    @Test
    void trimsTrailingZerosToCountDecimals()
    {
        assertThat(BinanceExchangeInfo.decimals("0.00001000")).isEqualTo(5);
        assertThat(BinanceExchangeInfo.decimals("1.00000000")).isZero();
        assertThat(BinanceExchangeInfo.decimals("10")).isZero();
        assertThat(BinanceExchangeInfo.decimals("0.1")).isEqualTo(1);
        assertThatThrownBy(() -> BinanceExchangeInfo.decimals("0.000")).hasMessageContaining("not a positive decimal");
        assertThatThrownBy(() -> BinanceExchangeInfo.decimals("1e-8")).hasMessageContaining("not a plain decimal");
    }

    @Test
    void refusesWhatIsNotAnExchangeInfo()
    {
        assertThatThrownBy(() -> parse("{\"code\":-1000,\"msg\":\"An unknown error occurred\"}"))
            .hasMessage("https://x/api/v3/exchangeInfo: exchangeInfo has no \"symbols\" array");
        assertThatThrownBy(() -> parse("<html>")).hasMessageStartingWith("https://x/api/v3/exchangeInfo: must be a JSON object");
        assertThatThrownBy(() -> parse("{\"symbols\":[{\"symbol\":\"A\",\"filters\":[" +
            "{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.0000000000000000001\"}," +
            "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"1\"}]}]}"))
            .hasMessageStartingWith("https://x/api/v3/exchangeInfo: symbol A: ").hasMessageContaining("more than 18 decimals");
        assertThatThrownBy(() -> parse("{\"symbols\":[{\"symbol\":\"A\",\"filters\":[{]}]}"))
            .hasMessageStartingWith("https://x/api/v3/exchangeInfo: expected a field name");
    }

    private static List<InstrumentScales> parse(final String json)
    {
        return BinanceExchangeInfo.parse("https://x/api/v3/exchangeInfo", json.getBytes(StandardCharsets.US_ASCII));
    }
}
