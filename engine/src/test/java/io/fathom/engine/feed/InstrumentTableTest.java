package io.fathom.engine.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentTableTest
{
    @Test
    void findsEverySymbolByItsBytesAndRejectsOthers()
    {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 1000; i++)
        {
            symbols.add("sym" + i);
        }
        final InstrumentTable table = new InstrumentTable(symbols);
        for (int i = 0; i < 1000; i++)
        {
            final byte[] bytes = ("xxSYM" + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(table.lookup(bytes, 2, bytes.length - 2)).isEqualTo(i);
            assertThat(table.symbol(i)).isEqualTo("SYM" + i);
        }
        final byte[] unknown = "SYM1000".getBytes(StandardCharsets.US_ASCII);
        assertThat(table.lookup(unknown, 0, unknown.length)).isEqualTo(-1);
        assertThat(table.lookup("sym1")).isEqualTo(1);
    }

    @Test
    void rejectsDuplicateSymbols()
    {
        assertThatThrownBy(() -> new InstrumentTable(List.of("btcusdt", "BTCUSDT")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("duplicate symbol");
    }
}
