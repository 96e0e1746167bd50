package io.fathom.engine.handler;

import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Hands whole-book snapshots from the book handler to the consumers that run behind it: the journal handler,
 * and the book publisher when the engine publishes; a slot is free again once every one has released it.
 *
 * <p>The journal handler reads books one event late, so it cannot read them in place; the book
 * handler copies a book into a free slot and tags the current event with the slot's index. A slot
 * also carries the buffered deltas applied when a book was synchronised, so the journal keeps one
 * delta record per applied delta. Slots grow their arrays on first need and keep them.
 */
public final class SnapshotSlots
{
    private static final int FREE = 0;

    private final Slot[] slots;
    private final int readers;
    private final AtomicIntegerArray states;
    private int nextProbe;
    private volatile long roundsRequested;

    /**
     * Asks the book handler for a snapshot of every valid book as soon as it can, e.g. once the journal resumes
     * after a hole. Journal handler thread; the rounds are counted, so none is lost.
     */
    public void requestRound()
    {
        roundsRequested = roundsRequested + 1;
    }

    /** How many rounds were asked for so far; the book handler starts one when it changes. */
    long roundsRequested()
    {
        return roundsRequested;
    }

    /** A book copy plus the deltas applied on top of it. Written by the book handler, read by the journal. */
    public static final class Slot
    {
        public int instrumentId;
        public byte reason;
        public boolean valid;
        public long updateId;
        public long epochNs;
        public int bidCount;
        public int askCount;
        public long[] prices = new long[64];
        public long[] quantities = new long[64];

        public int deltaCount;
        public long[] deltaFirstUpdateId = new long[16];
        public long[] deltaLastUpdateId = new long[16];
        public long[] deltaPreviousUpdateId = new long[16];
        public long[] deltaEventTimeMs = new long[16];
        public long[] deltaReceiveEpochNs = new long[16];
        public int[] deltaPartIndex = new int[16];
        public int[] deltaPartCount = new int[16];
        public int[] deltaLevelStart = new int[16];
        public int[] deltaLevelCount = new int[16];
        public int deltaLevelTotal;
        public byte[] deltaSides = new byte[64];
        public long[] deltaPrices = new long[64];
        public long[] deltaQuantities = new long[64];

        void copyBook(final OrderBook book, final byte reason, final boolean valid, final long epochNs)
        {
            final BookSide bids = book.bids();
            final BookSide asks = book.asks();
            final int total = bids.size() + asks.size();
            if (prices.length < total)
            {
                prices = new long[total];
                quantities = new long[total];
            }
            this.instrumentId = book.instrumentId();
            this.reason = reason;
            this.valid = valid;
            this.updateId = book.updateId();
            this.epochNs = epochNs;
            this.bidCount = bids.size();
            this.askCount = asks.size();
            for (int i = 0; i < bidCount; i++)
            {
                prices[i] = bids.price(i);
                quantities[i] = bids.quantity(i);
            }
            for (int i = 0; i < askCount; i++)
            {
                prices[bidCount + i] = asks.price(i);
                quantities[bidCount + i] = asks.quantity(i);
            }
            deltaCount = 0;
            deltaLevelTotal = 0;
        }

