package io.fathom.tools.sim;

/**
 * Names of the simulator's instruments and streams: symbol {@code SYM<i>}, diff-depth stream
 * {@code sym<i>@depth@100ms} (lower case, as Binance names streams).
 *
 * <p>Parsing is strict: no leading zeros, no upper-case stream names, index below the symbol count.
 */
public final class SimSymbols
{
    public static final String SYMBOL_PREFIX = "SYM";
    public static final String STREAM_PREFIX = "sym";
    public static final String DEPTH_STREAM_SUFFIX = "@depth@100ms";

    private SimSymbols()
    {
    }

    /**
     * @return the exchange symbol of an instrument, e.g. {@code SYM3}.
     */
    public static String symbol(final int symbolIndex)
    {
        return SYMBOL_PREFIX + symbolIndex;
    }

    /**
     * @return the diff-depth stream name of an instrument, e.g. {@code sym3@depth@100ms}.
     */
    public static String depthStream(final int symbolIndex)
    {
        return STREAM_PREFIX + symbolIndex + DEPTH_STREAM_SUFFIX;
    }

    /**
     * @return the symbol index named by a symbol such as {@code SYM3}, or -1 when it names no instrument.
     */
    public static int parseSymbol(final CharSequence symbol, final int symbolCount)
    {
        if (!startsWith(symbol, SYMBOL_PREFIX))
        {
            return -1;
        }
        return parseIndex(symbol, SYMBOL_PREFIX.length(), symbol.length(), symbolCount);
    }

    /**
     * @return the symbol index of a stream name such as {@code sym3@depth@100ms}, or -1 when it is not
     * a diff-depth stream of a known instrument.
     */
    public static int parseDepthStream(final CharSequence stream, final int symbolCount)
    {
        final int length = stream.length();
        final int suffixStart = length - DEPTH_STREAM_SUFFIX.length();
        if (suffixStart <= STREAM_PREFIX.length() || !startsWith(stream, STREAM_PREFIX))
        {
            return -1;
        }
        for (int i = 0; i < DEPTH_STREAM_SUFFIX.length(); i++)
        {
            if (stream.charAt(suffixStart + i) != DEPTH_STREAM_SUFFIX.charAt(i))
            {
                return -1;
            }
        }
        return parseIndex(stream, STREAM_PREFIX.length(), suffixStart, symbolCount);
    }

    private static boolean startsWith(final CharSequence text, final String prefix)
    {
        if (text.length() < prefix.length())
        {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            if (text.charAt(i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private static int parseIndex(final CharSequence text, final int start, final int end, final int symbolCount)
    {
        final int digits = end - start;
        if (digits <= 0 || digits > 9 || (digits > 1 && text.charAt(start) == '0'))
        {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < symbolCount ? value : -1;
    }
}
