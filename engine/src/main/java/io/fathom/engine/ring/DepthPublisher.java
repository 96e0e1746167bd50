package io.fathom.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Copies a decoded message into ring slots, splitting it into consecutive parts claimed together
 * with {@code next(n)} when it holds more levels than a slot.
 *
 * <p>Decoding into a scratch message first (rather than straight into a claimed slot) means a
 * malformed frame never claims a sequence that would then have to be published half-filled.
 * With a {@link RingOverflow}, a full ring is waited on for a bounded time, then the message is dropped
 * and its instrument marked; once a producer has given up, it does not wait again until a claim
 * succeeds, so a stalled consumer costs each feed thread one wait, not one per message.
 * One instance per producing thread.
 */
public final class DepthPublisher
{
    private final RingBuffer<DepthEvent> ring;
    private final ProducerGate.Permit permit;
    private final int levelsPerEvent;
    private final AtomicCounter published;
    private final RingOverflow overflow;
    private boolean overflowing;
    private int instrumentBase;
    private IntSupplier pollConsumers;

    /**
     * A publisher that waits for ring space as long as it takes: for offline use and tests.
     *
     * @param published counts every event this publisher places in the ring (shared by all publishers).
     */
    public DepthPublisher(
        final RingBuffer<DepthEvent> ring, final ProducerGate gate, final int levelsPerEvent, final AtomicCounter published)
    {
        this(ring, gate, levelsPerEvent, published, null);
    }

    /**
     * @param overflow where a message dropped after the bounded wait is marked, or null to wait without bound.
     */
    public DepthPublisher(
        final RingBuffer<DepthEvent> ring,
        final ProducerGate gate,
        final int levelsPerEvent,
        final AtomicCounter published,
        final RingOverflow overflow)
    {
        this.ring = ring;
        this.permit = gate.newPermit();
        this.levelsPerEvent = levelsPerEvent;
        this.published = published;
        this.overflow = overflow;
    }

    /**
     * Makes this the publisher of one venue's feeds in an engine of several: the ids given to it are the venue's
     * own, from 0, and are published as {@code instrumentBase + id}. Set before the first publish.
     */
    public DepthPublisher instrumentBase(final int instrumentBase)
    {
        this.instrumentBase = instrumentBase;
        return this;
    }

    /**
     * Makes this a publisher on the thread that also polls the ring's consumers (the engine's invoking thread):
     * where it would wait for space, it polls them, as no other thread will. Set before the first publish.
     *
     * @param pollConsumers polls every consumer once; returns the events they handled.
     */
    public DepthPublisher pollWhenFull(final IntSupplier pollConsumers)
    {
        this.pollConsumers = pollConsumers;
        return this;
    }

    /**
     * @return the number of events published, 0 when the producer gate is closed, or -1 when the ring stayed
     * full and the message was dropped (counted, and its instrument marked for resync).
     */
    public int publish(
        final int venueInstrumentId, final DepthMessage message, final long receiveNs, final long receiveEpochNs)
    {
        final int instrumentId = instrumentBase + venueInstrumentId;
        final int levels = message.levelCount();
        final int parts = Math.max(1, (levels + levelsPerEvent - 1) / levelsPerEvent);
        if (parts > ring.getBufferSize())
        {
            throw new IllegalStateException("message of " + levels + " levels exceeds the ring");
        }
        if (!permit.enter())
        {
            return 0;
        }
        try
        {
            final boolean marker = overflow != null && overflow.isMarked(instrumentId) && overflow.clear(instrumentId);
            final int claimed = parts + (marker ? 1 : 0);
            final long high = claim(claimed);
            if (high < 0)
            {
                if (marker)
                {
                    overflow.restore(instrumentId);
                }
                overflow.onDropped(instrumentId);
                return -1;
            }
            final long low = high - parts + 1;
            if (marker)
            {
                control(ring.get(low - 1), DepthEvent.KIND_OVERFLOW, instrumentId, receiveNs, receiveEpochNs);
            }
            int level = 0;
            for (int part = 0; part < parts; part++)
            {
                final DepthEvent event = ring.get(low + part);
                event.instrumentId = instrumentId;
                event.kind = message.kind();
                event.partIndex = part;
                event.partCount = parts;
                event.eventTimeMs = message.eventTimeMs();
                event.firstUpdateId = message.firstUpdateId();
                event.lastUpdateId = message.lastUpdateId();
                event.previousUpdateId = message.previousUpdateId();
                event.receiveNanos = receiveNs;
                event.receiveEpochNs = receiveEpochNs;
                event.checksum = message.checksum();
                event.hasChecksum = message.hasChecksum();
                final int count = Math.min(levelsPerEvent, levels - level);
                for (int i = 0; i < count; i++, level++)
                {
                    event.sides[i] = message.side(level);
                    event.prices[i] = message.price(level);
                    event.quantities[i] = message.quantity(level);
                    event.priceDecimals[i] = (byte)message.priceDecimals(level);
                    event.quantityDecimals[i] = (byte)message.quantityDecimals(level);
                }
                event.levelCount = count;
                clearHandlerFields(event);
            }
            ring.publish(high - claimed + 1, high);
            published.getAndAdd(claimed);
            return parts;
        }
        finally
        {
            permit.exit();
        }
    }

