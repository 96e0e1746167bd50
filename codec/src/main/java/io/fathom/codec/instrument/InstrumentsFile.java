package io.fathom.codec.instrument;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.Venue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonScanner;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads instrument scales given offline: a JSON array with one object per instrument,
 * {@code [{"symbol": "SHIBUSDT", "price_scale": 8, "quantity_scale": 2}, ...]}, each optionally for one venue
 * ({@code "venue": "binance-usdm"}, a {@link Venue} id; without it, for every venue holding the symbol). Other fields
 * are allowed and ignored (room for what a venue needs). A symbol is listed once per venue and once without one.
 * Every refusal names the file, the entry and the field. For configuration: allocates, any thread.
 */
public final class InstrumentsFile
{
    private static final byte[] SYMBOL = "symbol".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRICE_SCALE = "price_scale".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUANTITY_SCALE = "quantity_scale".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VENUE = "venue".getBytes(StandardCharsets.US_ASCII);

    private InstrumentsFile()
    {
    }

    /**
     * @throws IOException              when the file cannot be read.
     * @throws IllegalArgumentException naming the file, the entry (from 1) and the field that is wrong.
     */
    public static List<InstrumentScales> read(final Path file) throws IOException
    {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /**
     * @param source named in errors, for example the file's path.
     * @throws IllegalArgumentException naming the source, the entry (from 1) and the field that is wrong.
     */
    public static List<InstrumentScales> parse(final String source, final byte[] json)
    {
        final JsonScanner scanner = new JsonScanner().wrap(new UnsafeBuffer(json), 0, json.length);
        final List<InstrumentScales> instruments = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        if (!scanner.tryConsume('['))
        {
            throw new IllegalArgumentException(source + ": must be a JSON array of instrument objects" +
                at(json, scanner.position()));
        }
        if (!scanner.tryConsume(']'))
        {
            do
            {
                final InstrumentScales instrument = entry(source, json, scanner, instruments.size() + 1);
                if (!seen.add(instrument.venue() + " " + instrument.symbol().toUpperCase(Locale.ROOT)))
                {
                    throw new IllegalArgumentException(source + ": entry " + (instruments.size() + 1) + ": symbol " +
                        instrument.symbol() + " is listed twice" +
                        (instrument.venue() == null ? "" : " for venue " + instrument.venue()));
                }
                instruments.add(instrument);
            }
            while (scanner.tryConsume(','));
            if (!scanner.tryConsume(']'))
            {
                throw syntax(source, json, scanner, "expected ',' or ']' after entry " + instruments.size());
            }
        }
        if (!scanner.isAtEnd())
        {
            throw syntax(source, json, scanner, "unexpected text after the array");
        }
        return instruments;
    }

    private static InstrumentScales entry(final String source, final byte[] json, final JsonScanner scanner, final int entry)
    {
        final String where = source + ": entry " + entry;
        if (!scanner.tryConsume('{'))
        {
            throw syntax(source, json, scanner, "entry " + entry + " must be an object");
        }
        String symbol = null;
        String venue = null;
        long priceScale = -1;
        long quantityScale = -1;
        if (!scanner.tryConsume('}'))
        {
            do
            {
                if (!scanner.readKey())
                {
                    throw syntax(source, json, scanner, "entry " + entry + ": expected a field name");
                }
                final int field = scanner.tokenEquals(SYMBOL) ? 1 : scanner.tokenEquals(PRICE_SCALE) ? 2 :
                    scanner.tokenEquals(QUANTITY_SCALE) ? 3 : scanner.tokenEquals(VENUE) ? 4 : 0;
                if (!scanner.expect(':'))
                {
                    throw syntax(source, json, scanner, "entry " + entry + ": expected ':' after a field name");
                }
                if (1 == field)
                {
                    if (!scanner.readString() || scanner.tokenLength() == 0 || scanner.tokenEscaped())
                    {
                        throw new IllegalArgumentException(where + ": symbol must be a non-empty string");
                    }
                    symbol = new String(json, scanner.tokenOffset(), scanner.tokenLength(), StandardCharsets.US_ASCII);
                }
                else if (2 == field)
                {
                    priceScale = scale(where, "price_scale", scanner);
                }
                else if (3 == field)
                {
                    quantityScale = scale(where, "quantity_scale", scanner);
                }
                else if (4 == field)
                {
                    venue = venue(where, json, scanner);
                }
                else if (!scanner.skipValue())
                {
                    throw syntax(source, json, scanner, "entry " + entry);
                }
            }
            while (scanner.tryConsume(','));
            if (!scanner.tryConsume('}'))
            {
                throw syntax(source, json, scanner, "entry " + entry + ": expected ',' or '}'");
            }
        }
        final String named = null == symbol ? where : where + " (" + symbol + ")";
        require(null != symbol, named, "symbol");
        require(priceScale >= 0, named, "price_scale");
        require(quantityScale >= 0, named, "quantity_scale");
        try
        {
            return new InstrumentScales(symbol, (int)priceScale, (int)quantityScale, venue);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(named + ": " + e.getMessage(), e);
        }
    }

    private static String venue(final String where, final byte[] json, final JsonScanner scanner)
    {
        final String text = scanner.readString() && !scanner.tokenEscaped() ?
            new String(json, scanner.tokenOffset(), scanner.tokenLength(), StandardCharsets.US_ASCII) : null;
        final Venue venue = text == null ? null : Venue.find(text);
        if (venue == null)
        {
            throw new IllegalArgumentException(where + ": venue must be one of: " + Venue.ids() +
                (text == null ? "" : " (got '" + text + "')"));
        }
        return venue.id();
    }

    private static long scale(final String where, final String field, final JsonScanner scanner)
    {
        final long value = scanner.readNonNegativeLong();
        if (value < 0 || value > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(where + ": " + field + " must be an integer 0.." + FixedPoint.MAX_SCALE);
        }
        return value;
    }

    private static void require(final boolean present, final String where, final String field)
    {
        if (!present)
        {
            throw new IllegalArgumentException(where + ": field " + field + " is missing");
        }
    }

    private static IllegalArgumentException syntax(
        final String source, final byte[] json, final JsonScanner scanner, final String what)
    {
        final DecodeResult error = scanner.error();
        final int position = error != null ? scanner.errorPosition() : scanner.position();
        return new IllegalArgumentException(source + ": " + what + (error != null ? " (" + error + ")" : "") +
            at(json, position));
    }

    private static String at(final byte[] json, final int position)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, json.length); i++)
        {
            if (json[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return " at line " + line + ", column " + column;
    }
}
