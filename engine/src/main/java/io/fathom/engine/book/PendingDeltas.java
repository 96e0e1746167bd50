package io.fathom.engine.book;

import java.util.Arrays;

/**
 * Delta events held while a book waits for its REST snapshot (Binance: "buffer the events").
 *
 * <p>Arrays grow on demand up to a cap and are kept, so a book that has synchronised once does
 * not allocate on its next resync. Single-threaded: owned by the book handler thread.
 */
public final class PendingDeltas
{
    private final int maxLevels;
    private int count;
    private long[] firstUpdateId = new long[8];
    private long[] lastUpdateId = new long[8];
    private long[] previousUpdateId = new long[8];
    private long[] eventTimeMs = new long[8];
    private long[] receiveEpochNs = new long[8];
    private long[] receiveNs = new long[8];
    private int[] partIndex = new int[8];
    private int[] partCount = new int[8];
    private int[] levelStart = new int[8];
    private int[] levelCount = new int[8];
    private int levelTotal;
    private byte[] sides = new byte[32];
    private long[] prices = new long[32];
    private long[] quantities = new long[32];

    public PendingDeltas(final int maxLevels)
    {
        this.maxLevels = maxLevels;
    }

    public int size()
    {
        return count;
    }

    public void clear()
    {
        count = 0;
        levelTotal = 0;
    }

    /** @return false when holding it would exceed the cap; nothing is added then. */
    public boolean add(
        final long first,
        final long last,
        final long previous,
        final long eventTime,
        final long receiveEpoch,
        final long receiveTimeNs,
        final int part,
        final int parts,
        final byte[] levelSides,
        final long[] levelPrices,
        final long[] levelQuantities,
        final int levels)
    {
        if (levelTotal + levels > maxLevels)
        {
            return false;
        }
        if (count == firstUpdateId.length)
        {
            final int n = count * 2;
            firstUpdateId = Arrays.copyOf(firstUpdateId, n);
            lastUpdateId = Arrays.copyOf(lastUpdateId, n);
            previousUpdateId = Arrays.copyOf(previousUpdateId, n);
            eventTimeMs = Arrays.copyOf(eventTimeMs, n);
            receiveEpochNs = Arrays.copyOf(receiveEpochNs, n);
            receiveNs = Arrays.copyOf(receiveNs, n);
            partIndex = Arrays.copyOf(partIndex, n);
            partCount = Arrays.copyOf(partCount, n);
            levelStart = Arrays.copyOf(levelStart, n);
            levelCount = Arrays.copyOf(levelCount, n);
        }
        if (levelTotal + levels > prices.length)
        {
            final int n = Math.min(maxLevels, Math.max(prices.length * 2, levelTotal + levels));
            sides = Arrays.copyOf(sides, n);
            prices = Arrays.copyOf(prices, n);
            quantities = Arrays.copyOf(quantities, n);
        }
        final int i = count++;
        firstUpdateId[i] = first;
        lastUpdateId[i] = last;
        previousUpdateId[i] = previous;
        eventTimeMs[i] = eventTime;
        receiveEpochNs[i] = receiveEpoch;
        receiveNs[i] = receiveTimeNs;
        partIndex[i] = part;
        partCount[i] = parts;
        levelStart[i] = levelTotal;
        levelCount[i] = levels;
        System.arraycopy(levelSides, 0, sides, levelTotal, levels);
        System.arraycopy(levelPrices, 0, prices, levelTotal, levels);
        System.arraycopy(levelQuantities, 0, quantities, levelTotal, levels);
        levelTotal += levels;
        return true;
    }

    /** Drops the first {@code n} entries, keeping the rest in order. */
    public void removeFirst(final int n)
    {
        if (n <= 0)
        {
            return;
        }
        if (n >= count)
        {
            clear();
            return;
        }
        final int levelShift = levelStart[n];
        final int remaining = count - n;
        System.arraycopy(firstUpdateId, n, firstUpdateId, 0, remaining);
        System.arraycopy(lastUpdateId, n, lastUpdateId, 0, remaining);
        System.arraycopy(previousUpdateId, n, previousUpdateId, 0, remaining);
        System.arraycopy(eventTimeMs, n, eventTimeMs, 0, remaining);
        System.arraycopy(receiveEpochNs, n, receiveEpochNs, 0, remaining);
        System.arraycopy(receiveNs, n, receiveNs, 0, remaining);
        System.arraycopy(partIndex, n, partIndex, 0, remaining);
        System.arraycopy(partCount, n, partCount, 0, remaining);
        System.arraycopy(levelCount, n, levelCount, 0, remaining);
        for (int i = 0; i < remaining; i++)
        {
            levelStart[i] = levelStart[i + n] - levelShift;
        }
        final int levelsRemaining = levelTotal - levelShift;
        System.arraycopy(sides, levelShift, sides, 0, levelsRemaining);
        System.arraycopy(prices, levelShift, prices, 0, levelsRemaining);
        System.arraycopy(quantities, levelShift, quantities, 0, levelsRemaining);
        levelTotal = levelsRemaining;
        count = remaining;
    }

    public long firstUpdateId(final int i)
    {
        return firstUpdateId[i];
    }

    public long lastUpdateId(final int i)
    {
        return lastUpdateId[i];
    }

    public long previousUpdateId(final int i)
    {
        return previousUpdateId[i];
    }

    public long eventTimeMs(final int i)
    {
        return eventTimeMs[i];
    }

    public long receiveEpochNs(final int i)
    {
        return receiveEpochNs[i];
    }

    public long receiveNs(final int i)
    {
        return receiveNs[i];
    }

    public int partIndex(final int i)
    {
        return partIndex[i];
    }

    public int partCount(final int i)
    {
        return partCount[i];
    }

    public int levelStart(final int i)
    {
        return levelStart[i];
    }

    public int levelCount(final int i)
    {
        return levelCount[i];
    }

    public byte[] sides()
    {
        return sides;
    }

    public long[] prices()
    {
        return prices;
    }

    public long[] quantities()
    {
        return quantities;
    }
}
