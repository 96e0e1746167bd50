package io.fathom.tools.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the simulator's control frames ({@code SUBSCRIBE} and friends): objects
 * become {@link Map}s, arrays {@link List}s, strings {@link String}s, booleans {@link Boolean}s, numbers
 * {@link SimJsonReader.Number} (the literal text), null {@link #NULL}. Allocates freely: control path only.
 */
final class SimJsonReader
{
    /** The JSON {@code null} literal, so a present null differs from an absent key. */
    static final Object NULL = new Object()
    {
        public String toString()
        {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 16;

    /** A JSON number kept as written. */
    static final class Number
    {
        final String text;

        Number(final String text)
        {
            this.text = text;
        }

        boolean isInteger()
        {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        public String toString()
        {
            return text;
        }
    }

    /** A syntax error with a Binance-style (serde) description. */
    static final class SyntaxException extends Exception
    {
        private static final long serialVersionUID = 1L;

        SyntaxException(final String message)
        {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int position;

    private SimJsonReader(final String text)
    {
        this.text = text;
    }

    /**
     * @return the single value {@code text} holds.
     * @throws SyntaxException when it is not exactly one JSON value.
     */
    static Object read(final String text) throws SyntaxException
    {
        final SimJsonReader reader = new SimJsonReader(text);
        final Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (reader.position != text.length())
        {
            throw reader.error("trailing characters");
        }
        return value;
    }

    private Object readValue(final int depth) throws SyntaxException
    {
        if (depth > MAX_DEPTH)
        {
            throw error("recursion limit exceeded");
        }
        skipWhitespace();
        if (position >= text.length())
        {
            throw error("EOF while parsing a value");
        }
        final char c = text.charAt(position);
        switch (c)
        {
            case '{':
                return readObject(depth);
            case '[':
                return readArray(depth);
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return readNumber();
                }
                throw error("expected value");
        }
    }

    private Map<String, Object> readObject(final int depth) throws SyntaxException
    {
        final Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}')
        {
            position++;
            return members;
        }
        while (true)
        {
            skipWhitespace();
            if (peek() != '"')
            {
                throw error(position >= text.length() ? "EOF while parsing an object" : "key must be a string");
            }
            final String key = readString();
            skipWhitespace();
            expect(':', "expected `:`");
            final Object value = readValue(depth + 1);
            if (members.putIfAbsent(key, value) != null)
            {
                throw error("duplicate field `" + key + "`");
            }
            skipWhitespace();
            final char next = peek();
            position++;
            if (next == '}')
            {
                return members;
            }
            if (next != ',')
            {
                position--;
                throw error(next == 0 ? "EOF while parsing an object" : "expected `,` or `}`");
            }
        }
    }

    private List<Object> readArray(final int depth) throws SyntaxException
    {
        final List<Object> elements = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']')
        {
            position++;
            return elements;
        }
        while (true)
        {
            elements.add(readValue(depth + 1));
            skipWhitespace();
            final char next = peek();
            position++;
            if (next == ']')
            {
                return elements;
            }
            if (next != ',')
            {
                position--;
                throw error(next == 0 ? "EOF while parsing a list" : "expected `,` or `]`");
            }
        }
    }

    private String readString() throws SyntaxException
    {
        position++;
        final StringBuilder builder = new StringBuilder();
        while (position < text.length())
        {
            final char c = text.charAt(position++);
            if (c == '"')
            {
                return builder.toString();
            }
            if (c < 0x20)
            {
                throw error("control character (\\u0000-\\u001F) found while parsing a string");
            }
            if (c != '\\')
            {
                builder.append(c);
                continue;
            }
            if (position >= text.length())
            {
                break;
            }
            final char escaped = text.charAt(position++);
            switch (escaped)
            {
                case '"':
                case '\\':
                case '/':
                    builder.append(escaped);
                    break;
                case 'b':
                    builder.append('\b');
                    break;
                case 'f':
                    builder.append('\f');
                    break;
                case 'n':
                    builder.append('\n');
                    break;
                case 'r':
                    builder.append('\r');
                    break;
                case 't':
                    builder.append('\t');
                    break;
                case 'u':
                    builder.append(readHexChar());
                    break;
                default:
                    throw error("invalid escape");
            }
        }
        throw error("EOF while parsing a string");
    }

    private char readHexChar() throws SyntaxException
    {
        if (position + 4 > text.length())
        {
            throw error("EOF while parsing a string");
        }
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            final int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0)
            {
                throw error("invalid escape");
            }
            value = (value << 4) | digit;
        }
        return (char)value;
    }

    private Number readNumber() throws SyntaxException
    {
        final int start = position;
        if (peek() == '-')
        {
            position++;
        }
        if (!isDigit(peek()))
        {
            throw error("invalid number");
        }
        if (peek() == '0')
        {
            position++;
        }
        else
        {
            skipDigits();
        }
        if (peek() == '.')
        {
            position++;
            if (!isDigit(peek()))
            {
                throw error("invalid number");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E')
        {
            position++;
            if (peek() == '+' || peek() == '-')
            {
                position++;
            }
            if (!isDigit(peek()))
            {
                throw error("invalid number");
            }
            skipDigits();
        }
        return new Number(text.substring(start, position));
    }

    private Object readLiteral(final String literal, final Object value) throws SyntaxException
    {
        if (!text.startsWith(literal, position))
        {
            throw error("expected value");
        }
        position += literal.length();
        return value;
    }

    private void expect(final char c, final String message) throws SyntaxException
    {
        if (peek() != c)
        {
            throw error(message);
        }
        position++;
    }

    private char peek()
    {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipDigits()
    {
        while (isDigit(peek()))
        {
            position++;
        }
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace()
    {
        while (position < text.length())
        {
            final char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }
            position++;
        }
    }

    private SyntaxException error(final String description)
    {
        int line = 1;
        int column = 0;
        final int end = Math.min(position + 1, text.length());
        for (int i = 0; i < end; i++)
        {
            if (text.charAt(i) == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }
        return new SyntaxException(description + " at line " + line + " column " + column);
    }
}
