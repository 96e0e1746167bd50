package io.fathom.engine.book;

/**
 * Levels kept sorted best-first by oriented price (see {@link BookSide}) in parallel arrays: the levels of a side
 * beyond its {@link TickLadder}, and every level while the side has not yet learned its tick. A change moves the
 * levels behind it, so it is kept for the few levels far from the best.
 *
 * <p>The arrays start at {@link #INITIAL_SLOTS} (or the capacity, if smaller) and double as levels arrive, up to
 * the capacity; they never shrink, so a side refilled after a clear allocates nothing. Single-threaded.
 */
final class SortedLevels
{
    /** Slots allocated up front. */
    static final int INITIAL_SLOTS = 16;

    private final int capacity;
    long[] keys;
    long[] quantities;
    byte[] priceDecimals;
    byte[] quantityDecimals;
    int size;

    SortedLevels(final int capacity)
    {
        this.capacity = capacity;
        final int slots = Math.min(capacity, INITIAL_SLOTS);
        keys = new long[slots];
        quantities = new long[slots];
        priceDecimals = new byte[slots];
        quantityDecimals = new byte[slots];
    }

    /** Slots allocated now: at most the capacity. */
    int slots()
    {
        return keys.length;
    }

    /** Grows the arrays, keeping the levels, so that they hold at least {@code n} levels (at most the capacity). */
    void reserve(final int n)
    {
        if (n <= keys.length)
        {
            return;
        }
        int slots = Math.max(1, keys.length);
        while (slots < n)
        {
            slots <<= 1;
        }
        slots = Math.min(capacity, slots);
        keys = java.util.Arrays.copyOf(keys, slots);
        quantities = java.util.Arrays.copyOf(quantities, slots);
        priceDecimals = java.util.Arrays.copyOf(priceDecimals, slots);
        quantityDecimals = java.util.Arrays.copyOf(quantityDecimals, slots);
    }

    /** Binary search by key; same contract as {@link java.util.Arrays#binarySearch(long[], long)}. */
    int search(final long key)
    {
        return java.util.Arrays.binarySearch(keys, 0, size, key);
    }

    void insert(final int index, final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        if (size == keys.length)
        {
            reserve(size + 1);
        }
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
        reserve(n);
        System.arraycopy(source.keys, from, keys, 0, n);
        System.arraycopy(source.quantities, from, quantities, 0, n);
        System.arraycopy(source.priceDecimals, from, priceDecimals, 0, n);
        System.arraycopy(source.quantityDecimals, from, quantityDecimals, 0, n);
        size = n;
    }
}
