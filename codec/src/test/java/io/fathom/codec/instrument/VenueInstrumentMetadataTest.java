package io.fathom.codec.instrument;

import io.fathom.codec.Venue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each venue's metadata parser against its documentation's example response (the resources under
 * {@code instrument-metadata/}, whose README names each source URL), the requests each venue asks, and the refusals of
 * bodies that are not the documented shape, each naming the URL and the field.
 */
class VenueInstrumentMetadataTest
{
    private static final String URL = "http://venue/path";

    @Test
    void everyVenueNamesItsSource()
    {
        for (final Venue venue : Venue.values())
        {
            assertThat(venue.metadataSource()).as(venue.id()).isNotNull();
        }
    }

    @Test
    void okxTakesTickAndLotSizesOfTheDocumentedExample() throws IOException
    {
        // https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments
        assertThat(OkxInstruments.SOURCE.parse(URL, resource("okx-instruments.json")))
            .containsExactly(new InstrumentScales("BTC-USDT", 1, 8));
    }

    @Test
    void okxAsksOneRequestPerInstrumentTypeHeld()
    {
        assertThat(urls(OkxInstruments.SOURCE.requests("http://h:1",
            List.of("BTC-USDT", "eth-usdt", "BTC-USDT-SWAP", "BTC-USD-250328", "BTC-USD-250328-60000-C", "ETH-USD-250328-3000-P"))))
            .containsExactly("http://h:1/api/v5/public/instruments?instType=SPOT",
                "http://h:1/api/v5/public/instruments?instType=SWAP",
                "http://h:1/api/v5/public/instruments?instType=FUTURES",
                "http://h:1/api/v5/public/instruments?instType=OPTION&instFamily=BTC-USD",
                "http://h:1/api/v5/public/instruments?instType=OPTION&instFamily=ETH-USD");
    }

    @Test
    void okxRefusesAnErrorCodeAndAMissingTickSize()
    {
        assertThatThrownBy(() -> OkxInstruments.SOURCE.parse(URL, ascii("{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}")))
            .hasMessage(URL + ": OKX error code 51001: Instrument ID does not exist");
        assertThatThrownBy(() -> OkxInstruments.SOURCE.parse(URL, ascii("{\"code\":\"0\",\"data\":[{\"instId\":\"A-B\",\"lotSz\":\"1\"}]}")))
            .hasMessage(URL + ": data[0] (A-B): field tickSz is missing");
        assertThatThrownBy(() -> OkxInstruments.SOURCE.parse(URL, ascii("{\"code\":\"0\",\"data\":[{\"instId\":\"A-B\",\"tickSz\":\"x\",\"lotSz\":\"1\"}]}")))
            .hasMessage(URL + ": data[0] (A-B): field tickSz: not a plain decimal: \"x\"");
    }

    @Test
    void bitgetTakesTheWebSocketNameAndItsScales() throws IOException
    {
        // https://bitgetlimited.github.io/apidoc/en/spot/#get-all-instruments
        assertThat(BitgetProducts.SOURCE.parse(URL, resource("bitget-products.json")))
            .containsExactly(new InstrumentScales("BTCUSDT", 2, 4));
        assertThat(urls(BitgetProducts.SOURCE.requests("http://h:1", List.of("BTCUSDT"))))
            .containsExactly("http://h:1/api/spot/v1/public/products");
    }

    @Test
    void bitgetRefusesAnErrorCodeAndANonNumericScale()
    {
        assertThatThrownBy(() -> BitgetProducts.SOURCE.parse(URL, ascii("{\"code\":\"40034\",\"msg\":\"Parameter does not exist\"}")))
            .hasMessage(URL + ": Bitget error code 40034: Parameter does not exist");
        assertThatThrownBy(() -> BitgetProducts.SOURCE.parse(URL,
            ascii("{\"code\":\"00000\",\"data\":[{\"symbolName\":\"AUSDT\",\"priceScale\":\"two\",\"quantityScale\":\"4\"}]}")))
            .hasMessage(URL + ": data[0] (AUSDT): field priceScale must be a whole number of decimals (got \"two\")");
    }

