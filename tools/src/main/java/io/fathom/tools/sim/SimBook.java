package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One instrument's simulated exchange book: a seeded random-walk L2 book that emits Binance spot
 * diff-depth messages ({@code U}/{@code u} chain, absolute quantities, zero removes). The other venues'
 * messages are derived from the book by their {@link SimWire}.
 *
 * <p>The diffs depend only on {@code (seed, symbolIndex, levelsPerSide)}, never on time, rate or
 * clients, so a test can replay a fresh instance to the update id an engine reached and compare
 * books. The book never crosses. Prices are multiples of {@link #TICK_SIZE}; prices and quantities
 * are fixed-point at {@link #SCALE} decimals. Single-threaded: one owner mutates and reads it.
 */
public final class SimBook
{
    public static final int SCALE = 8;
    /** 0.01 at {@link #SCALE} decimals. */
    public static final long TICK_SIZE = 1_000_000L;
    public static final int DEFAULT_LEVELS_PER_SIDE = 25;
    public static final int MIN_LEVELS_PER_SIDE = 2;
    public static final int MAX_LEVELS_PER_SIDE = 2_500;
    /** The most levels one diff carries; size a {@link DepthMessage} for {@link #nextDiff} with it. */
    public static final int MAX_DIFF_LEVELS = 16;

    private static final int MAX_OPERATIONS_PER_DIFF = 6;
    private static final int MAX_EVENTS_PER_DIFF = 5;
    /** 0.001 at {@link #SCALE} decimals: every quantity is a multiple. */
    static final long QUANTITY_STEP = 100_000L;
    private static final int MAX_QUANTITY_STEPS = 100_000;

    private final int symbolIndex;
    private final byte[] symbolBytes;
    private final SplittableRandom random;
    private final int minLevels;
    private final int maxLevels;
    private final SimBookSide bids;
    private final SimBookSide asks;
    private final SimBookChanges changes = new SimBookChanges(MAX_DIFF_LEVELS);
    private long lastUpdateId;

    private SimBook(final int symbolIndex, final long seed, final int levelsPerSide)
    {
        if (symbolIndex < 0)
        {
            throw new IllegalArgumentException("symbolIndex must be >= 0: " + symbolIndex);
        }
        if (levelsPerSide < MIN_LEVELS_PER_SIDE || levelsPerSide > MAX_LEVELS_PER_SIDE)
        {
            throw new IllegalArgumentException("levelsPerSide must be " + MIN_LEVELS_PER_SIDE + ".." +
                MAX_LEVELS_PER_SIDE + ": " + levelsPerSide);
        }
        this.symbolIndex = symbolIndex;
        this.symbolBytes = SimSymbols.symbol(symbolIndex).getBytes(StandardCharsets.US_ASCII);
        this.random = new SplittableRandom(symbolSeed(seed, symbolIndex));
        this.minLevels = Math.max(MIN_LEVELS_PER_SIDE, levelsPerSide * 4 / 5);
        this.maxLevels = levelsPerSide * 2;
        this.bids = new SimBookSide(true, maxLevels + 1);
        this.asks = new SimBookSide(false, maxLevels + 1);
        populate(levelsPerSide);
    }

    /**
     * @return the book of instrument {@code symbolIndex} for {@code seed}, with
     * {@link #DEFAULT_LEVELS_PER_SIDE} levels per side to start.
     */
    public static SimBook create(final int symbolIndex, final long seed)
    {
        return new SimBook(symbolIndex, seed, DEFAULT_LEVELS_PER_SIDE);
    }

    /**
     * @return the book of instrument {@code symbolIndex} for {@code seed}; the side depth wanders
     * between 4/5 and twice {@code levelsPerSide}.
     */
    public static SimBook create(final int symbolIndex, final long seed, final int levelsPerSide)
    {
        return new SimBook(symbolIndex, seed, levelsPerSide);
    }

    public int symbolIndex()
    {
        return symbolIndex;
    }

    public String symbol()
    {
        return SimSymbols.symbol(symbolIndex);
    }

    /**
     * @return Binance's {@code u} of the last diff, or the starting id before any diff.
     */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    /**
     * @return the most levels one side can hold; a snapshot needs twice this capacity.
     */
    public int sideCapacity()
    {
        return maxLevels + 1;
    }

    public int bidCount()
    {
        return bids.count();
    }

    /** Bid price at {@code index}, best (highest) first. */
    public long bidPrice(final int index)
    {
        return bids.price(index);
    }

    public long bidQuantity(final int index)
    {
        return bids.quantity(index);
    }

    public int askCount()
    {
        return asks.count();
    }

    /** Ask price at {@code index}, best (lowest) first. */
    public long askPrice(final int index)
    {
        return asks.price(index);
    }

    public long askQuantity(final int index)
    {
        return asks.quantity(index);
    }

    /** Levels held on {@code side}, {@link DepthMessage#BID} or {@link DepthMessage#ASK}. */
    int levelCount(final byte side)
    {
        return side(side).count();
    }

    /** Price of a level of {@code side}, best first. */
    long price(final byte side, final int index)
    {
        return side(side).price(index);
    }

    long quantity(final byte side, final int index)
    {
        return side(side).quantity(index);
    }

    /**
     * @return the rank of {@code price} on {@code side} (0 is the best), or a negative value when absent.
     */
    int indexOf(final byte side, final long price)
    {
        return side(side).indexOf(price);
    }

    /**
     * Advances the book by one diff and writes it into {@code out}: kind DELTA, {@code U} = previous
     * {@code u} + 1, {@code u} = {@code U} + k - 1 for a small random k, the changed bids (best first)
     * then the changed asks (best first), each with its new absolute quantity, zero for a removal.
     * The event time is left 0 for the caller to stamp.
     */
    public void nextDiff(final DepthMessage out)
    {
        if (out.levelCapacity() < MAX_DIFF_LEVELS)
        {
            throw new IllegalArgumentException("DepthMessage needs capacity " + MAX_DIFF_LEVELS);
        }
        changes.clear();
        final int events = 1 + random.nextInt(MAX_EVENTS_PER_DIFF);
        final int operations = 1 + random.nextInt(MAX_OPERATIONS_PER_DIFF);
        for (int i = 0; i < operations; i++)
        {
            applyRandomOperation();
        }
        if (changes.count() == 0)
        {
            modify(bids);
        }

        final long firstUpdateId = lastUpdateId + 1;
        lastUpdateId += events;
        begin(out, DepthMessage.KIND_DELTA, firstUpdateId);
        changes.appendTo(out, DepthMessage.BID);
        changes.appendTo(out, DepthMessage.ASK);
    }

    /**
     * Advances until {@link #lastUpdateId()} reaches {@code updateId}.
     *
     * @return true when a diff ended exactly at {@code updateId}, false when it was stepped over.
     */
    public boolean advanceTo(final long updateId, final DepthMessage scratch)
    {
        while (lastUpdateId < updateId)
        {
            nextDiff(scratch);
        }
        return lastUpdateId == updateId;
    }

    /**
     * Writes the top {@code limit} levels of each side into {@code out} as a SNAPSHOT whose
     * first and last update ids are {@link #lastUpdateId()}: bids best first, then asks best first.
     */
    public void snapshot(final int limit, final DepthMessage out)
    {
        if (limit <= 0)
        {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        final int bidLevels = Math.min(limit, bids.count());
        final int askLevels = Math.min(limit, asks.count());
        if (out.levelCapacity() < bidLevels + askLevels)
        {
            throw new IllegalArgumentException("DepthMessage needs capacity " + (bidLevels + askLevels));
        }
        begin(out, DepthMessage.KIND_SNAPSHOT, lastUpdateId);
        for (int i = 0; i < bidLevels; i++)
        {
            out.addLevel(DepthMessage.BID, bids.price(i), bids.quantity(i));
        }
        for (int i = 0; i < askLevels; i++)
        {
            out.addLevel(DepthMessage.ASK, asks.price(i), asks.quantity(i));
        }
    }

    private SimBookSide side(final byte side)
    {
        return side == DepthMessage.BID ? bids : asks;
    }

    static long symbolSeed(final long seed, final int symbolIndex)
    {
        return mix64(mix64(seed) ^ (0xD1B54A32D192ED03L * (symbolIndex + 1L)));
    }

    private static long mix64(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void populate(final int levelsPerSide)
    {
        lastUpdateId = 1_000_000L + random.nextLong(1_000_000_000L);
        final long bestBidTicks = 10_000L + random.nextInt(90_000);
        long bidPrice = bestBidTicks * TICK_SIZE;
        long askPrice = bidPrice + (1 + random.nextInt(3)) * TICK_SIZE;
        for (int i = 0; i < levelsPerSide; i++)
        {
            bids.insert(bidPrice, randomQuantity());
            asks.insert(askPrice, randomQuantity());
            bidPrice -= (1 + random.nextInt(3)) * TICK_SIZE;
            askPrice += (1 + random.nextInt(3)) * TICK_SIZE;
        }
    }

    private void applyRandomOperation()
    {
        final SimBookSide side = random.nextBoolean() ? bids : asks;
        final int roll = random.nextInt(100);
        if (roll < 55)
        {
            modify(side);
        }
        else if (roll < 70)
        {
            add(side);
        }
        else if (roll < 85)
        {
            remove(side);
        }
        else if (roll < 97)
        {
            move(side);
        }
        else
        {
            removeAbsentLevel(side);
        }
    }

    private void modify(final SimBookSide side)
    {
        final int count = side.count();
        final int index = Math.min(random.nextInt(count), random.nextInt(count));
        long quantity = randomQuantity();
        if (quantity == side.quantity(index))
        {
            quantity += QUANTITY_STEP;
        }
        side.setQuantity(index, quantity);
        recordChange(side, side.price(index), quantity);
    }

    private void add(final SimBookSide side)
    {
        if (side.count() >= maxLevels)
        {
            remove(side);
            return;
        }
        final SimBookSide other = side == bids ? asks : bids;
        final long limitTicks = side.isBid() ?
            other.price(0) / TICK_SIZE - 1 : other.price(0) / TICK_SIZE + 1;
        final long worstTicks = side.price(side.count() - 1) / TICK_SIZE;
        final long spanTicks = Math.abs(limitTicks - worstTicks) + 3;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final long offsetTicks = random.nextLong(spanTicks + 1);
            final long priceTicks = side.isBid() ? limitTicks - offsetTicks : limitTicks + offsetTicks;
            final long price = priceTicks * TICK_SIZE;
            if (priceTicks > 0 && side.indexOf(price) < 0)
            {
                final long quantity = randomQuantity();
                side.insert(price, quantity);
                recordChange(side, price, quantity);
                return;
            }
        }
    }

    private void remove(final SimBookSide side)
    {
        if (side.count() <= minLevels)
        {
            add(side);
            return;
        }
        final int index = random.nextInt(side.count());
        final long price = side.price(index);
        side.removeAt(index);
        recordChange(side, price, 0);
    }

    /** The best level of {@code side} is taken out and the other side steps into the gap. */
    private void move(final SimBookSide side)
    {
        if (side.count() <= minLevels)
        {
            add(side);
            return;
        }
        final long takenPrice = side.price(0);
        side.removeAt(0);
        recordChange(side, takenPrice, 0);

        final SimBookSide other = side == bids ? asks : bids;
        final long gapTicks = Math.abs(side.price(0) - other.price(0)) / TICK_SIZE;
        if (gapTicks >= 2 && other.count() < maxLevels && random.nextBoolean())
        {
            final long stepTicks = 1 + random.nextLong(gapTicks - 1);
            final long price = other.price(0) + (other.isBid() ? stepTicks : -stepTicks) * TICK_SIZE;
            final long quantity = randomQuantity();
            other.insert(price, quantity);
            recordChange(other, price, quantity);
        }
    }

    /** Binance sends removals of levels a client never had; so does the simulator, now and then. */
    private void removeAbsentLevel(final SimBookSide side)
    {
        final long worst = side.price(side.count() - 1);
        final long price = worst + (side.isBid() ? -TICK_SIZE : TICK_SIZE) * (1 + random.nextInt(5));
        if (price > 0 && side.indexOf(price) < 0)
        {
            recordChange(side, price, 0);
        }
    }

    private long randomQuantity()
    {
        return (1L + random.nextInt(MAX_QUANTITY_STEPS)) * QUANTITY_STEP;
    }

    private void recordChange(final SimBookSide side, final long price, final long quantity)
    {
        changes.record(side.isBid() ? DepthMessage.BID : DepthMessage.ASK, price, quantity);
    }

    private void begin(final DepthMessage out, final byte kind, final long firstUpdateId)
    {
        out.reset();
        out.kind(kind)
            .firstUpdateId(firstUpdateId)
            .lastUpdateId(lastUpdateId)
            .scales(SCALE, SCALE);
        out.symbol(symbolBytes, 0, symbolBytes.length);
    }
}
