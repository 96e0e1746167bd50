package io.fathom.engine.journal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * A ring whose events the test hands to the handlers on its own thread, each handler a batch at a
 * time, so that a live run and its replay are both deterministic.
 */
final class HandlerRing
{
    private final RingBuffer<DepthEvent> ring;
    private final List<EventHandler<DepthEvent>> handlers;
    private final DepthPublisher publisher;
    private long consumed = -1;

    HandlerRing(final int levelsPerEvent, final AtomicCounter published, final List<EventHandler<DepthEvent>> handlers)
    {
        this.ring = RingBuffer.createMultiProducer(() -> new DepthEvent(levelsPerEvent), 1 << 14);
        this.publisher = new DepthPublisher(ring, new ProducerGate(), levelsPerEvent, published);
        this.handlers = handlers;
    }

    DepthPublisher publisher()
    {
        return publisher;
    }

    void publish(final int instrumentId, final DepthMessage message, final long receiveEpochNs)
    {
        publisher.publish(instrumentId, message, System.nanoTime(), receiveEpochNs);
        drain();
    }

    void publishReset(final int instrumentId, final long receiveEpochNs)
    {
        publisher.publishReset(instrumentId, System.nanoTime(), receiveEpochNs);
        drain();
    }

    void drain()
    {
        final long cursor = ring.getCursor();
        if (cursor == consumed)
        {
            return;
        }
        for (final EventHandler<DepthEvent> handler : handlers)
        {
            try
            {
                handler.onBatchStart(cursor - consumed, cursor - consumed);
                for (long sequence = consumed + 1; sequence <= cursor; sequence++)
                {
                    handler.onEvent(ring.get(sequence), sequence, sequence == cursor);
                }
            }
            catch (final Exception ex)
            {
                throw new AssertionError(ex);
            }
        }
        consumed = cursor;
    }
}
