package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;

/**
 * The levels one {@link SimBook} diff changed, each price once per side with its final quantity, written
 * out best first per side as Binance lists them.
 */
final class SimBookChanges
{
    private final byte[] sides;
    private final long[] prices;
    private final long[] quantities;
    private int count;

    SimBookChanges(final int capacity)
    {
        sides = new byte[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
    }

    int count()
    {
        return count;
    }

    void clear()
    {
        count = 0;
    }

    /** Records a level's new quantity, replacing an earlier change of the same level in this diff. */
    void record(final byte side, final long price, final long quantity)
    {
        for (int i = 0; i < count; i++)
        {
            if (sides[i] == side && prices[i] == price)
            {
                quantities[i] = quantity;
                return;
            }
        }
        sides[count] = side;
        prices[count] = price;
        quantities[count] = quantity;
        count++;
    }

    /** Appends the changes of {@code side} to {@code out}, best first: bids descending, asks ascending. */
    void appendTo(final DepthMessage out, final byte side)
    {
        final boolean bid = side == DepthMessage.BID;
        long previous = bid ? Long.MAX_VALUE : Long.MIN_VALUE;
        while (true)
        {
            int next = -1;
            for (int i = 0; i < count; i++)
            {
                if (sides[i] != side)
                {
                    continue;
                }
                final long price = prices[i];
                final boolean after = bid ? price < previous : price > previous;
                final boolean better = next < 0 || (bid ? price > prices[next] : price < prices[next]);
                if (after && better)
                {
                    next = i;
                }
            }
            if (next < 0)
            {
                return;
            }
            out.addLevel(side, prices[next], quantities[next]);
            previous = prices[next];
        }
    }
}
