package io.fathom.bench;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.checksum.ChecksumBook;

import java.util.Arrays;
import java.util.Comparator;

/** A fixed book in parallel arrays, best first, loaded from a decoded snapshot; what the checksums read. */
final class ArrayChecksumBook implements ChecksumBook
{
    private final int priceScale;
    private final int quantityScale;
    private final int[] counts = new int[2];
    private final long[][] prices = new long[2][];
    private final long[][] quantities = new long[2][];
    private final int[][] priceDecimals = new int[2][];
    private final int[][] quantityDecimals = new int[2][];

    ArrayChecksumBook(final DepthMessage snapshot)
    {
        priceScale = snapshot.priceScale();
        quantityScale = snapshot.quantityScale();
        for (byte side = 0; side < 2; side++)
        {
            final byte s = side;
            final Integer[] order = new Integer[snapshot.levelCount()];
            int n = 0;
            for (int i = 0; i < snapshot.levelCount(); i++)
            {
                if (snapshot.side(i) == s && snapshot.quantity(i) != 0)
                {
                    order[n++] = i;
                }
            }
            final Comparator<Integer> byPrice = Comparator.comparingLong(snapshot::price);
            Arrays.sort(order, 0, n, s == DepthMessage.BID ? byPrice.reversed() : byPrice);
            counts[s] = n;
            prices[s] = new long[n];
            quantities[s] = new long[n];
            priceDecimals[s] = new int[n];
            quantityDecimals[s] = new int[n];
            for (int level = 0; level < n; level++)
            {
                final int i = order[level];
                prices[s][level] = snapshot.price(i);
                quantities[s][level] = snapshot.quantity(i);
                priceDecimals[s][level] = snapshot.priceDecimals(i);
                quantityDecimals[s][level] = snapshot.quantityDecimals(i);
            }
        }
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
        return counts[side];
    }

    @Override
    public long price(final byte side, final int level)
    {
        return prices[side][level];
    }

    @Override
    public long quantity(final byte side, final int level)
    {
        return quantities[side][level];
    }

    @Override
    public int priceDecimals(final byte side, final int level)
    {
        return priceDecimals[side][level];
    }

    @Override
    public int quantityDecimals(final byte side, final int level)
    {
        return quantityDecimals[side][level];
    }
}
