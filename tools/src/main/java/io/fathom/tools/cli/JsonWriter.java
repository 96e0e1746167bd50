package io.fathom.tools.cli;

/**
 * A minimal JSON text builder for summaries and JSON-lines output; the tools emit flat, known
 * shapes, so a dependency on a JSON library would buy nothing.
 */
public final class JsonWriter
{
    private final StringBuilder out = new StringBuilder(256);
    private boolean needComma;

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
