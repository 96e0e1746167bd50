package io.fathom.codec.instrument;

import io.fathom.codec.decimal.FixedPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Each instrument's price and quantity scale, found from the symbol bytes a venue sends without
 * allocating, with run-wide default scales for any symbol it does not list.
 *
 * <p>Symbols match ASCII case-insensitively, as the engine's instrument table does. The scales are held
 * in primitive arrays indexed by the catalogue's own index. Immutable and thread-safe once built.
 */
public final class ScaleCatalogue
{
    private final int defaultPriceScale;
    private final int defaultQuantityScale;
    private final List<InstrumentScales> instruments;
    private final byte[][] keys;
    private final byte[] priceScales;
    private final byte[] quantityScales;
    private final int[] slots;
    private final int mask;

    private ScaleCatalogue(final int defaultPriceScale, final int defaultQuantityScale, final List<InstrumentScales> instruments)
    {
        FixedPoint.checkScales(defaultPriceScale, defaultQuantityScale);
        this.defaultPriceScale = defaultPriceScale;
        this.defaultQuantityScale = defaultQuantityScale;
        this.instruments = Collections.unmodifiableList(new ArrayList<>(instruments));
        final int count = instruments.size();
        keys = new byte[count][];
        priceScales = new byte[count];
        quantityScales = new byte[count];
        int capacity = 16;
        while (capacity < count * 2)
        {
            capacity <<= 1;
        }
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        mask = capacity - 1;
        for (int i = 0; i < count; i++)
        {
            final InstrumentScales scales = instruments.get(i);
            final byte[] key = scales.key().getBytes(StandardCharsets.US_ASCII);
            if (lookup(key, 0, key.length) >= 0)
            {
                throw new IllegalArgumentException("instrument listed twice: " + scales.symbol());
            }
            keys[i] = key;
            priceScales[i] = (byte)scales.priceScale();
            quantityScales[i] = (byte)scales.quantityScale();
            int slot = hash(key, 0, key.length) & mask;
            while (slots[slot] != -1)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    /**
     * @param defaultPriceScale    the price scale of any instrument not listed.
     * @param defaultQuantityScale the quantity scale of any instrument not listed.
     * @param instruments          the instruments with scales of their own; a symbol may appear once.
     * @throws IllegalArgumentException for a default scale out of range or a symbol listed twice.
     */
    public static ScaleCatalogue of(
        final int defaultPriceScale, final int defaultQuantityScale, final List<InstrumentScales> instruments)
    {
        return new ScaleCatalogue(defaultPriceScale, defaultQuantityScale, instruments);
    }

    /** A catalogue where every instrument has the same scales. */
    public static ScaleCatalogue uniform(final int priceScale, final int quantityScale)
    {
        return new ScaleCatalogue(priceScale, quantityScale, List.of());
    }

    public int defaultPriceScale()
    {
        return defaultPriceScale;
    }

    public int defaultQuantityScale()
    {
        return defaultQuantityScale;
    }

    /** True when no instrument has scales of its own, so the defaults hold for every symbol. */
    public boolean isUniform()
    {
        return keys.length == 0;
    }

    /** The instruments listed, in the order given. */
    public List<InstrumentScales> instruments()
    {
        return instruments;
    }

    /** @return the index of the symbol in {@code bytes[offset, offset + length)}, or -1 when it is not listed. */
    public int lookup(final byte[] bytes, final int offset, final int length)
    {
        if (keys.length == 0)
        {
            return -1;
        }
        int slot = hash(bytes, offset, length) & mask;
        while (true)
        {
            final int index = slots[slot];
            if (index == -1)
            {
                return -1;
            }
            if (equalsIgnoringCase(keys[index], bytes, offset, length))
            {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The price scale at a {@link #lookup} index, or the default for -1. */
    public int priceScale(final int index)
    {
        return index < 0 ? defaultPriceScale : priceScales[index];
    }

    /** The quantity scale at a {@link #lookup} index, or the default for -1. */
    public int quantityScale(final int index)
    {
        return index < 0 ? defaultQuantityScale : quantityScales[index];
    }

    /** The scales of a symbol, its own or the defaults; allocates, for configuration and tools. */
    public InstrumentScales scalesOf(final String symbol)
    {
        final byte[] bytes = symbol.getBytes(StandardCharsets.US_ASCII);
        final int index = lookup(bytes, 0, bytes.length);
        return new InstrumentScales(symbol, priceScale(index), quantityScale(index));
    }

    private static boolean equalsIgnoringCase(final byte[] key, final byte[] bytes, final int offset, final int length)
    {
        if (key.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (key[i] != upper(bytes[offset + i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final byte[] bytes, final int offset, final int length)
    {
        int h = 0x811C9DC5;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            h = (h ^ upper(bytes[i])) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static byte upper(final byte b)
    {
        return b >= 'a' && b <= 'z' ? (byte)(b - 32) : b;
    }
}
