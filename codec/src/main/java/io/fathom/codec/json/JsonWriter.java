package io.fathom.codec.json;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import org.agrona.MutableDirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * The project's one JSON writer, in two halves. The static {@code put*} methods are the few writes venue
 * encoders make into a buffer: constant ASCII, integers, and a level's price or quantity with the decimals
 * it was received with; each returns the index after what it wrote, stateless and allocation-free. An
 * instance is a small text builder for the tools' summaries and JSON-lines output, which have flat, known
 * shapes: it allocates, escapes strings, and is not thread-safe.
 */
public final class JsonWriter
{
    /** The most bytes {@link #putDecimal} writes. */
    public static final int MAX_DECIMAL_LENGTH = FixedPoint.MAX_FORMATTED_LENGTH + DepthMessage.MAX_DECIMALS;

    private static final byte[] QUOTE_COMMA_QUOTE = ascii("\",\"");

    private final StringBuilder out = new StringBuilder(256);
    private boolean needComma;

    /** ASCII bytes of a constant, for encoders' static fields. */
    public static byte[] ascii(final String text)
    {
        return text.getBytes(US_ASCII);
    }

    public static int put(final MutableDirectBuffer buffer, final int index, final byte[] bytes)
    {
        buffer.putBytes(index, bytes);
        return index + bytes.length;
    }

    public static int putByte(final MutableDirectBuffer buffer, final int index, final char c)
    {
        buffer.putByte(index, (byte)c);
        return index + 1;
    }

    public static int putLong(final MutableDirectBuffer buffer, final int index, final long value)
    {
        return index + buffer.putLongAscii(index, value);
    }

    /** The message's symbol, raw. */
    public static int putSymbol(final MutableDirectBuffer buffer, final int index, final DepthMessage message)
    {
        buffer.putBytes(index, message.symbolBytes(), 0, message.symbolLength());
        return index + message.symbolLength();
    }

    /** Level {@code i}'s price, unquoted, with its received decimals. */
    public static int putPrice(final MutableDirectBuffer buffer, final int index, final DepthMessage message, final int i)
    {
        return putDecimal(buffer, index, message.price(i), message.priceScale(), message.priceDecimals(i));
    }

    /** Level {@code i}'s quantity, unquoted, with its received decimals. */
    public static int putQuantity(
        final MutableDirectBuffer buffer, final int index, final DepthMessage message, final int i)
    {
        return putDecimal(buffer, index, message.quantity(i), message.quantityScale(), message.quantityDecimals(i));
    }

    public static int putDecimal(
        final MutableDirectBuffer buffer, final int index, final long mantissa, final int scale, final int decimals)
    {
        return index + FixedPoint.format(mantissa, scale, decimals, buffer, index);
    }

    /** Writes {@code ["px","sz"<suffix>]} levels of one side, comma separated, in message order. */
    public static int putQuotedLevels(
        final MutableDirectBuffer buffer,
        final int start,
        final DepthMessage message,
        final byte side,
        final byte[] suffix,
        final byte[] zeroSuffix)
    {
        int index = putByte(buffer, start, '[');
        boolean first = true;
        for (int i = 0, count = message.levelCount(); i < count; i++)
        {
            if (message.side(i) != side)
            {
                continue;
            }
            if (!first)
            {
                index = putByte(buffer, index, ',');
            }
            first = false;
            index = putByte(buffer, index, '[');
            index = putByte(buffer, index, '"');
            index = putPrice(buffer, index, message, i);
            index = put(buffer, index, QUOTE_COMMA_QUOTE);
            index = putQuantity(buffer, index, message, i);
            index = putByte(buffer, index, '"');
            index = put(buffer, index, 0 == message.quantity(i) ? zeroSuffix : suffix);
            index = putByte(buffer, index, ']');
        }
        return putByte(buffer, index, ']');
    }

    /**
     * Writes {@code text} in double quotes; for control-plane messages (subscriptions), not the hot path.
     *
     * @throws IllegalArgumentException when the text is empty or not plain printable ASCII without
     * {@code "} or {@code \\}, which would need escaping.
     */
    public static int putQuoted(final MutableDirectBuffer buffer, final int start, final CharSequence text)
    {
        if (0 == text.length())
        {
            throw new IllegalArgumentException("empty name");
        }
        int index = putByte(buffer, start, '"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            {
                throw new IllegalArgumentException("not plain printable ASCII: \"" + text + "\"");
            }
            index = putByte(buffer, index, c);
        }
        return putByte(buffer, index, '"');
    }

    /** Writes {@code ["a","b",...]} with {@link #putQuoted}. */
    public static int putQuotedList(
        final MutableDirectBuffer buffer, final int start, final java.util.List<? extends CharSequence> texts)
    {
        int index = putByte(buffer, start, '[');
        for (int i = 0; i < texts.size(); i++)
        {
            if (i > 0)
            {
                index = putByte(buffer, index, ',');
            }
            index = putQuoted(buffer, index, texts.get(i));
        }
        return putByte(buffer, index, ']');
    }

    /** Starts an object; with {@link #endObject()}, arrays and fields, builds one JSON text. */
    public JsonWriter beginObject()
    {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject()
    {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray()
    {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray()
    {
        out.append(']');
        needComma = true;
        return this;
    }

    public JsonWriter name(final String name)
    {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(final long value)
    {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    public JsonWriter value(final boolean value)
    {
        comma();
        out.append(value);
        needComma = true;
        return this;
    }

    /** Non-finite numbers have no JSON form; they are written as null. */
    public JsonWriter value(final double value)
    {
        comma();
        if (Double.isFinite(value))
        {
            out.append(value);
        }
        else
        {
            out.append("null");
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(final String value)
    {
        comma();
        if (value == null)
        {
            out.append("null");
        }
        else
        {
            string(value);
        }
        needComma = true;
        return this;
    }

    /** A number written exactly as given, e.g. a fixed-point decimal's text. */
    public JsonWriter rawNumber(final String number)
    {
        comma();
        out.append(number);
        needComma = true;
        return this;
    }

    public JsonWriter field(final String name, final long value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final String value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final double value)
    {
        return name(name).value(value);
    }

    private void comma()
    {
        if (needComma)
        {
            out.append(',');
        }
    }

    private void string(final String value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public String toString()
    {
        return out.toString();
    }
}
