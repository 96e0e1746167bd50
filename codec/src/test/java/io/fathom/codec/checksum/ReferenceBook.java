package io.fathom.codec.checksum;

import io.fathom.codec.DepthMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain reference book for tests: two sorted maps, levels set to absolute quantities in message order,
 * quantity 0 deletes, optional truncation to a depth. It keeps each level's received decimals so the venue
 * checksums can be computed over it.
 */
public final class ReferenceBook implements ChecksumBook
{
    /** A level's quantity and the decimals of its last received price and quantity text. */
    public record Level(long price, long quantity, int priceDecimals, int quantityDecimals)
    {
    }

    private final TreeMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private List<Level> bidList = List.of();
    private List<Level> askList = List.of();
    private int priceScale;
    private int quantityScale;

    /** Applies a decoded message: a snapshot replaces the book, then every level in order. */
    public ReferenceBook apply(final DepthMessage message)
    {
        if (message.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            bids.clear();
            asks.clear();
        }
        priceScale = message.priceScale();
        quantityScale = message.quantityScale();
        for (int i = 0; i < message.levelCount(); i++)
        {
            final TreeMap<Long, Level> side = message.side(i) == DepthMessage.BID ? bids : asks;
            if (0 == message.quantity(i))
            {
                side.remove(message.price(i));
            }
            else
            {
                side.put(message.price(i), new Level(
                    message.price(i), message.quantity(i), message.priceDecimals(i), message.quantityDecimals(i)));
            }
        }
        return refresh();
    }

    /** Drops every level beyond {@code depth} on each side, as Kraken requires after each message. */
    public ReferenceBook truncate(final int depth)
    {
        while (bids.size() > depth)
        {
            bids.pollLastEntry();
        }
        while (asks.size() > depth)
        {
            asks.pollLastEntry();
        }
        return refresh();
    }

    /** Replaces this book's content with a copy of another's. */
    public ReferenceBook copyFrom(final ReferenceBook other)
    {
        bids.clear();
        asks.clear();
        bids.putAll(other.bids);
        asks.putAll(other.asks);
        priceScale = other.priceScale;
        quantityScale = other.quantityScale;
        return refresh();
    }

    public List<Level> levels(final byte side)
    {
        return side == DepthMessage.BID ? bidList : askList;
    }

    public boolean isCrossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    public int priceScale()
    {
        return priceScale;
    }

    public int quantityScale()
    {
        return quantityScale;
    }

    public int levelCount(final byte side)
    {
        return levels(side).size();
    }

    public long price(final byte side, final int level)
    {
        return levels(side).get(level).price();
    }

    public long quantity(final byte side, final int level)
    {
        return levels(side).get(level).quantity();
    }

    public int priceDecimals(final byte side, final int level)
    {
        return levels(side).get(level).priceDecimals();
    }

    public int quantityDecimals(final byte side, final int level)
    {
        return levels(side).get(level).quantityDecimals();
    }

    private ReferenceBook refresh()
    {
        bidList = new ArrayList<>(bids.values());
        askList = new ArrayList<>(asks.values());
        return this;
    }

    /** For assertions: the prices of a side, best first. */
    public List<Long> prices(final byte side)
    {
        return (side == DepthMessage.BID ? bids : asks).keySet().stream().toList();
    }

    public Map<Long, Level> side(final byte side)
    {
        return side == DepthMessage.BID ? bids : asks;
    }
}
