package io.fathom.engine.view;

import io.fathom.codec.decimal.FixedPoint;

/**
 * What every view of an engine shares: the scales of the mantissas and how many levels a side are published.
 *
 * @param priceScale    decimals of price mantissas, 0..{@link FixedPoint#MAX_SCALE}.
 * @param quantityScale decimals of quantity mantissas, 0..{@link FixedPoint#MAX_SCALE}.
 * @param depth         levels a side published, 1..65535; the writer copies this many each time it publishes a book.
 */
public record ViewSettings(int priceScale, int quantityScale, int depth)
{
    /** The published depth unless configured: what a top-10 consumer needs. */
    public static final int DEFAULT_DEPTH = 10;

    public ViewSettings
    {
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException("priceScale must be 0.." + FixedPoint.MAX_SCALE + " (got " + priceScale + ")");
        }
        if (quantityScale < 0 || quantityScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "quantityScale must be 0.." + FixedPoint.MAX_SCALE + " (got " + quantityScale + ")");
        }
        if (depth < 1 || depth > ViewSlab.MAX_DEPTH)
        {
            throw new IllegalArgumentException("depth must be 1.." + ViewSlab.MAX_DEPTH + " (got " + depth + ")");
        }
    }
}