    /** Publishes a control event that invalidates an instrument's book. */
    public boolean publishReset(final int instrumentId, final long receiveNs, final long receiveEpochNs)
    {
        return publishControl(DepthEvent.KIND_RESET, instrumentId, receiveNs, receiveEpochNs);
    }

    /**
     * Publishes a control event ({@link DepthEvent#KIND_RESET}, {@link DepthEvent#KIND_CLOSE} or
     * {@link DepthEvent#KIND_OPEN}) for one instrument.
     *
     * @return false when the producer gate is closed.
     */
    public boolean publishControl(
        final byte kind, final int venueInstrumentId, final long receiveNs, final long receiveEpochNs)
    {
        final int instrumentId = instrumentBase + venueInstrumentId;
        if (!permit.enter())
        {
            return false;
        }
        try
        {
            final long sequence = next(1);
            control(ring.get(sequence), kind, instrumentId, receiveNs, receiveEpochNs);
            ring.publish(sequence);
            published.increment();
            return true;
        }
        finally
        {
            permit.exit();
        }
    }

    /**
     * Claims {@code n} slots: at once, or within the overflow's bounded wait, or not at all once this
     * producer has given up and the ring is still full.
     *
     * @return the highest sequence claimed, or -1.
     */
    private long claim(final int n)
    {
        if (overflow == null)
        {
            return next(n);
        }
        try
        {
            final long high = ring.tryNext(n);
            overflowing = false;
            return high;
        }
        catch (final InsufficientCapacityException ex)
        {
            if (overflowing)
            {
                return -1;
            }
        }
        final long deadlineNs = System.nanoTime() + overflow.waitNs();
        while (true)
        {
            if (pollConsumers == null || pollConsumers.getAsInt() == 0)
            {
                LockSupport.parkNanos(1_000);
            }
            try
            {
                return ring.tryNext(n);
            }
            catch (final InsufficientCapacityException ex)
            {
                if (System.nanoTime() - deadlineNs >= 0)
                {
                    overflowing = true;
                    return -1;
                }
            }
        }
    }

    /** Claims {@code n} slots, waiting as long as it takes, or polling the consumers for space when this thread runs them. */
    private long next(final int n)
    {
        if (pollConsumers == null)
        {
            return ring.next(n);
        }
        while (true)
        {
            try
            {
                return ring.tryNext(n);
            }
            catch (final InsufficientCapacityException ex)
            {
                if (pollConsumers.getAsInt() == 0)
                {
                    Thread.onSpinWait();
                }
            }
        }
    }

    private static void control(
        final DepthEvent event, final byte kind, final int instrumentId, final long receiveNs, final long receiveEpochNs)
    {
        event.instrumentId = instrumentId;
        event.kind = kind;
        event.partIndex = 0;
        event.partCount = 1;
        event.eventTimeMs = 0;
        event.firstUpdateId = DepthMessage.NO_ID;
        event.lastUpdateId = DepthMessage.NO_ID;
        event.previousUpdateId = DepthMessage.NO_ID;
        event.receiveNanos = receiveNs;
        event.receiveEpochNs = receiveEpochNs;
        event.checksum = 0;
        event.hasChecksum = false;
        event.levelCount = 0;
        clearHandlerFields(event);
    }

    /** This producer is done: its gate permit admits nothing more. */
    public void retire()
    {
        permit.retire();
    }

    private static void clearHandlerFields(final DepthEvent event)
    {
        event.outcome = DepthEvent.OUTCOME_NONE;
        event.snapshotSlot = -1;
        event.invalidationReason = 0;
        event.invalidatedUpdateId = DepthMessage.NO_ID;
        event.invalidatedEpochNs = 0;
    }
}
