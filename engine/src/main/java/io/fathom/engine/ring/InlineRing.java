package io.fathom.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * A ring whose handlers run on the publishing thread: each publish goes through the real
 * {@link DepthPublisher} (parts, control events) and is then handed to every handler in order before
 * the call returns. For offline work where determinism matters more than threads: checking a recording,
 * and tests.
 */
public final class InlineRing
{
    private final RingBuffer<DepthEvent> ring;
    private final DepthPublisher publisher;
    private final List<EventHandler<DepthEvent>> handlers;
    private long consumed = -1;

    /**
     * @param published counts every event published.
     */
    public InlineRing(final int levelsPerEvent, final AtomicCounter published, final List<EventHandler<DepthEvent>> handlers)
    {
        this.ring = RingBuffer.createSingleProducer(() -> new DepthEvent(levelsPerEvent), 1024);
        this.publisher = new DepthPublisher(ring, new ProducerGate(), levelsPerEvent, published);
        this.handlers = handlers;
    }

    /** Publishes a message received at {@code receiveEpochNs} and runs the handlers on it. */
    public void publish(final int instrumentId, final DepthMessage message, final long receiveEpochNs)
    {
        publisher.publish(instrumentId, message, System.nanoTime(), receiveEpochNs);
        drain();
    }

    /** Publishes a control event ({@link DepthEvent#KIND_RESET} and the like) and runs the handlers on it. */
    public void publishControl(final byte kind, final int instrumentId)
    {
        publisher.publishControl(kind, instrumentId, System.nanoTime(), 0L);
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
                    throw new IllegalStateException("handler failed on event " + sequence, ex);
                }
            }
        }
        consumed = cursor;
    }
}
