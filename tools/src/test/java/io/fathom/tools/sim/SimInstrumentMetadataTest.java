package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.InstrumentScales;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's metadata endpoints, read by the engine's parsers, and their refusals of requests a venue refuses. */
class SimInstrumentMetadataTest
{
    private static final byte[] NO_BODY = new byte[0];

    @Test
    void eachVenuesEndpointIsReadByItsParser()
    {
        assertThat(read(Venue.OKX, "GET", "instType=SPOT", NO_BODY)).containsExactly(new InstrumentScales("SYM0-USDT", 2, 3),
            new InstrumentScales("SYM1-USDT", 4, 3), new InstrumentScales("SYM2-USDT", 2, 5));
        assertThat(read(Venue.BITGET, "GET", null, NO_BODY)).containsOnly(new InstrumentScales("SYM0USDT", 4, 4),
            new InstrumentScales("SYM1USDT", 4, 4), new InstrumentScales("SYM2USDT", 4, 4));
        assertThat(read(Venue.KRAKEN, "GET", null, NO_BODY)).first().isEqualTo(new InstrumentScales("SYM0/USD", 2, 8));
        assertThat(read(Venue.KRAKEN_V1, "GET", null, NO_BODY)).hasSize(3);
        assertThat(read(Venue.COINBASE, "GET", null, NO_BODY)).containsExactly(new InstrumentScales("SYM0-USD", 2, 8),
            new InstrumentScales("SYM1-USD", 4, 8), new InstrumentScales("SYM2-USD", 2, 9));
        assertThat(read(Venue.HYPERLIQUID, "POST", null, "{\"type\": \"meta\"}".getBytes(StandardCharsets.UTF_8)))
            .containsExactly(new InstrumentScales("SYM0", 3, 3), new InstrumentScales("SYM1", 2, 4), new InstrumentScales("SYM2", 3, 3));
    }

    @Test
    void refusesWhatTheVenueRefuses()
    {
        final SimInstrumentMetadata okx = new SimInstrumentMetadata(SimSymbols.forVenue(Venue.OKX, 3));
        assertThat(okx.answer("GET", null, NO_BODY).status()).isEqualTo(400);
        assertThat(okx.answer("GET", null, NO_BODY).body()).contains("\"code\":\"50014\"");
        assertThat(okx.answer("POST", "instType=SPOT", NO_BODY).status()).isEqualTo(405);
        assertThat(read(Venue.OKX, "GET", "instType=SWAP", NO_BODY)).isEmpty();
        final SimInstrumentMetadata hyperliquid = new SimInstrumentMetadata(SimSymbols.forVenue(Venue.HYPERLIQUID, 3));
        assertThat(hyperliquid.answer("POST", null, "{\"type\":\"spotMeta\"}".getBytes(StandardCharsets.UTF_8)).status())
            .isEqualTo(422);
        assertThat(hyperliquid.answer("GET", null, NO_BODY).status()).isEqualTo(405);
        assertThat(new SimInstrumentMetadata(SimSymbols.forVenue(Venue.BINANCE, 3)).serves("/api/v3/exchangeInfo"))
            .as("Binance's exchangeInfo is served beside its depth").isFalse();
    }

    private static java.util.List<InstrumentScales> read(final Venue venue, final String method, final String query, final byte[] body)
    {
        final SimInstrumentMetadata metadata = new SimInstrumentMetadata(SimSymbols.forVenue(venue, 3));
        final SimInstrumentMetadata.Answer answer = metadata.answer(method, query, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return venue.metadataSource().parse(venue.id(), answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
