package io.fathom.codec.checksum;

import io.fathom.codec.decimal.FixedPoint;

/**
 * Feeds the text of a fixed-point value, rebuilt with a given number of fractional digits, into a running
 * {@link Crc32}: either as a decimal ({@code "0.0100"}) or as its digits with the point and leading zeros
 * removed ({@code "100"}). No allocation, no buffer.
 */
final class ChecksumText
{
    private ChecksumText()
    {
    }

    /**
     * Adds the digits of {@code mantissa / 10^scale} written with {@code decimals} fractional digits, point
     * and leading zeros removed; a zero value adds nothing (every digit is a leading zero).
     */
    static int updateStripped(final int crc, final long mantissa, final int scale, final int decimals)
    {
        final long significand = significand(mantissa, scale, decimals);
        if (0 == significand)
        {
            return crc;
        }
        int c = updateDigits(crc, significand, digitCount(significand));
        for (int i = scale; i < decimals; i++)
        {
            c = Crc32.update(c, '0');
        }
        return c;
    }

    /** Adds {@code mantissa / 10^scale} as decimal text with exactly {@code decimals} fractional digits. */
    static int updateDecimal(final int crc, final long mantissa, final int scale, final int decimals)
    {
        final long significand = significand(mantissa, scale, decimals);
        final int extraZeros = Math.max(decimals - scale, 0);
        final int significandDigits = digitCount(significand);
        final int fractionFromSignificand = decimals - extraZeros;
        int c = crc;
        if (significandDigits > fractionFromSignificand)
        {
            c = updateDigits(c, significand / FixedPoint.powerOfTen(fractionFromSignificand),
                significandDigits - fractionFromSignificand);
        }
        else
        {
            c = Crc32.update(c, '0');
        }
        if (decimals > 0)
        {
            c = Crc32.update(c, '.');
            c = updateDigits(c, significand % FixedPoint.powerOfTen(fractionFromSignificand), fractionFromSignificand);
            for (int i = 0; i < extraZeros; i++)
            {
                c = Crc32.update(c, '0');
            }
        }
        return c;
    }

    /** The value times {@code 10^min(decimals, scale)}: the digits the text carries before any padding zeros. */
    private static long significand(final long mantissa, final int scale, final int decimals)
    {
        return decimals >= scale ? mantissa : mantissa / FixedPoint.powerOfTen(scale - decimals);
    }

    /** Adds exactly {@code count} digits of a non-negative value, zero-padded on the left. */
    private static int updateDigits(final int crc, final long value, final int count)
    {
        int c = crc;
        for (int i = count - 1; i >= 0; i--)
        {
            final long digit = i > FixedPoint.MAX_SCALE ? 0 : (value / FixedPoint.powerOfTen(i)) % 10;
            c = Crc32.update(c, (int)('0' + digit));
        }
        return c;
    }

    private static int digitCount(final long value)
    {
        int digits = 1;
        while (digits <= FixedPoint.MAX_SCALE && value >= FixedPoint.powerOfTen(digits))
        {
            digits++;
        }
        return digits;
    }
}
