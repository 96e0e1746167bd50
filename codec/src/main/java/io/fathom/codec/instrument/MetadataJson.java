package io.fathom.codec.instrument;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonScanner;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metadata response as a tree (objects as {@link Map}s, arrays as {@link List}s, strings as {@link String}s,
 * numbers as {@link Number} holding the text as written, {@code true}/{@code false}/{@code null} as
 * {@link #LITERAL}), and the checked reads the venue parsers share, each refusal naming the URL, the entry and the
 * field. For start-up: allocates.
 */
final class MetadataJson
{
    /** A JSON number as written. */
    record Number(String text)
    {
    }

    /** Any of {@code true}, {@code false} and {@code null}: present, but never a value a parser reads. */
    static final Object LITERAL = new Object();

    private static final int MAX_DEPTH = 32;

    private final String source;
    private final byte[] json;
    private final JsonScanner scanner;

    private MetadataJson(final String source, final byte[] json)
    {
        this.source = source;
        this.json = json;
        this.scanner = new JsonScanner().wrap(new UnsafeBuffer(json), 0, json.length);
    }

    /** The body's top-level value. @throws IllegalArgumentException naming the source when it is not JSON. */
    static Object read(final String source, final byte[] json)
    {
        final MetadataJson reader = new MetadataJson(source, json);
        final Object value = reader.value(0);
        if (!reader.scanner.isAtEnd())
        {
            throw reader.syntax("unexpected text after the JSON value");
        }
        return value;
    }

    /** {@code value} as an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final String where, final Object value, final String what)
    {
        if (!(value instanceof Map))
        {
            throw new IllegalArgumentException(where + ": " + what + " must be a JSON object");
        }
        return (Map<String, Object>)value;
    }

    /** The array at {@code field} of {@code object}. */
    @SuppressWarnings("unchecked")
    static List<Object> array(final String where, final Map<String, Object> object, final String field)
    {
        final Object value = object.get(field);
        if (!(value instanceof List))
        {
            throw new IllegalArgumentException(where + ": " + (value == null ? "no \"" + field + "\" array" :
                "\"" + field + "\" must be an array"));
        }
        return (List<Object>)value;
    }

    /** The string at {@code field}, which must be present and non-empty. */
    static String text(final String where, final Map<String, Object> object, final String field)
    {
        final Object value = object.get(field);
        if (!(value instanceof String) || ((String)value).isEmpty())
        {
            throw missingOr(where, field, value, "a non-empty string");
        }
        return (String)value;
    }

    /** The decimals of the tick or step size at {@code field}, a string or number such as {@code "0.00010"}. */
    static int sizeDecimals(final String where, final Map<String, Object> object, final String field)
    {
        final Object value = object.get(field);
        final String text = value instanceof String ? (String)value : value instanceof Number ? ((Number)value).text : null;
        if (text == null)
        {
            throw missingOr(where, field, value, "a positive decimal");
        }
        final int decimals;
        try
        {
            decimals = BinanceExchangeInfo.decimals(text);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(where + ": field " + field + ": " + e.getMessage(), e);
        }
        return checkScale(where, field, decimals);
    }

    /** The whole number of decimals at {@code field}, a JSON integer or a string of digits such as {@code "4"}. */
    static int decimals(final String where, final Map<String, Object> object, final String field)
    {
        final Object value = object.get(field);
        final String text = value instanceof String ? (String)value : value instanceof Number ? ((Number)value).text : null;
        if (text == null || !text.matches("[0-9]{1,3}"))
        {
            throw missingOr(where, field, value, "a whole number of decimals");
        }
        return checkScale(where, field, Integer.parseInt(text));
    }

    /** A scale the fixed-point values can hold. */
    static int checkScale(final String where, final String field, final int decimals)
    {
        if (decimals < 0 || decimals > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(where + ": field " + field + " gives " + decimals +
                " decimals, outside 0.." + FixedPoint.MAX_SCALE);
        }
        return decimals;
    }

    private static IllegalArgumentException missingOr(
        final String where, final String field, final Object value, final String expected)
    {
        return new IllegalArgumentException(where + ": field " + field + (value == null ? " is missing" :
            " must be " + expected + " (got " + describe(value) + ")"));
    }

    private static String describe(final Object value)
    {
        if (value instanceof String)
        {
            return "\"" + value + "\"";
        }
        if (value instanceof Number)
        {
            return ((Number)value).text;
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : "a literal";
    }

    private Object value(final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            throw syntax("nested deeper than " + MAX_DEPTH);
        }
        final int c = scanner.peek();
        if (c == '{')
        {
            return object(depth);
        }
        if (c == '[')
        {
            return array(depth);
        }
        if (c == '"')
        {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9'))
        {
            if (!scanner.readNumber())
            {
                throw syntax("malformed number");
            }
            return new Number(new String(json, scanner.tokenOffset(), scanner.tokenLength(), StandardCharsets.US_ASCII));
        }
        if (!scanner.skipValue())
        {
            throw syntax("malformed value");
        }
        return LITERAL;
    }

    private Map<String, Object> object(final int depth)
    {
        scanner.tryConsume('{');
        final Map<String, Object> object = new LinkedHashMap<>();
        if (scanner.tryConsume('}'))
        {
            return object;
        }
        do
        {
            if (!scanner.readKey())
            {
                throw syntax("expected a field name");
            }
            final String key = string(scanner);
            if (!scanner.tryConsume(':'))
            {
                throw syntax("expected ':'");
            }
            object.put(key, value(depth + 1));
        }
        while (scanner.tryConsume(','));
        if (!scanner.tryConsume('}'))
        {
            throw syntax("expected ',' or '}'");
        }
        return object;
    }

    private List<Object> array(final int depth)
    {
        scanner.tryConsume('[');
        final List<Object> array = new ArrayList<>();
        if (scanner.tryConsume(']'))
        {
            return array;
        }
        do
        {
            array.add(value(depth + 1));
        }
        while (scanner.tryConsume(','));
        if (!scanner.tryConsume(']'))
        {
            throw syntax("expected ',' or ']'");
        }
        return array;
    }

    private String string()
    {
        if (!scanner.readString())
        {
            throw syntax("malformed string");
        }
        return string(scanner);
    }

    /** The last string token; escapes decoded (a Unicode escape as one UTF-16 unit). */
    private String string(final JsonScanner token)
    {
        final String raw = new String(json, token.tokenOffset(), token.tokenLength(), StandardCharsets.UTF_8);
        if (!token.tokenEscaped())
        {
            return raw;
        }
        final StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++)
        {
            final char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length())
            {
                out.append(c);
                continue;
            }
            final char e = raw.charAt(++i);
            switch (e)
            {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' ->
                {
                    if (i + 4 >= raw.length())
                    {
                        throw syntax("truncated \\u escape");
                    }
                    out.append((char)Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private IllegalArgumentException syntax(final String what)
    {
        final DecodeResult error = scanner.error();
        final int position = error != null ? scanner.errorPosition() : scanner.position();
        return new IllegalArgumentException(source + ": not a JSON body: " + what +
            (error != null ? " (" + error + ")" : "") + " at offset " + position);
    }
}
