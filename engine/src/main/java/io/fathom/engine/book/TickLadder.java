package io.fathom.engine.book;

/**
 * Levels at whole ticks from an origin, one slot per tick, best first: slot {@code s} holds the level whose
 * oriented price is {@code origin + s * tick} (see {@link BookSide}). A two-level bitset (a word per 64 slots,
 * a summary bit per word) finds the next or last occupied slot with a few bit scans, so a change at any slot
 * costs the same and the best level is found again in constant time when it goes.
 *
 * <p>{@link BookSide} starts a ladder at {@link #MIN_SLOTS} and {@linkplain #grow grows} it, empty, as levels
 * spread; it never shrinks. Single-threaded; allocates nothing except when grown.
 */
final class TickLadder
{
    /** The fewest slots: one bitset word. */
    static final int MIN_SLOTS = 64;

    private int slots;
    private long[] quantities;
    private byte[] priceDecimals;
    private byte[] quantityDecimals;
    private long[] words;
    private long[] summary;
    private int count;
    private int best;
    /** The rank last found by {@link #slotAt} and its slot; -1 once the ladder changes. */
    private int cursorRank = -1;
    private int cursorSlot;

    /** @param slots a power of two, at least {@link #MIN_SLOTS}. */
    TickLadder(final int slots)
    {
        allocate(slots);
    }

    /** Replaces the slots of an empty ladder with {@code slots} (a power of two, at least 64) empty ones. */
    void grow(final int slots)
    {
        assert count == 0;
        allocate(slots);
    }

    /** Slots from the best level to the end of a ladder of {@code slots} laid out with a quarter before it. */
    static int reach(final int slots)
    {
        return slots - (slots >>> 2);
    }

    /**
     * Grows this empty ladder, doubling up to {@code maxSlots}, until it reaches the worst of the first {@code n}
     * levels (best first, {@code gcd} apart at least) that a ladder of {@code maxSlots} would reach: a level too
     * far for even that one grows nothing.
     */
    void growToReach(final SortedLevels levels, final int n, final long gcd, final int maxSlots)
    {
        int grown = slots;
        if (grown >= maxSlots)
        {
            return;
        }
        final int maxReach = reach(maxSlots);
        long far = 0;
        for (int i = n - 1; i > 0; i--)
        {
            final long distance = (levels.keys[i] - levels.keys[0]) / gcd;
            if (distance < maxReach)
            {
                far = distance;
                break;
            }
        }
        while (grown < maxSlots && far >= reach(grown))
        {
            grown <<= 1;
        }
        if (grown != slots)
        {
            grow(grown);
        }
    }

    private void allocate(final int slots)
    {
        this.slots = slots;
        this.quantities = new long[slots];
        this.priceDecimals = new byte[slots];
        this.quantityDecimals = new byte[slots];
        this.words = new long[slots >>> 6];
        this.summary = new long[Math.max(1, slots >>> 12)];
        this.best = slots;
        this.cursorRank = -1;
    }

    int slots()
    {
        return slots;
    }

    int count()
    {
        return count;
    }

    /** The best occupied slot, or {@link #slots()} when empty. */
    int best()
    {
        return best;
    }

    boolean occupied(final int slot)
    {
        return (words[slot >>> 6] & (1L << slot)) != 0;
    }

    long quantity(final int slot)
    {
        return quantities[slot];
    }

    byte priceDecimals(final int slot)
    {
        return priceDecimals[slot];
    }

    byte quantityDecimals(final int slot)
    {
        return quantityDecimals[slot];
    }

    /** Sets a slot's level, occupied or not. */
    void put(final int slot, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        cursorRank = -1;
        quantities[slot] = quantity;
        priceDecimals[slot] = priceDigits;
        quantityDecimals[slot] = quantityDigits;
        final int word = slot >>> 6;
        final long bits = words[word];
        final long bit = 1L << slot;
        if ((bits & bit) == 0)
        {
            words[word] = bits | bit;
            summary[word >>> 6] |= 1L << word;
            count++;
            if (slot < best)
            {
                best = slot;
            }
        }
    }

    /**
     * Puts the first of {@code n} levels (best first, at whole ticks from {@code origin}) that fall within
     * {@code span} of it into this empty ladder.
     *
     * @return how many were put: the index of the first level left out.
     */
    int putAll(final SortedLevels levels, final int n, final long origin, final long span, final long tick)
    {
        int i = 0;
        for (; i < n; i++)
        {
            final long offset = levels.keys[i] - origin;
            if (offset >= span)
            {
                break;
            }
            put((int)(offset / tick), levels.quantities[i], levels.priceDecimals[i], levels.quantityDecimals[i]);
        }
        return i;
    }

    /** Empties an occupied slot. */
    void remove(final int slot)
    {
        cursorRank = -1;
        final int word = slot >>> 6;
        final long bits = words[word] & ~(1L << slot);
        words[word] = bits;
        if (bits == 0)
        {
            summary[word >>> 6] &= ~(1L << word);
        }
        count--;
        if (slot == best)
        {
            best = next(slot + 1);
        }
    }

