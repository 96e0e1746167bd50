package io.fathom.codec.json;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;


/**
 * The one-pass reader of the quoted decimals that make up most of a depth frame ({@code "0.35130000"}):
 * checks the text, accumulates the mantissa and counts the fractional digits together, reading each byte
 * once (the fraction eight digits to a {@code long} where it can) instead of the four passes of {@link JsonScanner#readString()}, {@link FixedPoint#parse} and two
 * {@link FixedPoint#fractionDigits} calls.
 *
 * <p>It takes only text that the general path ({@link JsonScanner#readString()} then
 * {@link JsonDecimals#toMantissa}) accepts with the same result, and only when the integer digits and the
 * scale together fit a {@code long} without an overflow check ({@code integerDigits + scale <= 18}). On
 * anything else it consumes nothing but whitespace and records nothing, so the caller takes the general
 * path, which reports what it always did. Stateless.
 */
final class QuotedDecimals
{
    /** Not a mantissa: the text is not one this reader takes. */
    static final long NOT_TAKEN = -1;

    private static final int MAX_DIGITS = 18;

    private QuotedDecimals()
    {
    }

    /**
     * Reads a quoted non-negative decimal at the scanner's position (after optional whitespace) into a
     * mantissa at {@code scale}, leaving the scanner as {@link JsonScanner#readString()} would, with the
     * token's fractional digit count known.
     *
     * @return the mantissa, or {@link #NOT_TAKEN} with nothing but whitespace consumed.
     */
    static long tryRead(final JsonScanner scanner, final int scale)
    {
        if (scanner.peek() != '"')
        {
            return NOT_TAKEN;
        }
        final int start = scanner.position() + 1;
        final int end = scanner.limit();
        final int maxIntegerEnd = Math.min(end, start + MAX_DIGITS - scale + 1);

        int i = start;
        long value = 0;
        int b = 0;
        while (i < maxIntegerEnd)
        {
            b = scanner.byteAt(i);
            final int digit = b - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = value * 10 + digit;
            i++;
        }
        final int integerDigits = i - start;
        if (0 == integerDigits || integerDigits + scale > MAX_DIGITS || i >= end)
        {
            return NOT_TAKEN;
        }

        int fractionDigits = 0;
        if (b == '.')
        {
            final int fractionStart = ++i;
            final int significantEnd = Math.min(end, fractionStart + scale);
            while (i <= significantEnd - Long.BYTES)
            {
                final long word = scanner.wordAt(i);
                if (!AsciiWords.isEightDigits(word))
                {
                    break;
                }
                value = value * AsciiWords.EIGHT_DIGITS_FACTOR + AsciiWords.eightDigits(word);
                i += Long.BYTES;
            }
            b = 0;
            while (i < significantEnd)
            {
                b = scanner.byteAt(i);
                final int digit = b - '0';
                if (digit < 0 || digit > 9)
                {
                    break;
                }
                value = value * 10 + digit;
                i++;
            }
            if (i == significantEnd)
            {
                b = 0;
                while (i < end)
                {
                    b = scanner.byteAt(i);
                    if (b != '0')
                    {
                        break;
                    }
                    i++;
                }
            }
            fractionDigits = i - fractionStart;
            if (0 == fractionDigits || fractionDigits > DepthMessage.MAX_DECIMALS || i >= end)
            {
                return NOT_TAKEN;
            }
        }
        if (b != '"')
        {
            return NOT_TAKEN;
        }

        scanner.takeQuotedDecimal(start, i - start, fractionDigits);
        return value * FixedPoint.powerOfTen(scale - Math.min(fractionDigits, scale));
    }
}
