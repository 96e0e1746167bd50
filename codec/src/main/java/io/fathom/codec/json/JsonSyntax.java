package io.fathom.codec.json;

import org.agrona.DirectBuffer;

/**
 * The lexical rules of RFC 8259 that {@link JsonScanner} checks: escapes, UTF-8, numbers, whitespace.
 * Every method reads only below {@code end}.
 */
final class JsonSyntax
{
    private JsonSyntax()
    {
    }

    /**
     * @return the length of the escape sequence whose backslash is at {@code index}, 0 when the input
     * ends inside it, -1 when it is invalid.
     */
    static int escapeLength(final DirectBuffer buffer, final int index, final int end)
    {
        if (index + 1 >= end)
        {
            return 0;
        }
        switch (buffer.getByte(index + 1))
        {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return 2;

            case 'u':
                for (int i = index + 2; i < index + 6; i++)
                {
                    if (i >= end)
                    {
                        return 0;
                    }
                    if (!isHexDigit(buffer.getByte(i)))
                    {
                        return -1;
                    }
                }
                return 6;

            default:
                return -1;
        }
    }

    /**
     * Checks the UTF-8 sequence (RFC 3629) whose lead byte, at or above 0x80, is at {@code index}:
     * no stray continuation byte, no overlong form, no surrogate, nothing above U+10FFFF.
     *
     * @return the sequence's length in bytes (2..4), 0 when the input ends inside it, -1 when it is invalid.
     */
    static int utf8SequenceLength(final DirectBuffer buffer, final int index, final int end)
    {
        final int lead = buffer.getByte(index) & 0xFF;
        final int length;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            length = 2;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            length = 3;
            if (lead == 0xE0)
            {
                secondMin = 0xA0;
            }
            else if (lead == 0xED)
            {
                secondMax = 0x9F;
            }
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            length = 4;
            if (lead == 0xF0)
            {
                secondMin = 0x90;
            }
            else if (lead == 0xF4)
            {
                secondMax = 0x8F;
            }
        }
        else
        {
            return -1;
        }

        for (int i = 1; i < length; i++)
        {
            if (index + i >= end)
            {
                return 0;
            }
            final int b = buffer.getByte(index + i) & 0xFF;
            final int min = 1 == i ? secondMin : 0x80;
            final int max = 1 == i ? secondMax : 0xBF;
            if (b < min || b > max)
            {
                return -1;
            }
        }
        return length;
    }

    /**
     * Matches {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?} from {@code start}.
     *
     * @return the index just after the number, or {@code -1 - i} where {@code i} is the index of the
     * first byte that breaks the grammar ({@code end} when the input is truncated).
     */
    static int numberEnd(final DirectBuffer buffer, final int start, final int end)
    {
        int i = start;
        if (i < end && buffer.getByte(i) == '-')
        {
            i++;
        }
        if (i >= end)
        {
            return -1 - end;
        }

        final byte first = buffer.getByte(i);
        if (first == '0')
        {
            i++;
        }
        else if (isDigit(first))
        {
            i = skipDigits(buffer, i, end);
        }
        else
        {
            return -1 - i;
        }

        if (i < end && buffer.getByte(i) == '.')
        {
            final int digits = ++i;
            i = skipDigits(buffer, i, end);
            if (i == digits)
            {
                return -1 - i;
            }
        }

        if (i < end && (buffer.getByte(i) == 'e' || buffer.getByte(i) == 'E'))
        {
            i++;
            if (i < end && (buffer.getByte(i) == '+' || buffer.getByte(i) == '-'))
            {
                i++;
            }
            final int digits = i;
            i = skipDigits(buffer, i, end);
            if (i == digits)
            {
                return -1 - i;
            }
        }

        return i;
    }

    static int skipDigits(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        while (i < end && isDigit(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    static int skipWhitespace(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        while (i < end && isWhitespace(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    static boolean isWhitespace(final byte b)
    {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    static boolean isHexDigit(final byte b)
    {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    static boolean isFractionOrExponent(final byte b)
    {
        return b == '.' || b == 'e' || b == 'E';
    }
}
