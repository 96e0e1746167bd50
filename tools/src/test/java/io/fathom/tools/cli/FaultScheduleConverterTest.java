package io.fathom.tools.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultScheduleConverterTest
{
    @Test
    void converterTurnsABadSpecIntoAUsageError()
    {
        final FaultScheduleConverter converter = new FaultScheduleConverter();
        assertThat(converter.convert("clear@1s").entries()).hasSize(1);
        assertThatThrownBy(() -> converter.convert("clear@1s,nope"))
            .isInstanceOf(CommandLine.TypeConversionException.class)
            .hasMessageContaining("bad fault item 'nope'");
    }

    @Test
    void aBadDurationIsAUsageErrorSayingHowToWriteOne()
    {
        assertThatThrownBy(() -> new DurationConverter().convert("5x"))
            .isInstanceOf(CommandLine.TypeConversionException.class)
            .hasMessage("'5x' has an unknown unit; use ms, s, m or h");
        assertThat(new DurationConverter().convert("250ms")).isEqualTo(java.time.Duration.ofMillis(250));
    }
}
