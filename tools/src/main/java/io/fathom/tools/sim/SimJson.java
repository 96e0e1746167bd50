package io.fathom.tools.sim;

import io.fathom.codec.json.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Map;

/**
 * Small helpers for the control plane of the venues that subscribe by message: reading the values
 * {@link SimJsonReader} produces, and writing reply text (quoted strings, RFC 3339 times). Allocates
 * freely: subscriptions and their replies only, never the depth path. Stateless.
 */
final class SimJson
{
    private SimJson()
    {
    }

    /**
     * @return the JSON object {@code text} holds, or null when it is not one.
     */
    static Map<?, ?> object(final String text)
    {
        try
        {
            final Object value = SimJsonReader.read(text);
            return value instanceof Map ? (Map<?, ?>)value : null;
        }
        catch (final SimJsonReader.SyntaxException ex)
        {
            return null;
        }
    }

    /** The member as an object, or null. */
    static Map<?, ?> object(final Map<?, ?> members, final String name)
    {
        final Object value = members.get(name);
        return value instanceof Map ? (Map<?, ?>)value : null;
    }

    /** The member as a string, or null. */
    static String string(final Map<?, ?> members, final String name)
    {
        final Object value = members.get(name);
        return value instanceof String ? (String)value : null;
    }

    /** The member as an array, or null. */
    static List<?> list(final Map<?, ?> members, final String name)
    {
        final Object value = members.get(name);
        return value instanceof List ? (List<?>)value : null;
    }

    /**
     * @return the member as an integer, {@code absent} when it is missing, or {@link Long#MIN_VALUE} when it is
     * there but no integer.
     */
    static long integer(final Map<?, ?> members, final String name, final long absent)
    {
        final Object value = members.get(name);
        if (value == null)
        {
            return absent;
        }
        if (value instanceof SimJsonReader.Number && ((SimJsonReader.Number)value).isInteger())
        {
            try
            {
                return Long.parseLong(((SimJsonReader.Number)value).text);
            }
            catch (final NumberFormatException ex)
            {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    /** {@code text} as a JSON string literal. */
    static String quote(final String text)
    {
        return appendQuoted(new StringBuilder(text.length() + 2), text).toString();
    }

    /** Appends {@code text} as a JSON string literal. */
    static StringBuilder appendQuoted(final StringBuilder builder, final String text)
    {
        builder.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                builder.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                builder.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                builder.append(c);
            }
        }
        return builder.append('"');
    }

    /** An epoch time as {@code "2023-10-06T17:35:55.440Z"}, quoted. */
    static String time(final long epochMs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Rfc3339.FORMATTED_LENGTH + 8]);
        final int length = Rfc3339.format(epochMs, buffer, 0);
        return '"' + buffer.getStringWithoutLengthAscii(0, length) + '"';
    }
}
