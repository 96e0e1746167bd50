package io.fathom.codec.decimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

class FixedPointPropertiesTest
{
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Property(tries = 5000)
    void parseOfFormatIsIdentity(@ForAll final long mantissa, @ForAll @IntRange(max = 18) final int scale)
    {
        Assume.that(mantissa != FixedPoint.INVALID);

        final String text = FixedPoint.format(mantissa, scale);

        assertThat(FixedPoint.parse(text, scale)).isEqualTo(mantissa);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FixedPoint.MAX_FORMATTED_LENGTH + 5]);
        final int length = FixedPoint.format(mantissa, scale, buffer, 5);
        assertThat(buffer.getStringWithoutLengthAscii(5, length)).isEqualTo(text);
        assertThat(FixedPoint.parse(buffer, 5, length, scale)).isEqualTo(mantissa);
    }

    @Property(tries = 5000)
    void formatOfParseIsIdentityForCanonicalText(@ForAll("canonicalDecimals") final Decimal decimal)
    {
        Assume.that(fitsInMantissa(new BigDecimal(decimal.text()), decimal.scale()));

        assertThat(FixedPoint.format(FixedPoint.parse(decimal.text(), decimal.scale()), decimal.scale()))
            .isEqualTo(decimal.text());
    }

    @Property(tries = 10000)
    void parseAgreesWithBigDecimal(@ForAll("anyDecimals") final Decimal decimal)
    {
        final BigDecimal exact = new BigDecimal(decimal.text());
        final int scale = decimal.scale();
        final Set<ParseError> reasons = EnumSet.noneOf(ParseError.class);
        if (exact.stripTrailingZeros().scale() > scale)
        {
            reasons.add(ParseError.EXCESS_PRECISION);
        }
        if (!fitsInMantissa(exact.setScale(scale, RoundingMode.DOWN), scale))
        {
            reasons.add(ParseError.OVERFLOW);
        }

        final UnsafeBuffer buffer = new UnsafeBuffer(decimal.text().getBytes(US_ASCII));
        final long parsed = FixedPoint.parse(buffer, 0, buffer.capacity(), scale);
        if (reasons.isEmpty())
        {
            final long expected = exact.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            assertThat(parsed).isEqualTo(expected);
        }
        else
        {
            assertThat(parsed).isEqualTo(FixedPoint.INVALID);
            assertThat(FixedPoint.parseError(buffer, 0, buffer.capacity(), scale)).isIn(reasons);
        }
    }

    record Decimal(String text, int scale)
    {
    }

    @Provide
    Arbitrary<Decimal> canonicalDecimals()
    {
        final Arbitrary<String> integerPart = Arbitraries.oneOf(
            Arbitraries.just("0"),
            Combinators.combine(
                Arbitraries.strings().withCharRange('1', '9').ofLength(1),
                Arbitraries.strings().numeric().ofMaxLength(18)).as(String::concat));
        return Combinators.combine(Arbitraries.of(true, false), integerPart, Arbitraries.integers().between(0, 18))
            .flatAs((negative, integer, scale) -> Arbitraries.strings().numeric().ofLength(scale).map(
                fraction -> new Decimal(
                    canonicalSign(negative, integer, fraction) + integer + (scale > 0 ? "." + fraction : ""), scale)));
    }

    @Provide
    Arbitrary<Decimal> anyDecimals()
    {
        final Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(24);
        final Arbitrary<String> fraction = Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(24).map(f -> "." + f),
            Arbitraries.strings().withChars('0').ofMinLength(1).ofMaxLength(8).map(f -> ".5" + f));
        return Combinators.combine(
            Arbitraries.of("", "-"), digits, fraction, Arbitraries.integers().between(0, 18))
            .as((sign, integer, decimals, scale) -> new Decimal(sign + integer + decimals, scale));
    }

    private static String canonicalSign(final boolean negative, final String integer, final String fraction)
    {
        final boolean zero = integer.equals("0") && fraction.chars().allMatch(c -> c == '0');
        return negative && !zero ? "-" : "";
    }

    private static boolean fitsInMantissa(final BigDecimal value, final int scale)
    {
        return value.setScale(scale, RoundingMode.DOWN).unscaledValue().abs().compareTo(MAX) <= 0;
    }
}
