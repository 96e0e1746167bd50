package io.fathom.codec.json;

import io.fathom.codec.decimal.FixedPoint;

import io.fathom.codec.DepthMessage;

/**
 * The number reads of {@link JsonFastReader}: integers and the digits of decimals a word of eight at a time
 * (SWAR), with a byte-at-a-time path for the rare decimal that does not fit the word path, under the rules
 * of {@link QuotedDecimals} and {@link JsonDecimals}. Each method takes the position to read at and
 * returns the position after what it read or {@link JsonFastReader#NO_MATCH}, leaving the number in the
 * reader. Stateless.
 */
final class JsonFastNumbers
{
    private static final int NO_MATCH = JsonFastReader.NO_MATCH;
    private static final int MAX_DIGITS = 18;

    private JsonFastNumbers()
    {
    }

    /** See {@link JsonFastReader#nonNegativeLong(int)}. */
    static int nonNegativeLong(final JsonFastReader reader, final int position)
    {
        if (position < 0)
        {
            return NO_MATCH;
        }
        long word = reader.word(position);
        int digits = AsciiWords.leadingDigits(word);
        if (0 == digits || ((word & 0xFF) == '0' && digits > 1))
        {
            return NO_MATCH;
        }
        if (digits < Long.BYTES)
        {
            reader.integer(AsciiWords.leadingDigitsValue(word, digits));
            return position + digits;
        }
        long result = AsciiWords.eightDigits(word);
        int i = position + Long.BYTES;
        word = reader.word(i);
        digits = AsciiWords.leadingDigits(word);
        if (Long.BYTES == digits)
        {
            result = result * AsciiWords.EIGHT_DIGITS_FACTOR + AsciiWords.eightDigits(word);
            i += Long.BYTES;
            word = reader.word(i);
            digits = AsciiWords.leadingDigits(word);
            if (digits > MAX_DIGITS - 2 * Long.BYTES)
            {
                return NO_MATCH;
            }
        }
        reader.integer(append(result, word, digits));
        return i + digits;
    }

    /** See {@link JsonFastReader#quotedDigits(int)}. */
    static int quotedDigits(final JsonFastReader reader, final int position)
    {
        if (reader.byteAt(position) != '"')
        {
            return NO_MATCH;
        }
        long result = 0;
        int i = position + 1;
        int digits = 0;
        while (true)
        {
            final long word = reader.word(i);
            final int run = AsciiWords.leadingDigits(word);
            digits += run;
            if (digits > MAX_DIGITS)
            {
                return NO_MATCH;
            }
            result = append(result, word, run);
            i += run;
            if (run < Long.BYTES)
            {
                break;
            }
        }
        if (0 == digits || reader.byteAt(i) != '"')
        {
            return NO_MATCH;
        }
        reader.integer(result);
        return i + 1;
    }

    /**
     * See {@link JsonFastReader#quotedDecimal(int, int)}. The usual text, 1-7 digits and an optional point and
     * 1-8 digits (those beyond the scale zeros), is read from the two words after the opening quote with no loop
     * and no branch per digit; anything else by {@link #anyQuotedDecimal}.
     */
    static int quotedDecimal(final JsonFastReader reader, final int position, final int scale)
    {
        final int start = position + 1;
        if (start > 0 && start <= reader.end() - 2 * Long.BYTES && reader.byteWithin(position) == '"')
        {
            final int end = usualQuotedDecimal(reader, start, scale);
            if (end >= 0)
            {
                return end;
            }
        }
        return anyQuotedDecimal(reader, position, scale);
    }

