package io.fathom.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Copies a decoded message into ring slots, splitting it into consecutive parts claimed together
 * with {@code next(n)} when it holds more levels than a slot.
 *
 * <p>Decoding into a scratch message first (rather than straight into a claimed slot) means a
 * malformed frame never claims a sequence that would then have to be published half-filled.
 * One instance per producing thread.
 */
public final class DepthPublisher
{
    private final RingBuffer<DepthEvent> ring;
    private final ProducerGate.Permit permit;
    private final int levelsPerEvent;
    private final AtomicCounter published;

    /**
     * @param published counts every event this publisher places in the ring (shared by all publishers).
     */
    public DepthPublisher(
        final RingBuffer<DepthEvent> ring, final ProducerGate gate, final int levelsPerEvent, final AtomicCounter published)
    {
        this.ring = ring;
        this.permit = gate.newPermit();
        this.levelsPerEvent = levelsPerEvent;
        this.published = published;
    }

    /**
     * @return the number of events published, or 0 when the producer gate is closed.
     */
    public int publish(
        final int instrumentId, final DepthMessage message, final long receiveNanos, final long receiveEpochNs)
    {
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
            final long high = ring.next(parts);
            final long low = high - parts + 1;
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
                event.receiveNanos = receiveNanos;
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
            ring.publish(low, high);
            published.getAndAdd(parts);
            return parts;
        }
        finally
        {
            permit.exit();
        }
    }

    /** Publishes a control event that invalidates an instrument's book. */
    public boolean publishReset(final int instrumentId, final long receiveNanos, final long receiveEpochNs)
    {
        return publishControl(DepthEvent.KIND_RESET, instrumentId, receiveNanos, receiveEpochNs);
    }

    /**
     * Publishes a control event ({@link DepthEvent#KIND_RESET}, {@link DepthEvent#KIND_CLOSE} or
     * {@link DepthEvent#KIND_OPEN}) for one instrument.
     *
     * @return false when the producer gate is closed.
     */
    public boolean publishControl(
        final byte kind, final int instrumentId, final long receiveNanos, final long receiveEpochNs)
    {
        if (!permit.enter())
        {
            return false;
        }
        try
        {
            final long sequence = ring.next();
            final DepthEvent event = ring.get(sequence);
            event.instrumentId = instrumentId;
            event.kind = kind;
            event.partIndex = 0;
            event.partCount = 1;
            event.eventTimeMs = 0;
            event.firstUpdateId = DepthMessage.NO_ID;
            event.lastUpdateId = DepthMessage.NO_ID;
            event.previousUpdateId = DepthMessage.NO_ID;
            event.receiveNanos = receiveNanos;
            event.receiveEpochNs = receiveEpochNs;
            event.checksum = 0;
            event.hasChecksum = false;
            event.levelCount = 0;
            clearHandlerFields(event);
            ring.publish(sequence);
            published.increment();
            return true;
        }
        finally
        {
            permit.exit();
        }
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
    }
}
