package io.fathom.engine.book;

/**
 * One side of a book, indexed by price so that a change at any depth costs the same few nanoseconds.
 *
 * <p>Prices are compared as oriented keys ({@code -price} for bids, {@code price} for asks), so lower is better on
 * both sides. Levels within a range of interest live in a {@link TickLadder}: one slot per tick from an origin,
 * found by {@code (key - origin) / tick} and kept in order by a bitset, so setting, adding or removing a level at
 * any depth moves nothing and the next best level is a bit scan away. The tick is not configured but learned: it
 * is the greatest common divisor of the distances between the prices the side has held since it was last cleared,
 * and shrinks (with the ladder rebuilt) when a price falls between its ticks. Levels worse than the ladder's range,
 * and the first level while no tick is known, are kept in a small best-first {@link SortedLevels}. A price better
 * than the ladder's range, or an empty ladder with levels beyond it, re-centres the ladder with the best level a
 * quarter of the way in: a rebuild of O(levels) that a steady book pays rarely. Prices are assumed to lie within
 * ±2<sup>62</sup>, so that distances between them fit a {@code long}.
 *
 * <p>Levels are read by rank, 0 the best, walking the bitset from the rank last read: the top N read in order
 * cost O(N). The walk moves a cursor, so even reads stay on the owning thread (the book handler's).
 *
 * <p>Memory follows the levels held: the ladder starts at 64 slots and doubles as levels arrive further from the
 * best, up to twice the capacity; the outer levels start at 16 and double up to the capacity. Growing allocates and
 * lays the levels out again; nothing shrinks, even on {@link #clear}, so a steady or resynced side allocates nothing.
 */
public final class BookSide
{
    /** {@link #set} outcome: the best level changed. */
    static final int TOP = 0;
    /** {@link #set} outcome: a level below the best changed. */
    static final int BELOW_TOP = 1;

    private final boolean bid;
    private final int capacity;
    /** The most slots the ladder grows to: a power of two, at least twice the capacity. */
    private final int maxSlots;
    /** Package-private for tests of its growth, as is {@link #outer}. */
    final TickLadder ladder;
    final SortedLevels outer;
    /** Shared by both sides of a book: the levels in order while the ladder is rebuilt. */
    private final SortedLevels scratch;
    private long tick;
    private long origin;
    /** {@code tick * slots}, saturated: keys at or beyond {@code origin + span} are outer levels. */
    private long span;
    /** A level was dropped for capacity since the last {@link #truncate}; the best such price follows. */
    private boolean dropped;
    private long bestDroppedPrice;

    BookSide(final boolean bid, final int capacity, final SortedLevels scratch)
    {
        this.bid = bid;
        this.capacity = capacity;
        this.maxSlots = Math.max(TickLadder.MIN_SLOTS, Integer.highestOneBit(Math.max(1, 2 * capacity - 1)) << 1);
        this.ladder = new TickLadder(TickLadder.MIN_SLOTS);
        this.outer = new SortedLevels(capacity);
        this.scratch = scratch;
    }

    public int size()
    {
        return ladder.count() + outer.size;
    }

    public int capacity()
    {
        return capacity;
    }

    /** @param index 0 is the best level. */
    public long price(final int index)
    {
        final int inLadder = ladder.count();
        return priceOf(index < inLadder ? keyOf(ladder.slotAt(index)) : outer.keys[index - inLadder]);
    }

    public long quantity(final int index)
    {
        final int inLadder = ladder.count();
        return index < inLadder ? ladder.quantity(ladder.slotAt(index)) : outer.quantities[index - inLadder];
    }

    /** Fractional digits of the level's price text as last received. */
    public int priceDecimals(final int index)
    {
        final int inLadder = ladder.count();
        return index < inLadder ? ladder.priceDecimals(ladder.slotAt(index)) : outer.priceDecimals[index - inLadder];
    }

    /** Fractional digits of the level's quantity text as last received. */
    public int quantityDecimals(final int index)
    {
        final int inLadder = ladder.count();
        return index < inLadder ? ladder.quantityDecimals(ladder.slotAt(index)) : outer.quantityDecimals[index - inLadder];
    }