        void addDelta(
            final long firstUpdateId,
            final long lastUpdateId,
            final long previousUpdateId,
            final long eventTimeMs,
            final long receiveEpochNs,
            final int partIndex,
            final int partCount,
            final byte[] sides,
            final long[] levelPrices,
            final long[] levelQuantities,
            final int levelOffset,
            final int levelCount)
        {
            if (deltaCount == deltaFirstUpdateId.length)
            {
                final int n = deltaCount * 2;
                deltaFirstUpdateId = java.util.Arrays.copyOf(deltaFirstUpdateId, n);
                deltaLastUpdateId = java.util.Arrays.copyOf(deltaLastUpdateId, n);
                deltaPreviousUpdateId = java.util.Arrays.copyOf(deltaPreviousUpdateId, n);
                deltaEventTimeMs = java.util.Arrays.copyOf(deltaEventTimeMs, n);
                deltaReceiveEpochNs = java.util.Arrays.copyOf(deltaReceiveEpochNs, n);
                deltaPartIndex = java.util.Arrays.copyOf(deltaPartIndex, n);
                deltaPartCount = java.util.Arrays.copyOf(deltaPartCount, n);
                deltaLevelStart = java.util.Arrays.copyOf(deltaLevelStart, n);
                deltaLevelCount = java.util.Arrays.copyOf(deltaLevelCount, n);
            }
            if (deltaLevelTotal + levelCount > deltaPrices.length)
            {
                final int n = Math.max(deltaPrices.length * 2, deltaLevelTotal + levelCount);
                deltaSides = java.util.Arrays.copyOf(deltaSides, n);
                deltaPrices = java.util.Arrays.copyOf(deltaPrices, n);
                deltaQuantities = java.util.Arrays.copyOf(deltaQuantities, n);
            }
            final int d = deltaCount++;
            deltaFirstUpdateId[d] = firstUpdateId;
            deltaLastUpdateId[d] = lastUpdateId;
            deltaPreviousUpdateId[d] = previousUpdateId;
            deltaEventTimeMs[d] = eventTimeMs;
            deltaReceiveEpochNs[d] = receiveEpochNs;
            deltaPartIndex[d] = partIndex;
            deltaPartCount[d] = partCount;
            deltaLevelStart[d] = deltaLevelTotal;
            deltaLevelCount[d] = levelCount;
            System.arraycopy(sides, levelOffset, deltaSides, deltaLevelTotal, levelCount);
            System.arraycopy(levelPrices, levelOffset, deltaPrices, deltaLevelTotal, levelCount);
            System.arraycopy(levelQuantities, levelOffset, deltaQuantities, deltaLevelTotal, levelCount);
            deltaLevelTotal += levelCount;
        }
    }

    public SnapshotSlots(final int slotCount)
    {
        this(slotCount, 1);
    }

    /** @param readers how many consumers read and {@link #release} each filled slot. */
    public SnapshotSlots(final int slotCount, final int readers)
    {
        this.readers = readers;
        slots = new Slot[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            slots[i] = new Slot();
        }
        states = new AtomicIntegerArray(slotCount);
    }

    /**
     * Takes a free slot, waiting for the journal handler to free one if all are in use.
     *
     * @param beforeWait run once before waiting; lets the journal handler see events processed so far.
     * @return the slot index, or -1 if none was freed by the deadline.
     */
    public int acquire(final Runnable beforeWait, final NanoClock clock, final long timeoutNs)
    {
        final int free = tryAcquire();
        if (free >= 0)
        {
            return free;
        }
        final int n = slots.length;
        beforeWait.run();
        final long deadlineNs = clock.nanoTime() + timeoutNs;
        while (clock.nanoTime() - deadlineNs < 0)
        {
            for (int index = 0; index < n; index++)
            {
                if (states.get(index) == FREE)
                {
                    nextProbe = index + 1;
                    return index;
                }
            }
            Thread.onSpinWait();
        }
        return -1;
    }

    /** @return a free slot index, or -1 without waiting. */
    public int tryAcquire()
    {
        final int n = slots.length;
        for (int i = 0; i < n; i++)
        {
            final int index = (nextProbe + i) % n;
            if (states.get(index) == FREE)
            {
                nextProbe = index + 1;
                return index;
            }
        }
        return -1;
    }

    public Slot slot(final int index)
    {
        return slots[index];
    }

    /** Book handler: the slot is filled; its readers own it until each has called {@link #release}. */
    public void publish(final int index)
    {
        states.lazySet(index, readers);
    }

    /** A reader is done with the slot; once every reader is, it may be reused. */
    public void release(final int index)
    {
        if (readers == 1)
        {
            states.lazySet(index, FREE);
        }
        else
        {
            states.decrementAndGet(index);
        }
    }

}
