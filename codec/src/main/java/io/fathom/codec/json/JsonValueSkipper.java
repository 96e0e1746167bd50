package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;

/**
 * The structure walk of {@link JsonScanner}: skips one complete value of any type, validating it in full
 * (nesting bounded by {@link JsonScanner#MAX_DEPTH}), and scans strings raw, eight plain bytes at a time,
 * checking escapes and UTF-8 without decoding them. Errors are recorded in the scanner. Stateless.
 */
final class JsonValueSkipper
{
    private static final byte[] TRUE = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };
    private static final byte[] NULL = { 'n', 'u', 'l', 'l' };

    private JsonValueSkipper()
    {
    }

    /** Skips one complete, valid value nested {@code depth} containers deep. */
    static boolean skipValue(final JsonScanner scanner, final int depth)
    {
        final int c = scanner.peek();
        switch (c)
        {
            case '"':
                return scanString(scanner);

            case '{':
                if (depth >= JsonScanner.MAX_DEPTH)
                {
                    return scanner.fail(DecodeResult.NESTING_TOO_DEEP, scanner.position());
                }
                scanner.moveTo(scanner.position() + 1);
                if (scanner.tryConsume('}'))
                {
                    return true;
                }
                do
                {
                    if (!scanner.readKey() || !scanner.expect(':') || !skipValue(scanner, depth + 1))
                    {
                        return false;
                    }
                }
                while (scanner.tryConsume(','));
                return scanner.expect('}');

            case '[':
                if (depth >= JsonScanner.MAX_DEPTH)
                {
                    return scanner.fail(DecodeResult.NESTING_TOO_DEEP, scanner.position());
                }
                scanner.moveTo(scanner.position() + 1);
                if (scanner.tryConsume(']'))
                {
                    return true;
                }
                do
                {
                    if (!skipValue(scanner, depth + 1))
                    {
                        return false;
                    }
                }
                while (scanner.tryConsume(','));
                return scanner.expect(']');

            case 't':
                return literal(scanner, TRUE);

            case 'f':
                return literal(scanner, FALSE);

            case 'n':
                return literal(scanner, NULL);

            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return skipNumber(scanner);
                }
                return scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position());
        }
    }

    /** Scans the string whose opening quote is at the scanner's position into the scanner's token. */
    static boolean scanString(final JsonScanner scanner)
    {
        final int end = scanner.limit();
        final int start = scanner.position() + 1;
        boolean escaped = false;
        int i = start;
        while (i <= end - Long.BYTES && AsciiWords.isPlainStringText(scanner.wordAt(i)))
        {
            i += Long.BYTES;
        }
        while (true)
        {
            if (i >= end)
            {
                return scanner.fail(DecodeResult.MALFORMED_JSON, end);
            }
            final byte b = scanner.byteAt(i);
            if (b == '"')
            {
                break;
            }
            if (b == '\\')
            {
                escaped = true;
                final int escapeLength = JsonSyntax.escapeLength(scanner.buffer(), i, end);
                if (escapeLength <= 0)
                {
                    return scanner.fail(DecodeResult.MALFORMED_JSON, escapeLength == 0 ? end : i);
                }
                i += escapeLength;
            }
            else if (b < 0)
            {
                final int sequenceLength = JsonSyntax.utf8SequenceLength(scanner.buffer(), i, end);
                if (sequenceLength <= 0)
                {
                    return 0 == sequenceLength ? scanner.fail(DecodeResult.MALFORMED_JSON, end) :
                        scanner.fail(DecodeResult.INVALID_UTF8, i);
                }
                i += sequenceLength;
            }
            else if (b < 0x20)
            {
                return scanner.fail(DecodeResult.MALFORMED_JSON, i);
            }
            else
            {
                i++;
            }
        }

        scanner.token(start, i - start, escaped);
        scanner.moveTo(i + 1);
        return true;
    }

    private static boolean skipNumber(final JsonScanner scanner)
    {
        final int numberEnd = JsonSyntax.numberEnd(scanner.buffer(), scanner.position(), scanner.limit());
        if (numberEnd < 0)
        {
            return scanner.fail(DecodeResult.MALFORMED_JSON, -1 - numberEnd);
        }
        scanner.moveTo(numberEnd);
        return true;
    }

    private static boolean literal(final JsonScanner scanner, final byte[] expected)
    {
        final int end = scanner.limit();
        final int start = scanner.position();
        for (int i = 0; i < expected.length; i++)
        {
            if (start + i >= end)
            {
                return scanner.fail(DecodeResult.MALFORMED_JSON, end);
            }
            if (scanner.byteAt(start + i) != expected[i])
            {
                return scanner.fail(DecodeResult.MALFORMED_JSON, start + i);
            }
        }
        scanner.moveTo(start + expected.length);
        return true;
    }
}
