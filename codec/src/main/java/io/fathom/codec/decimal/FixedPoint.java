package io.fathom.codec.decimal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Exact conversion between ASCII decimals and fixed-point {@code long} mantissas, so that prices and
 * quantities never pass through a {@code double}.
 *
 * <p>A value {@code v} at scale {@code s} is held as the mantissa {@code v * 10^s}. Accepted text is
 * {@code [-]digits[.digits]}: at least one digit on each side of a point, no {@code +}, exponent,
 * whitespace, {@code NaN} or infinity; so {@code ".5"} and {@code "1."} are rejected. Leading zeros
 * are accepted. Fractional digits beyond the scale are accepted only when they are all zero.
 *
 * <p>Mantissas range over {@code -Long.MAX_VALUE..Long.MAX_VALUE}: {@link Long#MIN_VALUE} is reserved
 * as {@link #INVALID}, the zero-allocation parser's failure value, so parsing never yields it and
 * formatting rejects it. All methods are stateless and thread-safe.
 */
public final class FixedPoint
{
    /** Returned by {@link #parse(DirectBuffer, int, int, int)} on any error; never a valid mantissa. */
    public static final long INVALID = Long.MIN_VALUE;

    /** The largest supported scale: 10^18 is the largest power of ten a {@code long} holds. */
    public static final int MAX_SCALE = 18;

    /** The longest text {@link #format(long, int)} produces: sign, 19 digits and a point. */
    public static final int MAX_FORMATTED_LENGTH = 21;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];
    private static final long[] MAX_BEFORE_SCALING = new long[MAX_SCALE + 1];
    private static final long MAX_DIV_10 = Long.MAX_VALUE / 10;
    private static final int MAX_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);
    private static final ParseError[] ERRORS = ParseError.values();

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++)
        {
            POWERS_OF_TEN[i] = power;
            MAX_BEFORE_SCALING[i] = Long.MAX_VALUE / power;
            power *= 10;
        }
    }

    private FixedPoint()
    {
    }

    /** 10 to the power {@code exponent}, for {@code 0 <= exponent <= MAX_SCALE}: the codec's one table of them. */
    public static long powerOfTen(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * A mantissa at {@code scale} as a double, for an API edge that wants one: the nearest double while the
     * mantissa is below 2^53, since powers of ten up to 10^18 are exact doubles and the division rounds once.
     */
    public static double toDouble(final long mantissa, final int scale)
    {
        return mantissa / (double)POWERS_OF_TEN[scale];
    }

    /**
     * Parses a decimal into a mantissa at {@code scale}, for configuration, tools and tests.
     *
     * @throws IllegalArgumentException naming the input and the {@link ParseError} when it is invalid.
     */
    public static long parse(final CharSequence text, final int scale)
    {
        final int length = text.length();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length]);
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            buffer.putByte(i, c < 0x80 ? (byte)c : 0);
        }

        final long value = scan(buffer, 0, length, scale, false);
        if (INVALID == value)
        {
            final ParseError error = parseError(buffer, 0, length, scale);
            throw new IllegalArgumentException(
                "invalid decimal \"" + text + "\" at scale " + scale + ": " + error.description() + " (" + error + ")");
        }

        return value;
    }

    /**
     * Parses ASCII decimal bytes into a mantissa at {@code scale} without allocating or throwing.
     *
     * @return the mantissa, or {@link #INVALID} when the input is invalid; {@link #parseError} says why.
     */
    public static long parse(final DirectBuffer buffer, final int offset, final int length, final int scale)
    {
        return scan(buffer, offset, length, scale, false);
    }

    /**
     * Says why {@link #parse(DirectBuffer, int, int, int)} rejects an input, for error reporting off
     * the hot path. Does not allocate.
     *
     * @return {@link ParseError#NONE} when the input parses.
     */
    public static ParseError parseError(final DirectBuffer buffer, final int offset, final int length, final int scale)
    {
        return ERRORS[(int)scan(buffer, offset, length, scale, true)];
    }

    /**
     * Counts the digits after the decimal point of text that {@link #parse(DirectBuffer, int, int, int)}
     * accepted, so the exact text can be rebuilt from the mantissa (checksums hash it, trailing zeros
     * included).
     *
     * @return the number of fractional digits, 0 when there is no point.
     */
    public static int fractionDigits(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = offset, end = offset + length; i < end; i++)
        {
            if (buffer.getByte(i) == '.')
            {
                return end - i - 1;
            }
        }
        return 0;
    }

    /**
     * Formats a mantissa as exact decimal text with exactly {@code scale} fractional digits, so that
     * {@code parse(format(m, s), s) == m}.
     *
     * @throws IllegalArgumentException for {@link #INVALID} or a scale outside 0..{@link #MAX_SCALE}.
     */
    public static String format(final long mantissa, final int scale)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_FORMATTED_LENGTH]);
        final int length = format(mantissa, scale, buffer, 0);
        return buffer.getStringWithoutLengthAscii(0, length);
    }

    /**
     * Writes the text of {@link #format(long, int)} as ASCII without allocating. The buffer must have
     * room for up to {@link #MAX_FORMATTED_LENGTH} bytes at {@code offset} (or be expandable).
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for {@link #INVALID} or a scale outside 0..{@link #MAX_SCALE}.
     */
    public static int format(final long mantissa, final int scale, final MutableDirectBuffer buffer, final int offset)
    {
        if (scale < 0 || scale > MAX_SCALE)
        {
            throw new IllegalArgumentException("scale outside 0.." + MAX_SCALE + ": " + scale);
        }
        if (INVALID == mantissa)
        {
            throw new IllegalArgumentException("cannot format FixedPoint.INVALID (Long.MIN_VALUE)");
        }

        final boolean negative = mantissa < 0;
        long magnitude = negative ? -mantissa : mantissa;
        final int integerDigits = Math.max(digitCount(magnitude) - scale, 1);
        final int length = (negative ? 1 : 0) + integerDigits + (scale > 0 ? scale + 1 : 0);

        int index = offset + length - 1;
        for (int i = 0; i < scale; i++)
        {
            buffer.putByte(index--, (byte)('0' + magnitude % 10));
            magnitude /= 10;
        }
        if (scale > 0)
        {
            buffer.putByte(index--, (byte)'.');
        }
        do
        {
            buffer.putByte(index--, (byte)('0' + magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);
        if (negative)
        {
            buffer.putByte(index, (byte)'-');
        }

        return length;
    }

    /**
     * Writes a mantissa at {@code scale} as text with exactly {@code decimals} fractional digits, padding
     * with zeros or dropping zero digits, so a value is re-sent with the digits it was received with.
     *
     * @return the number of bytes written, at most {@link #MAX_FORMATTED_LENGTH} + {@code decimals}.
     * @throws IllegalArgumentException when dropping digits would change the value, or for a bad scale.
     */
    public static int format(
        final long mantissa, final int scale, final int decimals, final MutableDirectBuffer buffer, final int offset)
    {
        if (decimals < 0)
        {
            throw new IllegalArgumentException("negative decimals: " + decimals);
        }
        if (decimals >= scale)
        {
            int length = format(mantissa, scale, buffer, offset);
            if (0 == scale && decimals > 0)
            {
                buffer.putByte(offset + length++, (byte)'.');
            }
            for (int i = scale; i < decimals; i++)
            {
                buffer.putByte(offset + length++, (byte)'0');
            }
            return length;
        }
        final long divisor = POWERS_OF_TEN[scale - decimals];
        if (mantissa % divisor != 0)
        {
            throw new IllegalArgumentException(
                "mantissa " + mantissa + " at scale " + scale + " has more than " + decimals + " decimals");
        }
        return format(mantissa / divisor, decimals, buffer, offset);
    }

    /**
     * Throws unless both scales are within 0..{@link #MAX_SCALE}; for codec constructors.
     *
     * @throws IllegalArgumentException naming both scales.
     */
    /**
     * The same value at another scale: multiplied up with an overflow check, or divided down only when the
     * dropped digits are zeros.
     *
     * @return the mantissa at {@code toScale}, or {@link #INVALID} when the value is not representable there.
     */
    public static long rescale(final long mantissa, final int fromScale, final int toScale)
    {
        if (fromScale == toScale || 0 == mantissa)
        {
            return mantissa;
        }
        if (toScale > fromScale)
        {
            final int up = toScale - fromScale;
            return Math.abs(mantissa) > MAX_BEFORE_SCALING[up] ? INVALID : mantissa * POWERS_OF_TEN[up];
        }
        final long divisor = POWERS_OF_TEN[fromScale - toScale];
        return mantissa % divisor != 0 ? INVALID : mantissa / divisor;
    }

    public static void checkScales(final int priceScale, final int quantityScale)
    {
        if (priceScale < 0 || priceScale > MAX_SCALE || quantityScale < 0 || quantityScale > MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "scales outside 0.." + MAX_SCALE + ": price=" + priceScale + " quantity=" + quantityScale);
        }
    }

    private static int digitCount(final long magnitude)
    {
        int digits = 1;
        while (digits <= MAX_SCALE && magnitude >= POWERS_OF_TEN[digits])
        {
            digits++;
        }

        return digits;
    }

    /**
     * The one parser behind both public entry points: returns the mantissa or {@link #INVALID}, or,
     * when {@code diagnose} is set, the ordinal of the {@link ParseError} instead.
     */
    private static long scan(
        final DirectBuffer buffer, final int offset, final int length, final int scale, final boolean diagnose)
    {
        if (scale < 0 || scale > MAX_SCALE)
        {
            return fail(ParseError.INVALID_SCALE, diagnose);
        }
        if (length <= 0)
        {
            return fail(ParseError.EMPTY, diagnose);
        }

        final int end = offset + length;
        final boolean negative = buffer.getByte(offset) == '-';
        final int integerStart = negative ? offset + 1 : offset;
        int i = integerStart;
        while (i < end && isDigit(buffer.getByte(i)))
        {
            i++;
        }
        final int integerEnd = i;
        if (integerEnd == integerStart)
        {
            return fail(ParseError.MALFORMED, diagnose);
        }

        int fractionStart = end;
        if (i < end)
        {
            if (buffer.getByte(i) != '.')
            {
                return fail(ParseError.MALFORMED, diagnose);
            }
            fractionStart = ++i;
            while (i < end && isDigit(buffer.getByte(i)))
            {
                i++;
            }
            if (i == fractionStart || i != end)
            {
                return fail(ParseError.MALFORMED, diagnose);
            }
        }

        final int usedFractionDigits = Math.min(end - fractionStart, scale);
        final int significantEnd = fractionStart + usedFractionDigits;
        long value = accumulate(buffer, integerStart, integerEnd, 0);
        if (value >= 0)
        {
            value = accumulate(buffer, fractionStart, significantEnd, value);
        }
        if (value < 0)
        {
            return fail(ParseError.OVERFLOW, diagnose);
        }

        for (int j = significantEnd; j < end; j++)
        {
            if (buffer.getByte(j) != '0')
            {
                return fail(ParseError.EXCESS_PRECISION, diagnose);
            }
        }

        final int padding = scale - usedFractionDigits;
        if (padding > 0)
        {
            if (value > MAX_BEFORE_SCALING[padding])
            {
                return fail(ParseError.OVERFLOW, diagnose);
            }
            value *= POWERS_OF_TEN[padding];
        }

        if (diagnose)
        {
            return ParseError.NONE.ordinal();
        }

        return negative ? -value : value;
    }

    /**
     * Appends validated ASCII digits to a non-negative value.
     *
     * @return the new value, or -1 when it would exceed {@link Long#MAX_VALUE}.
     */
    private static long accumulate(final DirectBuffer buffer, final int from, final int to, final long initial)
    {
        long value = initial;
        for (int i = from; i < to; i++)
        {
            final int digit = buffer.getByte(i) - '0';
            if (value >= MAX_DIV_10 && (value > MAX_DIV_10 || digit > MAX_LAST_DIGIT))
            {
                return -1;
            }
            value = value * 10 + digit;
        }

        return value;
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    private static long fail(final ParseError error, final boolean diagnose)
    {
        return diagnose ? error.ordinal() : INVALID;
    }
}
