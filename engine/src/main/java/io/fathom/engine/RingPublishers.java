package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.ring.RingOverflow;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.function.IntSupplier;

/** Makes the ring's publishers, one per producing thread; every one passes the same gate and counts events published. */
final class RingPublishers
{
    private final RingBuffer<DepthEvent> ring;
    private final ProducerGate gate;
    private final int levelsPerEvent;
    private final AtomicCounter eventsPublished;
    private final RingOverflow overflow;
    private IntSupplier pollConsumers;

    RingPublishers(
        final RingBuffer<DepthEvent> ring,
        final ProducerGate gate,
        final int levelsPerEvent,
        final AtomicCounter eventsPublished,
        final RingOverflow overflow)
    {
        this.ring = ring;
        this.gate = gate;
        this.levelsPerEvent = levelsPerEvent;
        this.eventsPublished = eventsPublished;
        this.overflow = overflow;
    }

    /**
     * Has every publisher made after this poll the consumers where it would wait for space: for an engine whose
     * caller runs the producers and the consumers on one thread.
     */
    RingPublishers pollWhenFull(final IntSupplier pollConsumers)
    {
        this.pollConsumers = pollConsumers;
        return this;
    }

    /** A publisher that waits for ring space as long as it takes: control events and journal replay lose nothing. */
    DepthPublisher newPublisher()
    {
        return new DepthPublisher(ring, gate, levelsPerEvent, eventsPublished).pollWhenFull(pollConsumers);
    }

    /** A feed's publisher: waits the ring's full wait for space, then drops the message and resyncs its book. */
    DepthPublisher newFeedPublisher()
    {
        return new DepthPublisher(ring, gate, levelsPerEvent, eventsPublished, overflow).pollWhenFull(pollConsumers);
    }
}
