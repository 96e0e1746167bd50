package io.fathom.engine.ring;

import org.agrona.concurrent.status.AtomicCounter;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What producers lost to a full ring, per instrument. A producer that waited its bounded time for ring
 * space and gave up drops the message and marks its instrument; the next message any producer publishes
 * for that instrument is preceded, in the same claim, by a {@link DepthEvent#KIND_OVERFLOW} event, so the
 * book handler invalidates and resyncs the book at exactly the point of the loss. Nothing is buffered
 * outside the ring, so a slow consumer costs dropped messages and resyncs, never memory.
 */
public final class RingOverflow
{
    private final AtomicIntegerArray lost;
    private final AtomicCounter dropped;
    private final long waitNs;

    /**
     * @param waitNs  how long a producer waits for ring space before it drops a message.
     * @param dropped counts the messages dropped.
     */
    public RingOverflow(final int instrumentCount, final long waitNs, final AtomicCounter dropped)
    {
        this.lost = new AtomicIntegerArray(instrumentCount);
        this.waitNs = waitNs;
        this.dropped = dropped;
    }

    public long waitNs()
    {
        return waitNs;
    }

    void onDropped(final int instrumentId)
    {
        lost.set(instrumentId, 1);
        dropped.increment();
    }

    /** True when a message of the instrument was dropped and no overflow event has been published since. */
    boolean isMarked(final int instrumentId)
    {
        return lost.get(instrumentId) != 0;
    }

    /** The overflow event is being published by this caller; false when another producer took it. */
    boolean clear(final int instrumentId)
    {
        return lost.compareAndSet(instrumentId, 1, 0);
    }

    void restore(final int instrumentId)
    {
        lost.set(instrumentId, 1);
    }
}
