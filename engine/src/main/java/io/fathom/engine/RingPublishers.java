package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.ring.RingOverflow;
import org.agrona.concurrent.status.AtomicCounter;

/** Makes the ring's publishers, one per producing thread; every one passes the same gate and counts events published. */
final class RingPublishers
{
    private final RingBuffer<DepthEvent> ring;
    private final ProducerGate gate;
    private final int levelsPerEvent;
    private final AtomicCounter eventsPublished;
    private final RingOverflow overflow;

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

    /** A publisher that waits for ring space as long as it takes: control events and journal replay lose nothing. */
    DepthPublisher newPublisher()
    {
        return new DepthPublisher(ring, gate, levelsPerEvent, eventsPublished);
    }

    /** A feed's publisher: waits the ring's full wait for space, then drops the message and resyncs its book. */
    DepthPublisher newFeedPublisher()
    {
        return new DepthPublisher(ring, gate, levelsPerEvent, eventsPublished, overflow);
    }
}
