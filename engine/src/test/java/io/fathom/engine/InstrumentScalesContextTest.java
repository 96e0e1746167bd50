package io.fathom.engine;

import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.feed.InstrumentTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each instrument's scales set on the context reach the instrument table by id, with the run-wide fallback. */
class InstrumentScalesContextTest
{
    @Test
    void listedInstrumentsKeepTheirScalesAndTheOthersTakeTheFallback()
    {
        final EngineContext context = new EngineContext().venue("binance").symbols("SHIBUSDT", "BTCUSDT", "pepeusdt")
            .priceScale(6).quantityScale(4)
            .instruments(List.of(new InstrumentScales("SHIBUSDT", 8, 2), new InstrumentScales("PEPEUSDT", 10, 2),
                new InstrumentScales("DOGEUSDT", 5, 0)))
            .conclude();

        final BookScales scales = new InstrumentTable(context.symbols(), context.scaleCatalogue()).scales();
        assertThat(List.of(scales.priceScale(0), scales.quantityScale(0))).containsExactly(8, 2);
        assertThat(List.of(scales.priceScale(1), scales.quantityScale(1))).containsExactly(6, 4);
        assertThat(List.of(scales.priceScale(2), scales.quantityScale(2))).containsExactly(10, 2);
        assertThat(context.unheldInstruments()).containsExactly("DOGEUSDT");
        assertThat(context.books().priceScale()).isEqualTo(6);
    }

    @Test
    void aSymbolListedTwiceIsRefusedNamingTheSetting()
    {
        final EngineContext context = new EngineContext().venue("binance").symbols("SHIBUSDT")
            .instruments(List.of(new InstrumentScales("SHIBUSDT", 8, 2), new InstrumentScales("shibusdt", 8, 0)));

        assertThatThrownBy(context::conclude).isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("instruments").hasMessageContaining("listed twice: shibusdt");
        assertThatThrownBy(() -> new EngineContext().venue("binance").symbols("A").instruments(null).conclude())
            .isInstanceOf(InvalidSettingException.class).hasMessageContaining("instruments");
    }
}
