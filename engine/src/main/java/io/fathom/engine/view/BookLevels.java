package io.fathom.engine.view;

import io.fathom.codec.decimal.FixedPoint;

/**
 * The best levels of each side of one moment of a book, copied by {@link BookView#read(BookLevels, int)}
 * into arrays sized once at construction, so reads allocate nothing. Level 0 is the best.
 *
 * <p>A book that was not valid copies no levels. Not thread-safe: one reading thread per holder.
 */
public final class BookLevels extends BookCopy
{
    final long[] bidPrices;
    final long[] bidQuantities;
    final long[] askPrices;
    final long[] askQuantities;
    int bidCount;
    int askCount;

    /** @param capacity the most levels a side this holder takes: the largest depth it will be read with. */
    public BookLevels(final int capacity)
    {
        if (capacity < 1 || capacity > ViewSlab.MAX_DEPTH)
        {
            throw new IllegalArgumentException("capacity must be 1.." + ViewSlab.MAX_DEPTH + " (got " + capacity + ")");
        }
        bidPrices = new long[capacity];
        bidQuantities = new long[capacity];
        askPrices = new long[capacity];
        askQuantities = new long[capacity];
    }

    public int capacity()
    {
        return bidPrices.length;
    }

    /** Bid levels copied: at most the depth read with and the view's depth. */
    public int bidCount()
    {
        return bidCount;
    }

    /** Ask levels copied: at most the depth read with and the view's depth. */
    public int askCount()
    {
        return askCount;
    }

    /** Price mantissa of bid level {@code level} (below {@link #bidCount()}), in units of 10^-{@link #priceScale()}. */
    public long bidPriceMantissa(final int level)
    {
        return bidPrices[checkLevel(level, bidCount)];
    }

    /** Quantity mantissa of bid level {@code level}, in units of 10^-{@link #quantityScale()}. */
    public long bidQuantityMantissa(final int level)
    {
        return bidQuantities[checkLevel(level, bidCount)];
    }

    /** Price mantissa of ask level {@code level} (below {@link #askCount()}), in units of 10^-{@link #priceScale()}. */
    public long askPriceMantissa(final int level)
    {
        return askPrices[checkLevel(level, askCount)];
    }

    /** Quantity mantissa of ask level {@code level}, in units of 10^-{@link #quantityScale()}. */
    public long askQuantityMantissa(final int level)
    {
        return askQuantities[checkLevel(level, askCount)];
    }

    public double bidPrice(final int level)
    {
        return FixedPoint.toDouble(bidPriceMantissa(level), priceScale);
    }

    public double bidQuantity(final int level)
    {
        return FixedPoint.toDouble(bidQuantityMantissa(level), quantityScale);
    }

    public double askPrice(final int level)
    {
        return FixedPoint.toDouble(askPriceMantissa(level), priceScale);
    }

    public double askQuantity(final int level)
    {
        return FixedPoint.toDouble(askQuantityMantissa(level), quantityScale);
    }

    private static int checkLevel(final int level, final int count)
    {
        if (level < 0 || level >= count)
        {
            throw new IndexOutOfBoundsException("level " + level + " of " + count + " copied");
        }
        return level;
    }
}
