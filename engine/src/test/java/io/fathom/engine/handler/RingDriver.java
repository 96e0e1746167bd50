package io.fathom.engine.handler;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.EventHandler;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * Publishes messages through the real publisher into a ring and hands each event straight to
 * the handlers on the calling thread, so a test drives the book handler deterministically.
 */
final class RingDriver
{
    private final RingBuffer<DepthEvent> ring;
    private final DepthPublisher publisher;
    private final List<EventHandler<DepthEvent>> handlers;
    private long consumed = -1;

    RingDriver(final int levelsPerEvent, final AtomicCounter published, final List<EventHandler<DepthEvent>> handlers)
    {
        this.ring = RingBuffer.createMultiProducer(() -> new DepthEvent(levelsPerEvent), 1024);
        this.publisher = new DepthPublisher(ring, new ProducerGate(), levelsPerEvent, published);
        this.handlers = handlers;
    }

    void publish(final int instrumentId, final DepthMessage message)
    {
        publisher.publish(instrumentId, message, System.nanoTime(), 0L);
        drain();
    }

    void publishReset(final int instrumentId)
    {
        publisher.publishReset(instrumentId, System.nanoTime(), 0L);
        drain();
    }

    private void drain()
    {
        final long cursor = ring.getCursor();
        for (final EventHandler<DepthEvent> handler : handlers)
        {
            for (long sequence = consumed + 1; sequence <= cursor; sequence++)
            {
                try
                {
                    handler.onEvent(ring.get(sequence), sequence, sequence == cursor);
                }
                catch (final Exception ex)
                {
                    throw new AssertionError(ex);
                }
            }
        }
        consumed = cursor;
    }
}