    @Test
    void krakenTakesPairAndLotDecimalsByWebSocketNameInEitherVersion() throws IOException
    {
        // https://docs.kraken.com/api/docs/rest-api/get-tradable-asset-pairs
        assertThat(KrakenAssetPairs.V1.parse(URL, resource("kraken-asset-pairs.json")))
            .containsExactly(new InstrumentScales("ETH/XBT", 5, 8), new InstrumentScales("XBT/USD", 1, 8));
        assertThat(KrakenAssetPairs.V2.parse(URL, resource("kraken-asset-pairs.json")))
            .containsExactly(new InstrumentScales("ETH/BTC", 5, 8), new InstrumentScales("BTC/USD", 1, 8));
        assertThat(KrakenAssetPairs.v2Name("XDG/EUR")).isEqualTo("DOGE/EUR");
        assertThat(KrakenAssetPairs.v2Name("XBTC/USD")).isEqualTo("XBTC/USD");
        assertThat(urls(KrakenAssetPairs.V2.requests("http://h:1", List.of("BTC/USD"))))
            .containsExactly("http://h:1/0/public/AssetPairs");
    }

    @Test
    void krakenRefusesItsErrorArrayAndAPairWithoutDecimals()
    {
        assertThatThrownBy(() -> KrakenAssetPairs.V2.parse(URL, ascii("{\"error\":[\"EGeneral:Too many requests\"]}")))
            .hasMessage(URL + ": Kraken error EGeneral:Too many requests");
        assertThatThrownBy(() -> KrakenAssetPairs.V2.parse(URL, ascii("{\"error\":[],\"result\":{\"P\":{\"wsname\":\"A/B\",\"pair_decimals\":2}}}")))
            .hasMessage(URL + ": result.P (A/B): field lot_decimals is missing");
        assertThat(KrakenAssetPairs.V2.parse(URL, ascii("{\"error\":[],\"result\":{\"P.d\":{\"altname\":\"P.d\"}}}")))
            .as("a dark-pool pair has no WebSocket name").isEmpty();
    }

    @Test
    void coinbaseTakesThePriceAndBaseIncrements() throws IOException
    {
        // https://docs.cdp.coinbase.com/advanced-trade/ (List Public Products)
        assertThat(CoinbaseProducts.SOURCE.parse(URL, resource("coinbase-products.json")))
            .containsExactly(new InstrumentScales("BTC-USD", 8, 8));
        assertThat(CoinbaseProducts.SOURCE.parse(URL, ascii("{\"products\":[{\"product_id\":\"ETH-USD\"," +
            "\"quote_increment\":\"0.01\",\"base_increment\":\"0.0001\"}]}")))
            .as("quote_increment where there is no price_increment").containsExactly(new InstrumentScales("ETH-USD", 2, 4));
        assertThat(urls(CoinbaseProducts.SOURCE.requests("http://h:1", List.of("BTC-USD"))))
            .containsExactly("http://h:1/api/v3/brokerage/market/products");
    }

    @Test
    void coinbaseRefusesAnErrorBodyAndANumberThatIsNotAnIncrement()
    {
        assertThatThrownBy(() -> CoinbaseProducts.SOURCE.parse(URL, ascii("{\"error\":\"NOT_FOUND\",\"message\":\"x\"}")))
            .hasMessage(URL + ": no \"products\" array");
        assertThatThrownBy(() -> CoinbaseProducts.SOURCE.parse(URL, ascii("{\"products\":[{\"product_id\":\"A-B\"," +
            "\"price_increment\":\"0\",\"base_increment\":\"1\"}]}")))
            .hasMessage(URL + ": products[0] (A-B): field price_increment: not a positive decimal: \"0\"");
    }