    /**
     * Sum of quantities over the best {@code depth} levels, or {@link Long#MAX_VALUE} when the sum does not
     * fit in a {@code long} (quantities are never negative, so an overflow shows as a negative sum).
     */
    public long volume(final int depth)
    {
        final int n = Math.min(depth, size());
        final int inLadder = Math.min(n, ladder.count());
        long sum = ladder.volume(inLadder);
        for (int i = 0; i < n - inLadder; i++)
        {
            sum += outer.quantities[i];
            if (sum < 0)
            {
                return Long.MAX_VALUE;
            }
        }
        return sum;
    }

    /**
     * Copies the best {@code depth} levels, best first, in O(depth), level {@code i}'s price to {@code prices[priceOffset
     * + i * stride]} and its quantity to {@code quantities[quantityOffset + i * stride]}: stride 1 for arrays of their
     * own, or one array for both, as a book view lays them out.
     *
     * @return the number of levels copied: {@code min(depth, size())}.
     */
    public int copyTop(
        final int depth, final long[] prices, final int priceOffset, final long[] quantities, final int quantityOffset,
        final int stride)
    {
        final int n = Math.min(depth, size());
        final int inLadder = Math.min(n, ladder.count());
        ladder.copyTop(inLadder, origin, tick, bid ? -1 : 1, prices, priceOffset, quantities, quantityOffset, stride);
        for (int i = 0, offset = inLadder * stride; i < n - inLadder; i++, offset += stride)
        {
            prices[priceOffset + offset] = priceOf(outer.keys[i]);
            quantities[quantityOffset + offset] = outer.quantities[i];
        }
        return n;
    }

    void clear()
    {
        ladder.clear();
        outer.size = 0;
        tick = 0;
        span = 0;
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
        final boolean complete = !dropped || levelsBetterThan(bidKey(bestDroppedPrice)) >= depth;
        dropped = false;
        if (size() > depth)
        {
            final int inLadder = ladder.count();
            if (depth >= inLadder)
            {
                outer.size = depth - inLadder;
            }
            else
            {
                outer.size = 0;
                ladder.clearFrom(depth == 0 ? 0 : ladder.slotAt(depth - 1) + 1);
            }
        }
        return complete;
    }

    /**
     * Sets the absolute quantity at a price; zero removes the level (removing an absent level is normal).
     *
     * <p>A full side keeps its best levels: a new level better than the worst pushes the worst out,
     * a new level worse than all of them is not kept.
     *
     * @return {@link #TOP} when the best level changed, {@link #BELOW_TOP} for a change below it,
     * {@link OrderBook#UNCHANGED} for a removal of an absent level or a quantity that was already there, or
     * {@link OrderBook#FULL} when a new level falls beyond a full side.
     */
    int set(final long price, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        final long key = bidKey(price);
        if (tick != 0)
        {
            final long offset = key - origin;
            if (offset >= 0 && offset < span)
            {
                final long slot = offset / tick;
                if (slot * tick == offset)
                {
                    return setInLadder((int)slot, key, quantity, priceDigits, quantityDigits);
                }
            }
        }
        return setElsewhere(key, quantity, priceDigits, quantityDigits);
    }

    private int setInLadder(
        final int slot, final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        if (ladder.occupied(slot))
        {
            final boolean top = slot == ladder.best();
            if (quantity == 0)
            {
                ladder.remove(slot);
                if (ladder.count() == 0 && outer.size > 0)
                {
                    rebuild(false, 0, 0, (byte)0, (byte)0);
                }
                return top ? TOP : BELOW_TOP;
            }
            final boolean same = ladder.quantity(slot) == quantity;
            ladder.put(slot, quantity, priceDigits, quantityDigits);
            return same ? OrderBook.UNCHANGED : top ? TOP : BELOW_TOP;
        }
        if (quantity == 0)
        {
            return OrderBook.UNCHANGED;
        }
        if (size() == capacity && !makeRoom(key))
        {
            return OrderBook.FULL;
        }
        final boolean top = slot < ladder.best();
        ladder.put(slot, quantity, priceDigits, quantityDigits);
        return top ? TOP : BELOW_TOP;
    }

