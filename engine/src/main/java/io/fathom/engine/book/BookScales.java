package io.fathom.engine.book;

import io.fathom.codec.decimal.FixedPoint;

/**
 * Each instrument's price and quantity scale by instrument id, in primitive arrays, so a component that
 * holds an id finds its decimals without a map lookup or allocation. Immutable and thread-safe.
 */
public final class BookScales
{
    private final int defaultPriceScale;
    private final int defaultQuantityScale;
    private final byte[] priceScales;
    private final byte[] quantityScales;

    private BookScales(
        final int defaultPriceScale, final int defaultQuantityScale, final byte[] priceScales, final byte[] quantityScales)
    {
        FixedPoint.checkScales(defaultPriceScale, defaultQuantityScale);
        this.defaultPriceScale = defaultPriceScale;
        this.defaultQuantityScale = defaultQuantityScale;
        this.priceScales = priceScales;
        this.quantityScales = quantityScales;
    }

    /** The same scales for every instrument id. */
    public static BookScales uniform(final int priceScale, final int quantityScale)
    {
        return new BookScales(priceScale, quantityScale, new byte[0], new byte[0]);
    }

    /**
     * @param priceScales    by instrument id; copied.
     * @param quantityScales by instrument id, as many as {@code priceScales}; copied.
     * @param defaultPriceScale    for ids beyond the arrays.
     * @param defaultQuantityScale for ids beyond the arrays.
     */
    public static BookScales of(
        final int[] priceScales, final int[] quantityScales, final int defaultPriceScale, final int defaultQuantityScale)
    {
        if (priceScales.length != quantityScales.length)
        {
            throw new IllegalArgumentException(priceScales.length + " price scales, " + quantityScales.length + " quantity");
        }
        final byte[] prices = new byte[priceScales.length];
        final byte[] quantities = new byte[quantityScales.length];
        for (int id = 0; id < prices.length; id++)
        {
            FixedPoint.checkScales(priceScales[id], quantityScales[id]);
            prices[id] = (byte)priceScales[id];
            quantities[id] = (byte)quantityScales[id];
        }
        return new BookScales(defaultPriceScale, defaultQuantityScale, prices, quantities);
    }

    /** Decimals of instrument {@code id}'s prices. */
    public int priceScale(final int id)
    {
        return id >= 0 && id < priceScales.length ? priceScales[id] : defaultPriceScale;
    }

    /** Decimals of instrument {@code id}'s quantities. */
    public int quantityScale(final int id)
    {
        return id >= 0 && id < quantityScales.length ? quantityScales[id] : defaultQuantityScale;
    }

    /** The scales of an instrument without scales of its own (the run-wide fallback). */
    public int defaultPriceScale()
    {
        return defaultPriceScale;
    }

    public int defaultQuantityScale()
    {
        return defaultQuantityScale;
    }
}
