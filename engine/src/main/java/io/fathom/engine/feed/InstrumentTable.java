package io.fathom.engine.feed;

import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.engine.book.BookScales;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The instruments this engine holds, with ids 0..n-1, a lookup from the symbol bytes a venue sends to the
 * id that does not allocate (open addressing over a byte hash), and each instrument's scales by id.
 */
public final class InstrumentTable
{
    private final List<String> symbols;
    private final byte[][] symbolBytes;
    private final int[] slots;
    private final int mask;
    private final ScaleCatalogue catalogue;
    private final BookScales scales;

    /** Instruments that all have the default scales, 8 and 8. */
    public InstrumentTable(final List<String> symbols)
    {
        this(symbols, ScaleCatalogue.uniform(8, 8));
    }

    /**
     * @param symbols   as the venue spells them in messages (Binance: upper case).
     * @param catalogue each instrument's scales; a symbol it does not list has its default scales.
     */
    public InstrumentTable(final List<String> symbols, final ScaleCatalogue catalogue)
    {
        final List<String> normalized = new ArrayList<>(symbols.size());
        for (final String symbol : symbols)
        {
            final String upper = symbol.toUpperCase(Locale.ROOT);
            if (normalized.contains(upper))
            {
                throw new IllegalArgumentException("duplicate symbol: " + symbol);
            }
            normalized.add(upper);
        }
        this.symbols = Collections.unmodifiableList(normalized);
        this.symbolBytes = new byte[normalized.size()][];
        int capacity = 16;
        while (capacity < normalized.size() * 2)
        {
            capacity <<= 1;
        }
        this.slots = new int[capacity];
        java.util.Arrays.fill(slots, -1);
        this.mask = capacity - 1;
        for (int id = 0; id < normalized.size(); id++)
        {
            final byte[] bytes = normalized.get(id).getBytes(StandardCharsets.US_ASCII);
            symbolBytes[id] = bytes;
            int slot = hash(bytes, 0, bytes.length) & mask;
            while (slots[slot] != -1)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
        this.catalogue = catalogue;
        final int[] priceScales = new int[normalized.size()];
        final int[] quantityScales = new int[normalized.size()];
        for (int id = 0; id < priceScales.length; id++)
        {
            final int index = catalogue.lookup(symbolBytes[id], 0, symbolBytes[id].length);
            priceScales[id] = catalogue.priceScale(index);
            quantityScales[id] = catalogue.quantityScale(index);
        }
        this.scales = BookScales.of(priceScales, quantityScales, catalogue.defaultPriceScale(),
            catalogue.defaultQuantityScale());
    }

    /** Each instrument's scales by id. */
    public BookScales scales()
    {
        return scales;
    }

    /** The scales by symbol the table was built from, for decoders that meet the symbol before the id. */
    public ScaleCatalogue catalogue()
    {
        return catalogue;
    }

    public int size()
    {
        return symbols.size();
    }

    public String symbol(final int id)
    {
        return symbols.get(id);
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** @return the id of the symbol in {@code bytes[offset, offset + length)}, or -1. */
    public int lookup(final byte[] bytes, final int offset, final int length)
    {
        int slot = hash(bytes, offset, length) & mask;
        while (true)
        {
            final int id = slots[slot];
            if (id == -1)
            {
                return -1;
            }
            if (java.util.Arrays.equals(symbolBytes[id], 0, symbolBytes[id].length, bytes, offset, offset + length))
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return the id of the symbol or -1; allocates, for configuration and tools. */
    public int lookup(final String symbol)
    {
        final byte[] bytes = symbol.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return lookup(bytes, 0, bytes.length);
    }

    private static int hash(final byte[] bytes, final int offset, final int length)
    {
        int h = 0x811C9DC5;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