    /**
     * The digits of a quoted decimal from {@code start} and its closing quote when they are in the usual form
     * and within the 16 bytes from {@code start}, which the caller has checked are in the range: the integer
     * digits and the point found in the first word, the closing quote in either, each digit tested once.
     *
     * @return the position after the closing quote, or {@link JsonFastReader#NO_MATCH} when the text is not in
     * the usual form (which does not mean it is not a decimal).
     */
    private static int usualQuotedDecimal(final JsonFastReader reader, final int start, final int scale)
    {
        final long low = reader.wordWithin(start);
        final long high = reader.wordWithin(start + Long.BYTES);
        final long lowStops = AsciiWords.nonDigits(low);
        final int integerDigits = Long.numberOfTrailingZeros(lowStops) >>> 3;
        if (0 == integerDigits || Long.BYTES == integerDigits || integerDigits + scale > MAX_DIGITS)
        {
            return NO_MATCH;
        }
        final long integer = AsciiWords.leadingDigitsValue(low, integerDigits) * FixedPoint.powerOfTen(scale);
        final int stop = (int)(low >>> (integerDigits << 3)) & 0xFF;
        if ('"' == stop)
        {
            reader.number(integer, 0);
            return start + integerDigits + 1;
        }
        final long fractionStops = lowStops & (lowStops - 1);
        final int quote = 0 != fractionStops ?
            Long.numberOfTrailingZeros(fractionStops) >>> 3 :
            Long.BYTES + (Long.numberOfTrailingZeros(AsciiWords.nonDigits(high)) >>> 3);
        final int digits = quote - integerDigits - 1;
        if ('.' != stop || 0 == digits || digits > Long.BYTES ||
            (int)((quote < Long.BYTES ? low : high) >>> ((quote & 7) << 3) & 0xFF) != '"')
        {
            return NO_MATCH;
        }
        final long fraction = ((low >>> 8) >>> (integerDigits << 3)) | (high << ((7 - integerDigits) << 3));
        if (digits > scale)
        {
            final long mantissa = beyondScale(integer, fraction, digits, scale);
            if (mantissa < 0)
            {
                return NO_MATCH;
            }
            reader.number(mantissa, digits);
            return start + quote + 1;
        }
        reader.number(integer + AsciiWords.leadingDigitsValue(fraction, digits) * FixedPoint.powerOfTen(scale - digits), digits);
        return start + quote + 1;
    }

    /**
     * The mantissa of a decimal with more fraction digits (1..8, in {@code fraction}) than {@code scale} holds, its
     * integer part already at the scale, or -1 when a digit beyond the scale is not a zero. Binance writes eight
     * decimals whatever the tick ({@code "43250.01000000"} for a tick of 0.01): those zeros are checked in the word.
     * Apart from {@link #usualQuotedDecimal} so that the JIT still inlines that one into the level loop.
     */
    private static long beyondScale(final long scaledInteger, final long fraction, final int digits, final int scale)
    {
        if (!AsciiWords.zeroDigits(fraction, scale, digits))
        {
            return -1;
        }
        return scaledInteger + (0 == scale ? 0 : AsciiWords.leadingDigitsValue(fraction, scale));
    }

    /**
     * {@link #quotedDecimal} for any text, a word at a time while the text allows: integer parts of up to 15
     * digits (Kraken's timestamps in seconds) from two words, the rest byte by byte.
     */
    private static int anyQuotedDecimal(final JsonFastReader reader, final int position, final int scale)
    {
        if (reader.byteAt(position) != '"')
        {
            return NO_MATCH;
        }
        final int start = position + 1;
        final long word = reader.word(start);
        final int firstDigits = AsciiWords.leadingDigits(word);
        final boolean twoWords = Long.BYTES == firstDigits;
        final long last = twoWords ? reader.word(start + Long.BYTES) : word;
        final int lastDigits = twoWords ? AsciiWords.leadingDigits(last) : firstDigits;
        final int integerDigits = twoWords ? Long.BYTES + lastDigits : firstDigits;
        if (0 == integerDigits || Long.BYTES == lastDigits || integerDigits + scale > MAX_DIGITS)
        {
            return closingQuote(reader, decimalByBytes(reader, start, scale));
        }
        final long integer = twoWords ?
            append(AsciiWords.eightDigits(word), last, lastDigits) : AsciiWords.leadingDigitsValue(word, firstDigits);
        final int stop = (int)(last >>> (lastDigits << 3)) & 0xFF;
        if ('"' == stop)
        {
            reader.number(integer * FixedPoint.powerOfTen(scale), 0);
            return start + integerDigits + 1;
        }
        if ('.' != stop)
        {
            return NO_MATCH;
        }
        final int fractionStart = start + integerDigits + 1;
        final long fraction = reader.word(fractionStart);
        final int digits = AsciiWords.leadingDigits(fraction);
        if (0 == digits)
        {
            return closingQuote(reader, decimalByBytes(reader, start, scale));
        }
        final int quote;
        if (digits < Long.BYTES)
        {
            quote = (int)(fraction >>> (digits << 3)) & 0xFF;
        }
        else
        {
            final long next = reader.word(fractionStart + Long.BYTES);
            if (AsciiWords.leadingDigits(next) != 0)
            {
                return closingQuote(reader, decimalByBytes(reader, start, scale));
            }
            quote = (int)next & 0xFF;
        }
        if ('"' != quote)
        {
            return NO_MATCH;
        }
        final long mantissa = mantissa(integer, fraction, digits, scale);
        if (mantissa < 0)
        {
            return closingQuote(reader, decimalByBytes(reader, start, scale));
        }
        reader.number(mantissa, digits);
        return fractionStart + digits + 1;
    }

