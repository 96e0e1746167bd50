package io.fathom.engine.book;

/**
 * Levels kept sorted best-first by oriented price (see {@link BookSide}) in parallel arrays: the levels of a side
 * beyond its {@link TickLadder}, and every level while the side has not yet learned its tick. A change moves the
 * levels behind it, so it is kept for the few levels far from the best.
 *
 * <p>Single-threaded; allocates nothing after construction.
 */
final class SortedLevels
{
    final long[] keys;
    final long[] quantities;
    final byte[] priceDecimals;
    final byte[] quantityDecimals;
    int size;

    SortedLevels(final int capacity)
    {
        keys = new long[capacity];
        quantities = new long[capacity];
        priceDecimals = new byte[capacity];
        quantityDecimals = new byte[capacity];
    }

    /** Binary search by key; same contract as {@link java.util.Arrays#binarySearch(long[], long)}. */
    int search(final long key)
    {
        return java.util.Arrays.binarySearch(keys, 0, size, key);
    }

    void insert(final int index, final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        final int tail = size - index;
        if (tail > 0)
        {
            System.arraycopy(keys, index, keys, index + 1, tail);
            System.arraycopy(quantities, index, quantities, index + 1, tail);
            System.arraycopy(priceDecimals, index, priceDecimals, index + 1, tail);
            System.arraycopy(quantityDecimals, index, quantityDecimals, index + 1, tail);
        }
        set(index, key, quantity, priceDigits, quantityDigits);
        size++;
    }

    void set(final int index, final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        keys[index] = key;
        quantities[index] = quantity;
        priceDecimals[index] = priceDigits;
        quantityDecimals[index] = quantityDigits;
    }

    void remove(final int index)
    {
        removeRange(index, index + 1);
    }

    /** Removes the levels in {@code [from, to)}. */
    void removeRange(final int from, final int to)
    {
        final int tail = size - to;
        if (tail > 0)
        {
            System.arraycopy(keys, to, keys, from, tail);
            System.arraycopy(quantities, to, quantities, from, tail);
            System.arraycopy(priceDecimals, to, priceDecimals, from, tail);
            System.arraycopy(quantityDecimals, to, quantityDecimals, from, tail);
        }
        size -= to - from;
    }

    /** Copies levels {@code [from, to)} of {@code source} to the start of this, replacing what was here. */
    void copyFrom(final SortedLevels source, final int from, final int to)
    {
        final int n = to - from;
        System.arraycopy(source.keys, from, keys, 0, n);
        System.arraycopy(source.quantities, from, quantities, 0, n);
        System.arraycopy(source.priceDecimals, from, priceDecimals, 0, n);
        System.arraycopy(source.quantityDecimals, from, quantityDecimals, 0, n);
        size = n;
    }
}
