package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;

/**
 * The integer and number reads of {@link JsonScanner}: integers eight digits at a time while no overflow is
 * possible, then digit by digit with an overflow check; any other number is exposed as its raw text.
 * Errors are recorded in the scanner as its public methods document. Stateless.
 */
final class JsonNumberReader
{
    private static final long MAX_DIV_10 = Long.MAX_VALUE / 10;
    private static final int MAX_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);
    /** Below this, eight more digits cannot overflow; at or above it digits are added one by one, checked. */
    private static final long MAX_BEFORE_EIGHT_DIGITS = 10_000_000_000L;

    private JsonNumberReader()
    {
    }

    /** See {@link JsonScanner#readNonNegativeLong()}. */
    static long readNonNegativeLong(final JsonScanner scanner)
    {
        final int c = scanner.peek();
        final int start = scanner.position();
        if (c < '0' || c > '9')
        {
            if (c == '-')
            {
                scanner.fail(DecodeResult.INVALID_NUMBER, start);
            }
            else
            {
                scanner.failUnexpected();
            }
            return -1;
        }

        final int end = scanner.limit();
        long value = 0;
        int i = start;
        while (i <= end - Long.BYTES && value < MAX_BEFORE_EIGHT_DIGITS)
        {
            final long word = scanner.wordAt(i);
            if (!AsciiWords.isEightDigits(word))
            {
                break;
            }
            value = value * AsciiWords.EIGHT_DIGITS_FACTOR + AsciiWords.eightDigits(word);
            i += Long.BYTES;
        }
        while (i < end)
        {
            final int digit = scanner.byteAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            if (value >= MAX_DIV_10 && (value > MAX_DIV_10 || digit > MAX_LAST_DIGIT))
            {
                scanner.fail(DecodeResult.INVALID_NUMBER, start);
                return -1;
            }
            value = value * 10 + digit;
            i++;
        }

        final boolean leadingZero = c == '0' && i - start > 1;
        if (leadingZero || (i < end && JsonSyntax.isFractionOrExponent(scanner.byteAt(i))))
        {
            scanner.fail(DecodeResult.INVALID_NUMBER, start);
            return -1;
        }

        scanner.moveTo(i);
        return value;
    }

    /** See {@link JsonScanner#readLong()}. */
    static long readLong(final JsonScanner scanner)
    {
        final int start = scanner.position();
        if (scanner.peek() != '-')
        {
            final long value = readNonNegativeLong(scanner);
            return value < 0 ? JsonScanner.INVALID_LONG : value;
        }
        final int sign = scanner.position();
        scanner.moveTo(sign + 1);
        final int c = scanner.peek();
        if (scanner.position() != sign + 1 || c < '0' || c > '9')
        {
            scanner.moveTo(start);
            scanner.fail(DecodeResult.INVALID_NUMBER, sign);
            return JsonScanner.INVALID_LONG;
        }
        final long magnitude = readNonNegativeLong(scanner);
        if (magnitude < 0)
        {
            return JsonScanner.INVALID_LONG;
        }
        return -magnitude;
    }

    /** See {@link JsonScanner#readNumber()}. */
    static boolean readNumber(final JsonScanner scanner)
    {
        final int c = scanner.peek();
        if (c != '-' && (c < '0' || c > '9'))
        {
            return scanner.failUnexpected();
        }
        final int start = scanner.position();
        final int numberEnd = JsonSyntax.numberEnd(scanner.buffer(), start, scanner.limit());
        if (numberEnd < 0)
        {
            return scanner.fail(DecodeResult.MALFORMED_JSON, -1 - numberEnd);
        }
        scanner.token(start, numberEnd - start, false);
        scanner.moveTo(numberEnd);
        return true;
    }
}