    @Test
    void hyperliquidDerivesPriceDecimalsFromSizeDecimalsByThePerpetualsRule() throws IOException
    {
        // https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals
        assertThat(HyperliquidMeta.SOURCE.parse(URL, resource("hyperliquid-meta.json"))).containsExactly(
            new InstrumentScales("BTC", 1, 5), new InstrumentScales("ETH", 2, 4),
            new InstrumentScales("HPOS", 6, 0), new InstrumentScales("LOOMDEPRECATED", 5, 1));
        final InstrumentMetadataRequest request = HyperliquidMeta.SOURCE.requests("http://h:1", List.of("BTC")).get(0);
        assertThat(request.url()).isEqualTo("http://h:1/info");
        assertThat(request.jsonBody()).isEqualTo("{\"type\":\"meta\"}");
    }

    @Test
    void hyperliquidRefusesSizeDecimalsAboveThePriceDecimalsAndBadJson()
    {
        assertThatThrownBy(() -> HyperliquidMeta.SOURCE.parse(URL, ascii("{\"universe\":[{\"name\":\"X\",\"szDecimals\":7}]}")))
            .hasMessage(URL + ": universe[0] (X): field szDecimals is 7, above the 6 decimals of a perpetual's prices");
        assertThatThrownBy(() -> HyperliquidMeta.SOURCE.parse(URL, ascii("{\"universe\":[{\"name\":\"X\",\"szDecimals\":-1}]}")))
            .hasMessage(URL + ": universe[0] (X): field szDecimals must be a whole number of decimals (got -1)");
        assertThatThrownBy(() -> HyperliquidMeta.SOURCE.parse(URL, ascii("<html>502 Bad Gateway</html>")))
            .hasMessageStartingWith(URL + ": not a JSON body: ");
        assertThatThrownBy(() -> HyperliquidMeta.SOURCE.parse(URL, ascii("{\"universe\":[{\"name\":\"X\"")))
            .hasMessageStartingWith(URL + ": not a JSON body: ");
    }

    @Test
    void binanceSpotNarrowsToTheHeldSymbolsWhileTheUrlIsShortAndFuturesNever()
    {
        final InstrumentMetadataRequest spot = BinanceExchangeInfoSource.SPOT.requests("http://h:1", List.of("btcusdt", "SHIBUSDT")).get(0);
        assertThat(URLDecoder.decode(spot.url(), StandardCharsets.UTF_8))
            .isEqualTo("http://h:1/api/v3/exchangeInfo?symbols=[\"BTCUSDT\",\"SHIBUSDT\"]");
        assertThat(spot.url()).doesNotContain("\"", "[");
        assertThat(spot.fallbackUrl()).isEqualTo("http://h:1/api/v3/exchangeInfo");

        final List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++)
        {
            many.add("SYMBOL" + i + "USDT");
        }
        final InstrumentMetadataRequest whole = BinanceExchangeInfoSource.SPOT.requests("http://h:1", many).get(0);
        assertThat(whole.url()).isEqualTo("http://h:1/api/v3/exchangeInfo");
        assertThat(whole.fallbackUrl()).isNull();
        assertThat(urls(BinanceExchangeInfoSource.USDM.requests("http://h:1", List.of("BTCUSDT"))))
            .containsExactly("http://h:1/fapi/v1/exchangeInfo");
        assertThat(urls(BinanceExchangeInfoSource.COINM.requests("http://h:1", List.of("BTCUSD_PERP"))))
            .containsExactly("http://h:1/dapi/v1/exchangeInfo");
    }

    private static List<String> urls(final List<InstrumentMetadataRequest> requests)
    {
        final List<String> urls = new ArrayList<>();
        requests.forEach(request -> urls.add(request.url()));
        return urls;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] resource(final String name) throws IOException
    {
        try (InputStream in = VenueInstrumentMetadataTest.class.getResourceAsStream("/instrument-metadata/" + name))
        {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