    /** A price beyond the ladder, off its ticks, or on a side with no tick yet. */
    private int setElsewhere(final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        final int index = outer.search(key);
        if (index >= 0)
        {
            final boolean top = index == 0 && ladder.count() == 0;
            if (quantity == 0)
            {
                outer.remove(index);
                if (ladder.count() == 0 && outer.size > 0 && tick != 0)
                {
                    rebuild(false, 0, 0, (byte)0, (byte)0);
                }
                return top ? TOP : BELOW_TOP;
            }
            final boolean same = outer.quantities[index] == quantity;
            outer.set(index, key, quantity, priceDigits, quantityDigits);
            return same ? OrderBook.UNCHANGED : top ? TOP : BELOW_TOP;
        }
        if (quantity == 0)
        {
            return OrderBook.UNCHANGED;
        }
        if (size() == capacity && !makeRoom(key))
        {
            return OrderBook.FULL;
        }
        if (tick != 0 && ladder.count() > 0)
        {
            final long offset = key - origin;
            final boolean ladderFull = ladder.slots() == maxSlots; // or else it grows to hold the level if it can
            if (offset >= span && offset % tick == 0
                && (ladderFull || (key - keyOf(ladder.best())) / tick >= TickLadder.reach(maxSlots)))
            {
                outer.insert(-outer.search(key) - 1, key, quantity, priceDigits, quantityDigits);
                return BELOW_TOP;
            }
        }
        return rebuild(true, key, quantity, priceDigits, quantityDigits);
    }

    /** Drops the worst level to make room for one at {@code key}, unless that one would be the worst. */
    private boolean makeRoom(final long key)
    {
        final boolean inOuter = outer.size > 0;
        final int last = inOuter ? -1 : ladder.last();
        final long worst = inOuter ? outer.keys[outer.size - 1] : keyOf(last);
        if (size() == 0 || key > worst)
        {
            onDropped(priceOf(key));
            return false;
        }
        if (inOuter)
        {
            outer.size--;
        }
        else
        {
            ladder.remove(last);
        }
        onDropped(priceOf(worst));
        return true;
    }

    /**
     * Lays every level out again, with {@code key} added when {@code adding}: the tick becomes the greatest common
     * divisor of the distances between them, the ladder starts a quarter of its slots before the best level, and
     * what falls beyond it goes to the outer levels.
     *
     * @return {@link #TOP} when the added level is the best, {@link #BELOW_TOP} otherwise.
     */
    private int rebuild(
        final boolean adding, final long key, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        scratch.size = 0;
        for (int slot = ladder.best(); slot < ladder.slots(); slot = ladder.next(slot + 1))
        {
            scratch.insert(scratch.size, keyOf(slot), ladder.quantity(slot),
                ladder.priceDecimals(slot), ladder.quantityDecimals(slot));
        }
        for (int i = 0; i < outer.size; i++)
        {
            scratch.insert(scratch.size, outer.keys[i], outer.quantities[i],
                outer.priceDecimals[i], outer.quantityDecimals[i]);
        }
        int at = -1;
        if (adding)
        {
            at = -scratch.search(key) - 1;
            scratch.insert(at, key, quantity, priceDigits, quantityDigits);
        }
        final int n = scratch.size;
        final long best = scratch.keys[0];
        long gcd = tick;
        for (int i = 1; i < n; i++)
        {
            gcd = TickLadder.gcd(gcd, scratch.keys[i] - best);
        }
        tick = gcd;
        ladder.clear();
        int i = 0;
        if (gcd != 0)
        {
            ladder.growToReach(scratch, n, gcd, maxSlots);
            final int slots = ladder.slots();
            final boolean huge = gcd > Long.MAX_VALUE / slots;
            origin = huge ? best : best - (slots >>> 2) * gcd;
            span = huge ? Long.MAX_VALUE : slots * gcd;
            i = ladder.putAll(scratch, n, origin, span, gcd);
        }
        outer.copyFrom(scratch, i, n);
        return at == 0 ? TOP : BELOW_TOP;
    }

    private void onDropped(final long price)
    {
        if (!dropped || (bid ? price > bestDroppedPrice : price < bestDroppedPrice))
        {
            bestDroppedPrice = price;
        }
        dropped = true;
    }

    /** Levels strictly better than {@code key}. */
    private int levelsBetterThan(final long key)
    {
        if (tick != 0)
        {
            final long offset = key - origin;
            if (offset < 0)
            {
                return 0;
            }
            if (offset < span)
            {
                final long slot = offset / tick;
                return ladder.countBefore((int)(slot * tick == offset ? slot : slot + 1));
            }
        }
        final int index = outer.search(key);
        return ladder.count() + (index >= 0 ? index : -index - 1);
    }

    private long keyOf(final int slot)
    {
        return origin + slot * tick;
    }

    private long bidKey(final long price)
    {
        return bid ? -price : price;
    }

    private long priceOf(final long key)
    {
        return bid ? -key : key;
    }
}
