package io.fathom.tools.sim;

/**
 * One side of a {@link SimBook}: price-sorted parallel arrays, best first (bids descending, asks
 * ascending). Small by design, so inserts and removals shift arrays.
 */
final class SimBookSide
{
    private final boolean bid;
    private final long[] prices;
    private final long[] quantities;
    private int count;

    SimBookSide(final boolean bid, final int capacity)
    {
        this.bid = bid;
        this.prices = new long[capacity];
        this.quantities = new long[capacity];
    }

    boolean isBid()
    {
        return bid;
    }

    int count()
    {
        return count;
    }

    long price(final int index)
    {
        checkIndex(index);
        return prices[index];
    }

    long quantity(final int index)
    {
        checkIndex(index);
        return quantities[index];
    }

    void setQuantity(final int index, final long quantity)
    {
        checkIndex(index);
        quantities[index] = quantity;
    }

    /**
     * @return the index of {@code price}, or {@code -(insertionPoint + 1)} when absent.
     */
    int indexOf(final long price)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price)
            {
                return mid;
            }
            if (bid ? midPrice > price : midPrice < price)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }

    void insert(final long price, final long quantity)
    {
        final int found = indexOf(price);
        if (found >= 0)
        {
            throw new IllegalStateException("level exists: " + price);
        }
        if (count == prices.length)
        {
            throw new IllegalStateException("side full: " + count);
        }
        final int index = -found - 1;
        System.arraycopy(prices, index, prices, index + 1, count - index);
        System.arraycopy(quantities, index, quantities, index + 1, count - index);
        prices[index] = price;
        quantities[index] = quantity;
        count++;
    }

    void removeAt(final int index)
    {
        checkIndex(index);
        System.arraycopy(prices, index + 1, prices, index, count - index - 1);
        System.arraycopy(quantities, index + 1, quantities, index, count - index - 1);
        count--;
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("index " + index + " of " + count);
        }
    }
}
