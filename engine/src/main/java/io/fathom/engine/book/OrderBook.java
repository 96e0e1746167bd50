package io.fathom.engine.book;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.checksum.ChecksumBook;

/**
 * An L2 book of one instrument: both sides as fixed-point price levels and the update id it reflects.
 *
 * <p>An update says whether it moved the top of the book, so signals are only recomputed when
 * they can have changed. Each level keeps the fractional digits of the text it was last received with,
 * so the venue checksums read the book in place ({@link ChecksumBook}). Each side is indexed by price
 * ({@link BookSide}): a change costs the same at any depth, and the top levels read in order in O(levels read).
 * Single-threaded, reads included: owned by the book handler thread.
 *
 * <p>Memory grows with the levels held, not the capacity ({@link BookSide}); measured by {@code BookFootprint}
 * (bench) at the default 2,048 levels per side, heap after GC: 2.4 KB for an empty book or one of 20 levels a
 * side, 40.7 KB with 1,000 levels on one side and 60.8 KB on both (20 KB per side's ladder, 18 KB of shared
 * scratch); 194 KB whatever the levels when the arrays were sized to the capacity up front.
 */
public final class OrderBook implements ChecksumBook
{
    /** {@link #set} outcome: nothing changed (removal of an absent level, or the same quantity again). */
    public static final int UNCHANGED = -1;
    /** {@link #set} outcome: a new level did not fit in the side's capacity. */
    public static final int FULL = -2;
    /** {@link #set} outcome: a level changed below the top. */
    public static final int CHANGED = 0;
    /** {@link #set} outcome: the best level of its side changed. */
    public static final int TOP_CHANGED = 1;

    private final int instrumentId;
    private final BookSide bids;
    private final BookSide asks;
    private long updateId = DepthMessage.NO_ID;
    private int priceScale;
    private int quantityScale;
    private boolean decimalsFromScale;

    public OrderBook(final int instrumentId, final int capacityPerSide)
    {
        this.instrumentId = instrumentId;
        final SortedLevels scratch = new SortedLevels(capacityPerSide + 1);
        this.bids = new BookSide(true, capacityPerSide, scratch);
        this.asks = new BookSide(false, capacityPerSide, scratch);
    }

    /**
     * Sets the scales of this book's mantissas, as {@link ChecksumBook} reports them.
     *
     * @param decimalsFromScale report the scales as every level's decimals instead of the received digits:
     *                          Kraken v2's JSON numbers drop trailing zeros its checksum keeps.
     */
    public OrderBook scales(final int priceScale, final int quantityScale, final boolean decimalsFromScale)
    {
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        this.decimalsFromScale = decimalsFromScale;
        return this;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    public BookSide bids()
    {
        return bids;
    }

    public BookSide asks()
    {
        return asks;
    }

    public long updateId()
    {
        return updateId;
    }

    public void updateId(final long updateId)
    {
        this.updateId = updateId;
    }

    public void clear()
    {
        bids.clear();
        asks.clear();
        updateId = DepthMessage.NO_ID;
    }

    /**
     * Sets one level's absolute quantity (0 removes it).
     *
     * @return {@link #TOP_CHANGED}, {@link #CHANGED}, {@link #UNCHANGED} or {@link #FULL}.
     */
    public int set(final byte side, final long price, final long quantity)
    {
        return set(side, price, quantity, (byte)priceScale, (byte)quantityScale);
    }

    /**
     * Sets one level's absolute quantity (0 removes it) with the fractional digits of its text as received.
     *
     * @return {@link #TOP_CHANGED}, {@link #CHANGED}, {@link #UNCHANGED} or {@link #FULL}.
     */
    public int set(final byte side, final long price, final long quantity, final byte priceDigits, final byte quantityDigits)
    {
        final int outcome = (side == DepthMessage.BID ? bids : asks).set(price, quantity, priceDigits, quantityDigits);
        if (outcome < 0)
        {
            return outcome;
        }
        return outcome == BookSide.TOP ? TOP_CHANGED : CHANGED;
    }

    /**
     * Keeps the best {@code depth} levels of each side.
     *
     * @return false when a level dropped because a side was full, since the last cut, would have been among
     * them: the book then lacks a level the venue shows within {@code depth}.
     */
    public boolean truncate(final int depth)
    {
        final boolean bidsComplete = bids.truncate(depth);
        final boolean asksComplete = asks.truncate(depth);
        return bidsComplete && asksComplete;
    }

    /** True when both sides have levels and the best bid is at or above the best ask. */
    public boolean isCrossed()
    {
        return bids.size() > 0 && asks.size() > 0 && bids.price(0) >= asks.price(0);
    }

    /**
     * Bid/ask volume pressure over the best {@code depth} levels: (bid - ask) / (bid + ask), in [-1, 1];
     * 0 for an empty book. Positive means more resting volume on the bid. Computed in floating point, so
     * volumes whose sum exceeds a {@code long} cannot wrap it outside that range.
     */
    public double volumePressure(final int depth)
    {
        final double bidVolume = bids.volume(depth);
        final double askVolume = asks.volume(depth);
        final double total = bidVolume + askVolume;
        return total == 0.0 ? 0.0 : (bidVolume - askVolume) / total;
    }

    @Override
    public int priceScale()
    {
        return priceScale;
    }

    @Override
    public int quantityScale()
    {
        return quantityScale;
    }

    @Override
    public int levelCount(final byte side)
    {
        return (side == DepthMessage.BID ? bids : asks).size();
    }

    @Override
    public long price(final byte side, final int level)
    {
        return (side == DepthMessage.BID ? bids : asks).price(level);
    }

    @Override
    public long quantity(final byte side, final int level)
    {
        return (side == DepthMessage.BID ? bids : asks).quantity(level);
    }

    @Override
    public int priceDecimals(final byte side, final int level)
    {
        return decimalsFromScale ? priceScale : (side == DepthMessage.BID ? bids : asks).priceDecimals(level);
    }

    @Override
    public int quantityDecimals(final byte side, final int level)
    {
        return decimalsFromScale ? quantityScale : (side == DepthMessage.BID ? bids : asks).quantityDecimals(level);
    }
}
