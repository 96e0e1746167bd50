package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.BinanceExchangeInfo;
import io.fathom.codec.instrument.InstrumentScales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fathom.tools.sim.SimTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's mixed-precision instruments: its exchangeInfo, read by the engine's parser, and its snapshots. */
class SimExchangeInfoTest
{
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Simulator simulator;

    @AfterEach
    void tearDown()
    {
        if (simulator != null)
        {
            simulator.close();
        }
    }

    @Test
    void servesEachInstrumentsTickAndStepSizeAsTheEngineReadsThem() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(4).ratePerSecond(100).mixedPrecision(true));
        final String url = simulator.restUrl() + "/api/v3/exchangeInfo";
        final HttpResponse<String> all = get(http, url);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(BinanceExchangeInfo.parse(url, all.body().getBytes(StandardCharsets.US_ASCII))).containsExactly(
            new InstrumentScales("SYM0", 2, 3), new InstrumentScales("SYM1", 10, 3),
            new InstrumentScales("SYM2", 2, 2), new InstrumentScales("SYM3", 2, 3));

        final HttpResponse<String> one = get(http, url + "?symbol=SYM1");
        assertThat(BinanceExchangeInfo.parse(url, one.body().getBytes(StandardCharsets.US_ASCII)))
            .containsExactly(new InstrumentScales("SYM1", 10, 3));
        final HttpResponse<String> two = get(http, url + "?symbols=" +
            URLEncoder.encode("[\"SYM2\",\"SYM0\"]", StandardCharsets.UTF_8));
        assertThat(BinanceExchangeInfo.parse(url, two.body().getBytes(StandardCharsets.US_ASCII)))
            .containsExactly(new InstrumentScales("SYM2", 2, 2), new InstrumentScales("SYM0", 2, 3));
        assertThat(get(http, url + "?symbol=NOPE").statusCode()).isEqualTo(400);
        assertThat(get(http, url + "?symbols=SYM0").statusCode()).isEqualTo(400);
    }

    @Test
    void writesTenDecimalPricesAndQuantitiesAboveTenToTheEleven() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(3).ratePerSecond(100).mixedPrecision(true));
        for (int i = 0; i < 3; i++)
        {
            final String body = get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM" + i + "&limit=50").body();
            final Matcher level = LEVEL.matcher(body);
            int levels = 0;
            BigDecimal largest = BigDecimal.ZERO;
            while (level.find())
            {
                levels++;
                final String price = level.group(1);
                final String quantity = level.group(2);
                assertThat(price.length() - price.indexOf('.') - 1).as("price decimals of SYM%d: %s", i, price)
                    .isEqualTo(i == 1 ? 10 : 8);
                assertThat(quantity.length() - quantity.indexOf('.') - 1).as("quantity decimals of SYM%d: %s", i, quantity)
                    .isEqualTo(i == 2 ? 2 : 8);
                largest = largest.max(new BigDecimal(quantity));
                if (i == 1)
                {
                    assertThat(new BigDecimal(price)).isLessThan(new BigDecimal("0.0001"));
                }
            }
            assertThat(levels).as("levels of SYM%d", i).isGreaterThan(20);
            if (i == 2)
            {
                assertThat(largest).isGreaterThan(new BigDecimal("1E11"));
            }
        }
    }

    @Test
    void staysUniformWhenOffAndOnVenuesWithoutExchangeInfo()
    {
        assertThat(SimSymbols.forVenue(Venue.BINANCE, 3, false).precision(1)).isSameAs(SimPrecision.STANDARD);
        assertThat(SimSymbols.forVenue(Venue.KRAKEN, 3, true).precision(1)).isSameAs(SimPrecision.STANDARD);
        assertThat(SimSymbols.forVenue(Venue.BINANCE_USDM, 3, true).precision(2)).isSameAs(SimPrecision.HUGE_QUANTITIES);
    }
}
