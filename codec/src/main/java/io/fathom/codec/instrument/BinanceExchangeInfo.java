package io.fathom.codec.instrument;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonScanner;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads instrument scales from a Binance {@code exchangeInfo} response (spot {@code /api/v3}, USD-M
 * {@code /fapi/v1}, COIN-M {@code /dapi/v1}): each {@code symbols[]} entry's price scale is the decimals of its
 * {@code PRICE_FILTER.tickSize} and its quantity scale those of its {@code LOT_SIZE.stepSize}, trailing zeros
 * trimmed ({@code "0.00001000"} is 5). A symbol without both filters is left out. For start-up: allocates,
 * any thread.
 */
public final class BinanceExchangeInfo
{
    private static final byte[] SYMBOLS = ascii("symbols");
    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] FILTERS = ascii("filters");
    private static final byte[] FILTER_TYPE = ascii("filterType");
    private static final byte[] TICK_SIZE = ascii("tickSize");
    private static final byte[] STEP_SIZE = ascii("stepSize");
    private static final byte[] PRICE_FILTER = ascii("PRICE_FILTER");
    private static final byte[] LOT_SIZE = ascii("LOT_SIZE");

    private BinanceExchangeInfo()
    {
    }

    /**
     * @param source named in errors, for example the URL the response came from.
     * @throws IllegalArgumentException naming the source and what is wrong: not JSON, no {@code symbols}
     * array, or a tick or step size that is not a positive decimal.
     */
    public static List<InstrumentScales> parse(final String source, final byte[] json)
    {
        final JsonScanner scanner = new JsonScanner().wrap(new UnsafeBuffer(json), 0, json.length);
        final List<InstrumentScales> instruments = new ArrayList<>();
        boolean sawSymbols = false;
        expect(source, scanner, '{', "must be a JSON object");
        if (!scanner.tryConsume('}'))
        {
            do
            {
                key(source, scanner);
                if (scanner.tokenEquals(SYMBOLS))
                {
                    expect(source, scanner, ':', "expected ':'");
                    sawSymbols = true;
                    symbols(source, json, scanner, instruments);
                }
                else
                {
                    expect(source, scanner, ':', "expected ':'");
                    skip(source, scanner);
                }
            }
            while (scanner.tryConsume(','));
            expect(source, scanner, '}', "expected ',' or '}'");
        }
        if (!sawSymbols)
        {
            throw new IllegalArgumentException(source + ": exchangeInfo has no \"symbols\" array");
        }
        return instruments;
    }

    /**
     * The decimals of a Binance tick or step size after trimming trailing zeros: {@code "0.00001000"} is 5,
     * {@code "1.00000000"} is 0.
     *
     * @throws IllegalArgumentException when the text is not a positive plain decimal.
     */
    public static int decimals(final String size)
    {
        final int dot = size.indexOf('.');
        int end = size.length();
        boolean nonZero = false;
        for (int i = 0; i < size.length(); i++)
        {
            final char c = size.charAt(i);
            if (i != dot && (c < '0' || c > '9'))
            {
                throw new IllegalArgumentException("not a plain decimal: \"" + size + "\"");
            }
            nonZero |= c > '0' && c <= '9';
        }
        if (size.isEmpty() || dot == 0 || dot == size.length() - 1 || !nonZero)
        {
            throw new IllegalArgumentException("not a positive decimal: \"" + size + "\"");
        }
        if (dot < 0)
        {
            return 0;
        }
        while (end > dot + 1 && size.charAt(end - 1) == '0')
        {
            end--;
        }
        return end - dot - 1;
    }

    private static void symbols(
        final String source, final byte[] json, final JsonScanner scanner, final List<InstrumentScales> out)
    {
        expect(source, scanner, '[', "\"symbols\" must be an array");
        if (scanner.tryConsume(']'))
        {
            return;
        }
        do
        {
            final InstrumentScales instrument = symbol(source, json, scanner);
            if (instrument != null)
            {
                out.add(instrument);
            }
        }
        while (scanner.tryConsume(','));
        expect(source, scanner, ']', "expected ',' or ']' in \"symbols\"");
    }

    private static InstrumentScales symbol(final String source, final byte[] json, final JsonScanner scanner)
    {
        expect(source, scanner, '{', "each symbol must be an object");
        String symbol = null;
        String tickSize = null;
        String stepSize = null;
        if (!scanner.tryConsume('}'))
        {
            do
            {
                key(source, scanner);
                final boolean isSymbol = scanner.tokenEquals(SYMBOL);
                final boolean isFilters = scanner.tokenEquals(FILTERS);
                expect(source, scanner, ':', "expected ':'");
                if (isSymbol)
                {
                    symbol = string(source, json, scanner, "symbol");
                }
                else if (isFilters)
                {
                    final String[] sizes = filters(source, json, scanner);
                    tickSize = sizes[0];
                    stepSize = sizes[1];
                }
                else
                {
                    skip(source, scanner);
                }
            }
            while (scanner.tryConsume(','));
            expect(source, scanner, '}', "expected ',' or '}' in a symbol");
        }
        if (symbol == null || tickSize == null || stepSize == null)
        {
            return null;
        }
        try
        {
            return new InstrumentScales(symbol, scale(tickSize), scale(stepSize));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(source + ": symbol " + symbol + ": " + e.getMessage(), e);
        }
    }

    private static int scale(final String size)
    {
        final int decimals = decimals(size);
        if (decimals > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException("\"" + size + "\" has more than " + FixedPoint.MAX_SCALE + " decimals");
        }
        return decimals;
    }

    /** The {@code PRICE_FILTER.tickSize} and {@code LOT_SIZE.stepSize} of a {@code filters} array, null if absent. */
    private static String[] filters(final String source, final byte[] json, final JsonScanner scanner)
    {
        final String[] sizes = new String[2];
        expect(source, scanner, '[', "\"filters\" must be an array");
        if (scanner.tryConsume(']'))
        {
            return sizes;
        }
        do
        {
            expect(source, scanner, '{', "each filter must be an object");
            int type = -1;
            String tick = null;
            String step = null;
            if (!scanner.tryConsume('}'))
            {
                do
                {
                    key(source, scanner);
                    final int field = scanner.tokenEquals(FILTER_TYPE) ? 1 : scanner.tokenEquals(TICK_SIZE) ? 2 :
                        scanner.tokenEquals(STEP_SIZE) ? 3 : 0;
                    expect(source, scanner, ':', "expected ':'");
                    if (1 == field)
                    {
                        if (!scanner.readString())
                        {
                            throw syntax(source, scanner, "filterType must be a string");
                        }
                        type = scanner.tokenEquals(PRICE_FILTER) ? 0 : scanner.tokenEquals(LOT_SIZE) ? 1 : -1;
                    }
                    else if (2 == field)
                    {
                        tick = string(source, json, scanner, "tickSize");
                    }
                    else if (3 == field)
                    {
                        step = string(source, json, scanner, "stepSize");
                    }
                    else
                    {
                        skip(source, scanner);
                    }
                }
                while (scanner.tryConsume(','));
                expect(source, scanner, '}', "expected ',' or '}' in a filter");
            }
            if (0 == type)
            {
                sizes[0] = tick;
            }
            else if (1 == type)
            {
                sizes[1] = step;
            }
        }
        while (scanner.tryConsume(','));
        expect(source, scanner, ']', "expected ',' or ']' in \"filters\"");
        return sizes;
    }

    private static String string(final String source, final byte[] json, final JsonScanner scanner, final String field)
    {
        if (!scanner.readString() || scanner.tokenEscaped())
        {
            throw syntax(source, scanner, field + " must be a plain string");
        }
        return new String(json, scanner.tokenOffset(), scanner.tokenLength(), StandardCharsets.US_ASCII);
    }

    private static void key(final String source, final JsonScanner scanner)
    {
        if (!scanner.readKey())
        {
            throw syntax(source, scanner, "expected a field name");
        }
    }

    private static void skip(final String source, final JsonScanner scanner)
    {
        if (!scanner.skipValue())
        {
            throw syntax(source, scanner, "malformed value");
        }
    }

    private static void expect(final String source, final JsonScanner scanner, final char c, final String what)
    {
        if (!scanner.tryConsume(c))
        {
            throw syntax(source, scanner, what);
        }
    }

    private static IllegalArgumentException syntax(final String source, final JsonScanner scanner, final String what)
    {
        final DecodeResult error = scanner.error();
        final int position = error != null ? scanner.errorPosition() : scanner.position();
        return new IllegalArgumentException(source + ": " + what + (error != null ? " (" + error + ")" : "") +
            " at offset " + position);
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
