package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.checksum.ChecksumBook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simplest client book: a sorted map per side, replaced by snapshots, changed by deltas (quantity 0
 * removes), truncated to a depth when the venue says so, read by the codec's checksums with the decimals
 * each level arrived with, or fixed ones (Kraken v2 clients use the instrument precision).
 */
final class SimReferenceBook implements ChecksumBook
{
    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** A level's quantity and the digits its text had. */
    private static final class Level
    {
        final long quantity;
        final int priceDecimals;
        final int quantityDecimals;

        Level(final long quantity, final int priceDecimals, final int quantityDecimals)
        {
            this.quantity = quantity;
            this.priceDecimals = priceDecimals;
            this.quantityDecimals = quantityDecimals;
        }
    }

    private final TreeMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private final int depth;
    private final int fixedPriceDecimals;
    private final int fixedQuantityDecimals;
    private int scale = SimBook.SCALE;

    /**
     * @param depth                 levels per side kept after each message, {@link Integer#MAX_VALUE} for all.
     * @param fixedPriceDecimals    the decimals every price is hashed with, or -1 for those received.
     * @param fixedQuantityDecimals the decimals every quantity is hashed with, or -1 for those received.
     */
    SimReferenceBook(final int depth, final int fixedPriceDecimals, final int fixedQuantityDecimals)
    {
        this.depth = depth;
        this.fixedPriceDecimals = fixedPriceDecimals;
        this.fixedQuantityDecimals = fixedQuantityDecimals;
    }

    static SimReferenceBook unlimited()
    {
        return new SimReferenceBook(UNLIMITED, -1, -1);
    }

    /** Applies a snapshot (replacing the book) or a delta, then truncates. */
    void apply(final DepthMessage message)
    {
        scale = message.quantityScale();
        if (message.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            bids.clear();
            asks.clear();
        }
        for (int i = 0; i < message.levelCount(); i++)
        {
            final TreeMap<Long, Level> side = message.side(i) == DepthMessage.BID ? bids : asks;
            if (message.quantity(i) == 0)
            {
                side.remove(message.price(i));
            }
            else
            {
                side.put(message.price(i),
                    new Level(message.quantity(i), message.priceDecimals(i), message.quantityDecimals(i)));
            }
        }
        truncate(bids);
        truncate(asks);
    }

    /** The book as {@code [price, quantity]} pairs, bids best first then asks best first, for comparisons. */
    List<List<Long>> levels()
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (final Map.Entry<Long, Level> entry : bids.entrySet())
        {
            levels.add(List.of(0L, entry.getKey(), entry.getValue().quantity));
        }
        for (final Map.Entry<Long, Level> entry : asks.entrySet())
        {
            levels.add(List.of(1L, entry.getKey(), entry.getValue().quantity));
        }
        return levels;
    }

    /** A snapshot message's levels in the form of {@link #levels()}. */
    static List<List<Long>> levels(final DepthMessage snapshot)
    {
        final SimReferenceBook book = unlimited();
        book.apply(snapshot);
        return book.levels();
    }

    boolean crossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    public int priceScale()
    {
        return scale;
    }

    public int quantityScale()
    {
        return scale;
    }

    public int levelCount(final byte side)
    {
        return sideOf(side).size();
    }

    public long price(final byte side, final int level)
    {
        return entry(side, level).getKey();
    }

    public long quantity(final byte side, final int level)
    {
        return entry(side, level).getValue().quantity;
    }

    public int priceDecimals(final byte side, final int level)
    {
        return fixedPriceDecimals >= 0 ? fixedPriceDecimals : entry(side, level).getValue().priceDecimals;
    }

    public int quantityDecimals(final byte side, final int level)
    {
        return fixedQuantityDecimals >= 0 ? fixedQuantityDecimals : entry(side, level).getValue().quantityDecimals;
    }

    private TreeMap<Long, Level> sideOf(final byte side)
    {
        return side == DepthMessage.BID ? bids : asks;
    }

    private Map.Entry<Long, Level> entry(final byte side, final int level)
    {
        int index = 0;
        for (final Map.Entry<Long, Level> entry : sideOf(side).entrySet())
        {
            if (index++ == level)
            {
                return entry;
            }
        }
        throw new IndexOutOfBoundsException("level " + level);
    }

    private void truncate(final TreeMap<Long, Level> side)
    {
        while (side.size() > depth)
        {
            side.pollLastEntry();
        }
    }
}
