package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.checksum.ChecksumBook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * A venue's own book in the sync properties, the plain reference the engine's book is held to: two sorted
 * maps of levels, each with the decimals its price and quantity were last written with on the wire.
 */
final class VenueBook
{
    /** A level as the venue last sent it. */
    record Level(long price, long quantity, int priceDecimals, int quantityDecimals)
    {
    }

    private final TreeMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();

    /** Sets a level to an absolute quantity; quantity 0 removes it. */
    void set(final byte side, final Level level)
    {
        if (0 == level.quantity())
        {
            side(side).remove(level.price());
        }
        else
        {
            side(side).put(level.price(), level);
        }
    }

    Level level(final byte side, final long price)
    {
        return side(side).get(price);
    }

    /** The best price of a side, or null when it is empty. */
    Long best(final byte side)
    {
        final TreeMap<Long, Level> levels = side(side);
        return levels.isEmpty() ? null : levels.firstKey();
    }

    int size(final byte side)
    {
        return side(side).size();
    }

    /** Levels of a side, best first. */
    List<Level> levels(final byte side)
    {
        return new ArrayList<>(side(side).values());
    }

    /** The level {@code index} places from the best. */
    Level levelAt(final byte side, final int index)
    {
        return levels(side).get(index);
    }

    boolean isCrossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    /** A copy holding the best {@code depth} levels of each side. */
    VenueBook top(final int depth)
    {
        final VenueBook top = new VenueBook();
        for (final byte side : new byte[]{ DepthMessage.BID, DepthMessage.ASK })
        {
            side(side).values().stream().limit(depth).forEach(level -> top.set(side, level));
        }
        return top;
    }

    VenueBook copy()
    {
        return top(Integer.MAX_VALUE);
    }

    /** Whether a price is among the best {@code depth} levels of its side. */
    boolean isWithin(final byte side, final long price, final int depth)
    {
        return side(side).containsKey(price) && side(side).headMap(price).size() < depth;
    }

    /**
     * The book as a venue checksum reads it: with each level's decimals as sent, or, for Kraken v2, whose
     * checksum uses the instrument's precision, with the scales as every level's decimals.
     */
    ChecksumBook checksumView(final int priceScale, final int quantityScale, final boolean decimalsFromScale)
    {
        final List<Level> bidLevels = levels(DepthMessage.BID);
        final List<Level> askLevels = levels(DepthMessage.ASK);
        return new ChecksumBook()
        {
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
                return of(side).size();
            }

            @Override
            public long price(final byte side, final int level)
            {
                return of(side).get(level).price();
            }

            @Override
            public long quantity(final byte side, final int level)
            {
                return of(side).get(level).quantity();
            }

            @Override
            public int priceDecimals(final byte side, final int level)
            {
                return decimalsFromScale ? priceScale : of(side).get(level).priceDecimals();
            }

            @Override
            public int quantityDecimals(final byte side, final int level)
            {
                return decimalsFromScale ? quantityScale : of(side).get(level).quantityDecimals();
            }

            private List<Level> of(final byte side)
            {
                return side == DepthMessage.BID ? bidLevels : askLevels;
            }
        };
    }

    @Override
    public String toString()
    {
        return "bids=" + bids.values() + " asks=" + asks.values();
    }

    private TreeMap<Long, Level> side(final byte side)
    {
        return side == DepthMessage.BID ? bids : asks;
    }
}
