package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceMarket;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/**
 * Names of the simulator's instruments as each venue spells them: instrument {@code i} is {@code SYM<i>}
 * followed by the venue's quote, e.g. Binance spot {@code SYM3}, USD-M {@code SYM3USDT}, COIN-M
 * {@code SYM3USD_PERP}, Kraken {@code SYM3/USD}, OKX {@code SYM3-USDT}, Bitget {@code SYM3USDT}, Coinbase
 * {@code SYM3-USD}, Hyperliquid {@code SYM3}. Binance diff-depth streams are the lower-case name plus
 * {@code @depth@100ms}.
 *
 * <p>Parsing is strict: no leading zeros, case as written, index below the instrument count. Immutable;
 * the static methods are Binance spot's names, kept for callers that know no venue.
 */
public final class SimSymbols
{
    public static final String SYMBOL_PREFIX = "SYM";
    public static final String STREAM_PREFIX = "sym";
    public static final String DEPTH_STREAM_SUFFIX = "@depth@100ms";

    private final Venue venue;
    private final int count;
    private final String suffix;
    private final String streamSuffix;
    private final boolean mixedPrecision;

    private SimSymbols(final Venue venue, final int count, final boolean mixedPrecision)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        this.venue = venue;
        this.count = count;
        this.suffix = suffix(venue);
        this.streamSuffix = suffix.toLowerCase(Locale.ROOT) + DEPTH_STREAM_SUFFIX;
        this.mixedPrecision = mixedPrecision;
    }

    /**
     * @return the names of {@code count} instruments on {@code venue}.
     */
    public static SimSymbols forVenue(final Venue venue, final int count)
    {
        return new SimSymbols(venue, count, false);
    }

    /**
     * @param mixedPrecision whether the Binance venues write some instruments with other decimals
     *                       ({@link SimPrecision}).
     * @return the names of {@code count} instruments on {@code venue}.
     */
    public static SimSymbols forVenue(final Venue venue, final int count, final boolean mixedPrecision)
    {
        return new SimSymbols(venue, count, mixedPrecision);
    }

    /** How instrument {@code index}'s values are written on the Binance venues. */
    SimPrecision precision(final int index)
    {
        checkIndex(index);
        return SimPrecision.of(index, mixedPrecision && BinanceMarket.forVenue(venue) != null);
    }

    public Venue venue()
    {
        return venue;
    }

    public int count()
    {
        return count;
    }

    /**
     * @return the venue's name of instrument {@code index}, e.g. {@code SYM3/USD} on Kraken.
     */
    public String name(final int index)
    {
        checkIndex(index);
        return SYMBOL_PREFIX + index + suffix;
    }

    /**
     * Writes the name of instrument {@code index} as ASCII without allocating.
     *
     * @return the number of bytes written.
     */
    int putName(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        int length = buffer.putStringWithoutLengthAscii(offset, SYMBOL_PREFIX);
        length += buffer.putIntAscii(offset + length, index);
        return length + buffer.putStringWithoutLengthAscii(offset + length, suffix);
    }

    /**
     * Writes the diff-depth stream of instrument {@code index} as ASCII without allocating.
     *
     * @return the number of bytes written.
     */
    int putStream(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        int length = buffer.putStringWithoutLengthAscii(offset, STREAM_PREFIX);
        length += buffer.putIntAscii(offset + length, index);
        return length + buffer.putStringWithoutLengthAscii(offset + length, streamSuffix);
    }

    /** Sets {@code out}'s symbol to the name of instrument {@code index}, through {@code scratch}. */
    void setSymbol(final DepthMessage out, final UnsafeBuffer scratch, final int index)
    {
        final int length = putName(scratch, 0, index);
        out.symbol(scratch.byteArray(), 0, length);
    }

    /**
     * @return every name, in index order; a view that builds each name when read.
     */
    public List<String> names()
    {
        return new AbstractList<>()
        {
            public String get(final int index)
            {
                return name(index);
            }

            public int size()
            {
                return count;
            }
        };
    }

    /**
     * @return the Binance diff-depth stream of instrument {@code index}, e.g. {@code sym3usd_perp@depth@100ms}.
     */
    public String stream(final int index)
    {
        checkIndex(index);
        return STREAM_PREFIX + index + streamSuffix;
    }

    /**
     * @return the index of the instrument so named, or -1 when it names none.
     */
    public int indexOf(final CharSequence name)
    {
        return parse(name, SYMBOL_PREFIX, suffix, count);
    }

    /**
     * @return the index of the instrument whose diff-depth stream this is, or -1.
     */
    public int indexOfStream(final CharSequence stream)
    {
        return parse(stream, STREAM_PREFIX, streamSuffix, count);
    }

    /**
     * @return Binance spot's symbol of an instrument, e.g. {@code SYM3}.
     */
    public static String symbol(final int symbolIndex)
    {
        return SYMBOL_PREFIX + symbolIndex;
    }

    /**
     * @return Binance spot's diff-depth stream of an instrument, e.g. {@code sym3@depth@100ms}.
     */
    public static String depthStream(final int symbolIndex)
    {
        return STREAM_PREFIX + symbolIndex + DEPTH_STREAM_SUFFIX;
    }

    /**
     * @return the index named by a Binance spot symbol such as {@code SYM3}, or -1.
     */
    public static int parseSymbol(final CharSequence symbol, final int symbolCount)
    {
        return parse(symbol, SYMBOL_PREFIX, "", symbolCount);
    }

    /**
     * @return the index of a Binance spot stream such as {@code sym3@depth@100ms}, or -1.
     */
    public static int parseDepthStream(final CharSequence stream, final int symbolCount)
    {
        return parse(stream, STREAM_PREFIX, DEPTH_STREAM_SUFFIX, symbolCount);
    }

    private static String suffix(final Venue venue)
    {
        switch (venue)
        {
            case BINANCE:
            case HYPERLIQUID:
                return "";
            case BINANCE_USDM:
            case BITGET:
                return "USDT";
            case BINANCE_COINM:
                return "USD_PERP";
            case KRAKEN:
            case KRAKEN_V1:
                return "/USD";
            case OKX:
                return "-USDT";
            case COINBASE:
                return "-USD";
            default:
                throw new IllegalArgumentException("no instrument names for venue " + venue);
        }
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("instrument index " + index + " of " + count);
        }
    }

    private static int parse(final CharSequence text, final String prefix, final String suffix, final int count)
    {
        final int end = text.length() - suffix.length();
        if (end <= prefix.length() || !regionMatches(text, 0, prefix) || !regionMatches(text, end, suffix))
        {
            return -1;
        }
        final int digits = end - prefix.length();
        if (digits > 9 || (digits > 1 && text.charAt(prefix.length()) == '0'))
        {
            return -1;
        }
        int value = 0;
        for (int i = prefix.length(); i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < count ? value : -1;
    }

    private static boolean regionMatches(final CharSequence text, final int start, final String expected)
    {
        for (int i = 0; i < expected.length(); i++)
        {
            if (text.charAt(start + i) != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