    /** See {@link JsonFastReader#bareDecimal(int, int)}. */
    static int bareDecimal(final JsonFastReader reader, final int position, final int scale)
    {
        if (position < 0)
        {
            return NO_MATCH;
        }
        final long word = reader.word(position);
        final int integerDigits = AsciiWords.leadingDigits(word);
        if (0 == integerDigits || ((word & 0xFF) == '0' && integerDigits > 1))
        {
            return NO_MATCH;
        }
        if (Long.BYTES == integerDigits || integerDigits + scale > MAX_DIGITS)
        {
            return numberEnd(reader, decimalByBytes(reader, position, scale));
        }
        final long integer = AsciiWords.leadingDigitsValue(word, integerDigits);
        final int stop = (int)(word >>> (integerDigits << 3)) & 0xFF;
        if ('.' != stop)
        {
            reader.number(integer * FixedPoint.powerOfTen(scale), 0);
            return numberEnd(reader, position + integerDigits);
        }
        final int fractionStart = position + integerDigits + 1;
        final long fraction = reader.word(fractionStart);
        final int digits = AsciiWords.leadingDigits(fraction);
        final long mantissa = 0 == digits ||
            (Long.BYTES == digits && AsciiWords.leadingDigits(reader.word(fractionStart + Long.BYTES)) != 0) ?
            -1 : mantissa(integer, fraction, digits, scale);
        if (mantissa < 0)
        {
            return numberEnd(reader, decimalByBytes(reader, position, scale));
        }
        reader.number(mantissa, digits);
        return numberEnd(reader, fractionStart + digits);
    }

    /**
     * The mantissa at {@code scale} of an integer part and the first {@code digits} (1..8) digits of a fraction
     * word, or -1 when a digit beyond the scale is not a zero ({@link #beyondScale}).
     */
    private static long mantissa(final long integer, final long fraction, final int digits, final int scale)
    {
        if (digits <= scale)
        {
            return (integer * FixedPoint.powerOfTen(digits) + AsciiWords.leadingDigitsValue(fraction, digits)) *
                FixedPoint.powerOfTen(scale - digits);
        }
        return beyondScale(integer * FixedPoint.powerOfTen(scale), fraction, digits, scale);
    }

    /**
     * The digits and optional fraction of a decimal from {@code start}, a byte at a time, under the rules of
     * {@link QuotedDecimals}: the number is left in the reader.
     *
     * @return the position of the byte after the last digit, or {@link JsonFastReader#NO_MATCH}.
     */
    private static int decimalByBytes(final JsonFastReader reader, final int start, final int scale)
    {
        final int maxIntegerDigits = MAX_DIGITS - scale;
        long result = 0;
        int i = start;
        int digit;
        while ((digit = reader.byteAt(i) - '0') >= 0 && digit <= 9)
        {
            if (i - start == maxIntegerDigits)
            {
                return NO_MATCH;
            }
            result = result * 10 + digit;
            i++;
        }
        if (i == start)
        {
            return NO_MATCH;
        }
        int digits = 0;
        if (reader.byteAt(i) == '.')
        {
            final int fractionStart = ++i;
            final int significantEnd = fractionStart + scale;
            while ((digit = reader.byteAt(i) - '0') >= 0 && digit <= 9)
            {
                if (i < significantEnd)
                {
                    result = result * 10 + digit;
                }
                else if (0 != digit)
                {
                    return NO_MATCH;
                }
                i++;
            }
            digits = i - fractionStart;
            if (0 == digits || digits > DepthMessage.MAX_DECIMALS)
            {
                return NO_MATCH;
            }
        }
        reader.number(result * FixedPoint.powerOfTen(scale - Math.min(digits, scale)), digits);
        return i;
    }

    /** The position after a closing quote at {@code position}, or {@link JsonFastReader#NO_MATCH}. */
    private static int closingQuote(final JsonFastReader reader, final int position)
    {
        return reader.byteAt(position) == '"' ? position + 1 : NO_MATCH;
    }

    /** {@code position} when the number ends there (no exponent follows), or {@link JsonFastReader#NO_MATCH}. */
    private static int numberEnd(final JsonFastReader reader, final int position)
    {
        final int next = reader.byteAt(position);
        return position < 0 || 'e' == next || 'E' == next ? NO_MATCH : position;
    }

    private static long append(final long result, final long word, final int digits)
    {
        return 0 == digits ? result : result * FixedPoint.powerOfTen(digits) + AsciiWords.leadingDigitsValue(word, digits);
    }
}