    /** The first occupied slot at or after {@code from}, or {@link #slots()} when there is none. */
    int next(final int from)
    {
        if (from >= slots)
        {
            return slots;
        }
        int word = from >>> 6;
        final long bits = words[word] & (-1L << from);
        if (bits != 0)
        {
            return (word << 6) + Long.numberOfTrailingZeros(bits);
        }
        word++;
        if (word == words.length)
        {
            return slots;
        }
        int group = word >>> 6;
        long groupBits = summary[group] & (-1L << word);
        while (groupBits == 0)
        {
            if (++group == summary.length)
            {
                return slots;
            }
            groupBits = summary[group];
        }
        word = (group << 6) + Long.numberOfTrailingZeros(groupBits);
        return (word << 6) + Long.numberOfTrailingZeros(words[word]);
    }

    /**
     * Copies the best {@code n} levels (at most {@link #count()}), best first, level {@code i} to index {@code i *
     * stride} from the offsets given: the price {@code sign * (origin + slot * tick)} ({@code sign} -1 turns a bid's
     * oriented key back into its price) and the quantity. A word of the bitset at a time, each level its lowest bit:
     * no search from one level to the next.
     */
    void copyTop(
        final int n, final long origin, final long tick, final long sign, final long[] prices, final int priceOffset,
        final long[] quantities, final int quantityOffset, final int stride)
    {
        int word = best >>> 6;
        long bits = n > 0 ? words[word] : 0;
        for (int i = 0, offset = 0; i < n; i++, offset += stride)
        {
            while (bits == 0)
            {
                word = nextWord(word + 1);
                bits = words[word];
            }
            final int slot = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            prices[priceOffset + offset] = sign * (origin + slot * tick);
            quantities[quantityOffset + offset] = this.quantities[slot];
        }
    }

    /**
     * Sum of the quantities of the best {@code n} levels (at most {@link #count()}), or {@link Long#MAX_VALUE} when
     * it does not fit in a {@code long}; walked as {@link #copyTop} walks.
     */
    long volume(final int n)
    {
        int word = best >>> 6;
        long bits = n > 0 ? words[word] : 0;
        long sum = 0;
        for (int remaining = n; remaining > 0; remaining--)
        {
            while (bits == 0)
            {
                word = nextWord(word + 1);
                bits = words[word];
            }
            sum += quantities[(word << 6) + Long.numberOfTrailingZeros(bits)];
            if (sum < 0)
            {
                return Long.MAX_VALUE;
            }
            bits &= bits - 1;
        }
        return sum;
    }

    /** The first word at or after {@code from} with an occupied slot; there must be one. */
    private int nextWord(final int from)
    {
        int group = from >>> 6;
        long groupBits = summary[group] & (-1L << from);
        while (groupBits == 0)
        {
            groupBits = summary[++group];
        }
        return (group << 6) + Long.numberOfTrailingZeros(groupBits);
    }

    /** The worst occupied slot, or -1 when empty. */
    int last()
    {
        for (int group = summary.length - 1; group >= 0; group--)
        {
            final long groupBits = summary[group];
            if (groupBits != 0)
            {
                final int word = (group << 6) + 63 - Long.numberOfLeadingZeros(groupBits);
                return (word << 6) + 63 - Long.numberOfLeadingZeros(words[word]);
            }
        }
        return -1;
    }

    /** Occupied slots before {@code slot}. */
    int countBefore(final int slot)
    {
        final int lastWord = Math.min(slot, slots) >>> 6;
        int n = 0;
        for (int word = 0; word < lastWord; word++)
        {
            n += Long.bitCount(words[word]);
        }
        if (slot < slots)
        {
            n += Long.bitCount(words[lastWord] & ~(-1L << slot));
        }
        return n;
    }

    /** Empties every slot at or after {@code from}. */
    void clearFrom(final int from)
    {
        cursorRank = -1;
        if (from >= slots)
        {
            return;
        }
        final int first = from >>> 6;
        final long keep = words[first] & ~(-1L << from);
        count -= Long.bitCount(words[first]) - Long.bitCount(keep);
        words[first] = keep;
        if (keep == 0)
        {
            summary[first >>> 6] &= ~(1L << first);
        }
        for (int word = next(((first + 1) << 6)) >>> 6; word < words.length; word = next((word + 1) << 6) >>> 6)
        {
            count -= Long.bitCount(words[word]);
            words[word] = 0;
            summary[word >>> 6] &= ~(1L << word);
        }
        if (best >= from)
        {
            best = slots;
        }
    }

    /**
     * The slot of the level at {@code rank} (0 the best, below {@link #count()}), walking from the rank last
     * found when it is not past it: reading ranks in order costs O(1) each.
     */
    int slotAt(final int rank)
    {
        if (rank == 0)
        {
            return best;
        }
        int at;
        int slot;
        if (cursorRank >= 0 && cursorRank <= rank)
        {
            at = cursorRank;
            slot = cursorSlot;
        }
        else
        {
            at = 0;
            slot = best;
        }
        while (at < rank)
        {
            slot = next(slot + 1);
            at++;
        }
        cursorRank = rank;
        cursorSlot = slot;
        return slot;
    }

    /** Greatest common divisor of the magnitudes; 0 only when both are 0. */
    static long gcd(final long a, final long b)
    {
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (y != 0)
        {
            final long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    void clear()
    {
        clearFrom(0);
    }
}
