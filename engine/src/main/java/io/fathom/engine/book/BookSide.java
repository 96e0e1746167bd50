package io.fathom.engine.book;

/**
 * One side of a book: price levels kept sorted best-first in preallocated parallel arrays.
 *
 * <p>Updates near the top (where almost all of them land) move few elements; a side never
 * allocates after construction. Single-threaded: owned by the book handler thread.
 */
public final class BookSide
{
    private final boolean bid;
    private final long[] prices;
    private final long[] quantities;
    private final byte[] priceDecimals;
    private final byte[] quantityDecimals;
    private int size;
    /** A level was dropped for capacity since the last {@link #truncate}; the best such price follows. */
    private boolean dropped;
    private long bestDroppedPrice;

    BookSide(final boolean bid, final int capacity)
    {
        this.bid = bid;
        this.prices = new long[capacity];
        this.quantities = new long[capacity];
        this.priceDecimals = new byte[capacity];
        this.quantityDecimals = new byte[capacity];
    }

    public int size()
    {
        return size;
    }

    public int capacity()
    {
        return prices.length;
    }

    /** @param index 0 is the best level. */
    public long price(final int index)
    {
        return prices[index];
    }

    public long quantity(final int index)
    {
        return quantities[index];
    }

    /** Fractional digits of the level's price text as last received. */
    public int priceDecimals(final int index)
    {
        return priceDecimals[index];
    }

    /** Fractional digits of the level's quantity text as last received. */
    public int quantityDecimals(final int index)
    {
        return quantityDecimals[index];
    }

    void clear()
    {
        size = 0;
        dropped = false;
    }

    /**
     * Keeps the best {@code depth} levels: venues such as Kraken send no deletion for levels pushed out of depth.
     *
     * @return false when a level dropped for capacity since the last cut would have been among them (a message
     * added levels before removing others, and the side was full in between): the side then lacks a level the
     * venue shows.
     */
    boolean truncate(final int depth)
    {
        final boolean complete = !dropped || levelsBetterThan(bestDroppedPrice) >= depth;
        dropped = false;
        if (size > depth)
        {
            size = depth;
        }
        return complete;
    }

    /**
     * Sets the absolute quantity at a price; zero removes the level (removing an absent level is normal).
     *
     * <p>A full side keeps its best levels: a new level better than the worst pushes the worst out,
     * a new level worse than all of them is not kept.
     *
     * @return the index the change happened at, {@link OrderBook#UNCHANGED} for a removal of an
     * absent level or a quantity that was already there, or {@link OrderBook#FULL} when a new level falls beyond a full side.
     */
    int set(final long price, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        final int index = search(price);
        if (index >= 0)
        {
            if (quantity == 0)
            {
                final int tail = size - index - 1;
                if (tail > 0)
                {
                    System.arraycopy(prices, index + 1, prices, index, tail);
                    System.arraycopy(quantities, index + 1, quantities, index, tail);
                    System.arraycopy(priceDecimals, index + 1, priceDecimals, index, tail);
                    System.arraycopy(quantityDecimals, index + 1, quantityDecimals, index, tail);
                }
                size--;
                return index;
            }
            priceDecimals[index] = priceDigits;
            quantityDecimals[index] = quantityDigits;
            if (quantities[index] == quantity)
            {
                return OrderBook.UNCHANGED;
            }
            quantities[index] = quantity;
            return index;
        }

        if (quantity == 0)
        {
            return OrderBook.UNCHANGED;
        }

        final int insertAt = -index - 1;
        if (size == prices.length)
        {
            if (insertAt == size)
            {
                onDropped(price);
                return OrderBook.FULL;
            }
            onDropped(prices[size - 1]);
            size--;
        }
        final int tail = size - insertAt;
        if (tail > 0)
        {
            System.arraycopy(prices, insertAt, prices, insertAt + 1, tail);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, tail);
            System.arraycopy(priceDecimals, insertAt, priceDecimals, insertAt + 1, tail);
            System.arraycopy(quantityDecimals, insertAt, quantityDecimals, insertAt + 1, tail);
        }
        prices[insertAt] = price;
        quantities[insertAt] = quantity;
        priceDecimals[insertAt] = priceDigits;
        quantityDecimals[insertAt] = quantityDigits;
        size++;
        return insertAt;
    }

    /**
     * Sum of quantities over the best {@code depth} levels, or {@link Long#MAX_VALUE} when the sum does not
     * fit in a {@code long} (quantities are never negative, so an overflow shows as a negative sum).
     */
    public long volume(final int depth)
    {
        final int n = Math.min(depth, size);
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += quantities[i];
            if (sum < 0)
            {
                return Long.MAX_VALUE;
            }
        }
        return sum;
    }

    private void onDropped(final long price)
    {
        if (!dropped || (bid ? price > bestDroppedPrice : price < bestDroppedPrice))
        {
            bestDroppedPrice = price;
        }
        dropped = true;
    }

    private int levelsBetterThan(final long price)
    {
        final int index = search(price);
        return index >= 0 ? index : -index - 1;
    }

    /** Binary search in best-first order; same contract as {@link java.util.Arrays#binarySearch(long[], long)}. */
    private int search(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            final boolean before = bid ? midPrice > price : midPrice < price;
            if (before)
            {
                low = mid + 1;
            }
            else if (midPrice == price)
            {
                return mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }

    void copyTo(final long[] destPrices, final long[] destQuantities, final int destOffset)
    {
        System.arraycopy(prices, 0, destPrices, destOffset, size);
        System.arraycopy(quantities, 0, destQuantities, destOffset, size);
    }
}
