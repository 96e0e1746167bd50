package io.fathom.tools;

import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.feed.VenueFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --instruments} entries naming a venue: Binance spot and USD-M both list {@code BTCUSDT} at different
 * precisions, and one engine holding both gives each venue's book its own entry's scales, while an entry naming no
 * venue applies to every venue holding the symbol.
 */
class InstrumentEntriesPerVenueTest
{
    @TempDir
    Path dir;

    @Test
    void theSameSymbolOnSpotAndUsdmTakesEachVenuesEntry() throws IOException
    {
        final String nowhere = "127.0.0.1:" + closedPort();
        final Engine engine = Engine.launch(new EngineContext()
            .venue("binance").symbols("BTCUSDT", "ETHUSDT").url("ws://" + nowhere).restUrl("http://" + nowhere)
            .feed(new VenueFeed("binance-usdm", List.of("btcusdt", "ETHUSDT")).url("ws://" + nowhere).restUrl("http://" + nowhere))
            .instruments(List.of(
                new InstrumentScales("BTCUSDT", 2, 5, "binance"),
                new InstrumentScales("BTCUSDT", 1, 3, "binance-usdm"),
                new InstrumentScales("ETHUSDT", 2, 4),
                new InstrumentScales("SOLUSDT", 3, 2, "binance-usdm")))
            .journal(false)
            .runDir(dir.resolve("run").toFile()));
        try
        {
            final int spot = engine.bookView("binance", "BTCUSDT").instrumentId();
            final int usdm = engine.bookView("binance-usdm", "BTCUSDT").instrumentId();
            assertThat(engine.instruments().scales().priceScale(spot)).isEqualTo(2);
            assertThat(engine.instruments().scales().quantityScale(spot)).isEqualTo(5);
            assertThat(engine.instruments().scales().priceScale(usdm)).isEqualTo(1);
            assertThat(engine.instruments().scales().quantityScale(usdm)).isEqualTo(3);
            for (final String venue : List.of("binance", "binance-usdm"))
            {
                final int eth = engine.bookView(venue, "ETHUSDT").instrumentId();
                assertThat(engine.instruments().scales().priceScale(eth)).as(venue).isEqualTo(2);
                assertThat(engine.instruments().scales().quantityScale(eth)).as(venue).isEqualTo(4);
            }
        }
        finally
        {
            engine.shutdown();
        }
    }

    @Test
    void anEntryForAVenueNotHoldingItIsReportedAsUnheld()
    {
        final EngineContext context = new EngineContext()
            .venue("binance").symbols("BTCUSDT")
            .feed("binance-usdm", "ETHUSDT")
            .instruments(List.of(new InstrumentScales("BTCUSDT", 2, 5, "binance-usdm"),
                new InstrumentScales("BTCUSDT", 2, 5, "binance"), new InstrumentScales("ETHUSDT", 2, 4)));
        assertThat(context.unheldInstruments()).containsExactly("binance-usdm:BTCUSDT");
    }

    @Test
    void anEntryNamingAnUnknownVenueIsRefused()
    {
        final EngineContext context = new EngineContext().venue("binance").symbols("BTCUSDT")
            .instruments(List.of(new InstrumentScales("BTCUSDT", 2, 5, "binance-spot")));
        assertThatThrownBy(context::conclude).isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("instruments").hasMessageContaining("venue of BTCUSDT must be one of: binance, ")
            .hasMessageContaining("(got 'binance-spot')");
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
