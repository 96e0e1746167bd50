package io.fathom.codec.decimal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedPointTest
{
    @ParameterizedTest
    @CsvSource({
        "0, 0, 0",
        "0.0000, 4, 0",
        "-0, 0, 0",
        "-0.00, 2, 0",
        "0, 18, 0",
        "0.00000000000000000000, 18, 0" })
    void parsesZeros(final String text, final int scale, final long expected)
    {
        assertParses(text, scale, expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.35130000, 4, 3513",
        "0.0024, 8, 240000",
        "4.00000200, 8, 400000200",
        "-0.05, 2, -5",
        "100, 0, 100",
        "12, 3, 12000",
        "007.50, 2, 750",
        "1.000, 0, 1" })
    void parsesExamples(final String text, final int scale, final long expected)
    {
        assertParses(text, scale, expected);
    }

    @ParameterizedTest
    @CsvSource({
        "9223372036854775807, 0, 9223372036854775807",
        "-9223372036854775807, 0, -9223372036854775807",
        "9.223372036854775807, 18, 9223372036854775807",
        "-9.223372036854775807, 18, -9223372036854775807",
        "92233720368.54775807, 8, 9223372036854775807",
        "0.000000000000000001, 18, 1",
        "000000000000000000000000009223372036854775807, 0, 9223372036854775807" })
    void parsesLongBoundaries(final String text, final int scale, final long expected)
    {
        assertParses(text, scale, expected);
    }

    @ParameterizedTest
    @CsvSource({
        "9223372036854775808, 0",
        "-9223372036854775808, 0",
        "9.223372036854775808, 18",
        "92233720368.54775808, 8",
        "10, 18",
        "9223372036854775807, 1",
        "99999999999999999999999, 0",
        "99999999999999999999999.5, 0" })
    void rejectsOverflow(final String text, final int scale)
    {
        assertRejects(text, scale, ParseError.OVERFLOW);
    }

    @Test
    void reservesLongMinValueAsInvalid()
    {
        assertRejects("-9223372036854775808", 0, ParseError.OVERFLOW);
        assertThatThrownBy(() -> FixedPoint.format(Long.MIN_VALUE, 2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("INVALID");
        assertThatThrownBy(() -> FixedPoint.format(Long.MIN_VALUE, 0, new UnsafeBuffer(new byte[32]), 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0.35131, 4",
        "1.5, 0",
        "0.0000000000000000001, 18",
        "0.000000001, 8",
        "-2.100000001, 8" })
    void rejectsExcessPrecision(final String text, final int scale)
    {
        assertRejects(text, scale, ParseError.EXCESS_PRECISION);
    }

    @Test
    void acceptsTrailingZerosBeyondScale()
    {
        assertParses("0.35130000", 4, 3513);
        assertParses("25.3519000000000000000000000000", 4, 253519);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+1", "-", ".", "1.", ".5", "-.5", "-1.", "1e5", "1E5", "1.5e3", " 1", "1 ", "1. 5", "NaN", "nan",
        "Infinity", "-Infinity", "1.2.3", "--1", "1,5", "0x10", "1_000", "\u0661", "1\u00a0", "\"1\"" })
    void rejectsMalformed(final String text)
    {
        assertRejects(text, 8, ParseError.MALFORMED);
    }

    @Test
    void rejectsEmpty()
    {
        assertRejects("", 2, ParseError.EMPTY);
    }

    @Test
    void rejectsScaleOutsideRange()
    {
        assertRejects("1", 19, ParseError.INVALID_SCALE);
        assertRejects("1", -1, ParseError.INVALID_SCALE);
        assertThatThrownBy(() -> FixedPoint.format(1, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.format(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionNamesInputAndReason()
    {
        assertThatThrownBy(() -> FixedPoint.parse("0.35131", 4))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"0.35131\"")
            .hasMessageContaining("scale 4")
            .hasMessageContaining("EXCESS_PRECISION");
    }

    @Test
    void parsesRangeInsideLargerBuffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer("xx12.34yy".getBytes(UTF_8));

        assertThat(FixedPoint.parse(buffer, 2, 5, 2)).isEqualTo(1234);
        assertThat(FixedPoint.parse(buffer, 2, 6, 2)).isEqualTo(FixedPoint.INVALID);
        assertThat(FixedPoint.parseError(buffer, 2, 6, 2)).isEqualTo(ParseError.MALFORMED);
        assertThat(FixedPoint.parseError(buffer, 2, 5, 2)).isEqualTo(ParseError.NONE);
        assertThat(FixedPoint.parseError(buffer, 2, 0, 2)).isEqualTo(ParseError.EMPTY);
    }

    @ParameterizedTest
    @CsvSource({
        "3513, 8, 0.00003513",
        "-5, 2, -0.05",
        "100, 0, 100",
        "0, 3, 0.000",
        "0, 0, 0",
        "-1, 0, -1",
        "1, 18, 0.000000000000000001",
        "-9223372036854775807, 18, -9.223372036854775807",
        "9223372036854775807, 0, 9223372036854775807",
        "9223372036854775807, 8, 92233720368.54775807",
        "400000200, 8, 4.00000200" })
    void formatsExactText(final long mantissa, final int scale, final String expected)
    {
        assertThat(FixedPoint.format(mantissa, scale)).isEqualTo(expected);
    }

    @Test
    void formatsIntoBufferAtOffsetAndReturnsLength()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[40]);
        buffer.setMemory(0, 40, (byte)'#');

        final int length = FixedPoint.format(-9223372036854775807L, 18, buffer, 3);

        assertThat(length).isEqualTo(FixedPoint.MAX_FORMATTED_LENGTH);
        assertThat(buffer.getStringWithoutLengthAscii(0, 26)).isEqualTo("###-9.223372036854775807##");
    }

    private static void assertParses(final String text, final int scale, final long expected)
    {
        assertThat(FixedPoint.parse(text, scale)).isEqualTo(expected);
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(UTF_8));
        assertThat(FixedPoint.parse(buffer, 0, buffer.capacity(), scale)).isEqualTo(expected);
        assertThat(FixedPoint.parseError(buffer, 0, buffer.capacity(), scale)).isEqualTo(ParseError.NONE);
    }

    private static void assertRejects(final String text, final int scale, final ParseError error)
    {
        assertThatThrownBy(() -> FixedPoint.parse(text, scale))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(error.name());
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(UTF_8));
        assertThat(FixedPoint.parse(buffer, 0, buffer.capacity(), scale)).isEqualTo(FixedPoint.INVALID);
        assertThat(FixedPoint.parseError(buffer, 0, buffer.capacity(), scale)).isEqualTo(error);
    }

    @Test
    void toDoubleIsTheNearestDoubleOfTheDecimal()
    {
        assertThat(FixedPoint.toDouble(9_876_543_210L, 10)).isEqualTo(0.987654321);
        assertThat(FixedPoint.toDouble(-125, 2)).isEqualTo(-1.25);
        assertThat(FixedPoint.toDouble(98_765_432_109_00L, 2)).isEqualTo(98765432109.0);
        assertThat(FixedPoint.toDouble(7, 0)).isEqualTo(7.0);
    }
}
