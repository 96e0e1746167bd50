package io.fathom.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer on the thread that also polls the ring's only consumer (an engine in invoker mode): where it would wait
 * for space that no other thread will make, it polls the consumer, so a full ring loses nothing and never hangs.
 */
class PollWhenFullTest
{
    private static final int RING_SIZE = 4;

    private final RingBuffer<DepthEvent> ring = RingBuffer.createMultiProducer(() -> new DepthEvent(2), RING_SIZE,
        new YieldingWaitStrategy());
    private final List<Integer> handled = new ArrayList<>();
    private final PolledHandler<DepthEvent> consumer = new PolledHandler<>(ring, new Recording(), new Failing());
    private final AtomicCounter published = counter(0);
    private final AtomicCounter dropped = counter(1);

    PollWhenFullTest()
    {
        ring.addGatingSequences(consumer.sequence());
        consumer.start();
    }

    @Test
    void aFeedPublisherPollsTheConsumerInsteadOfDroppingWhenTheRingIsFull()
    {
        final DepthPublisher publisher = new DepthPublisher(ring, new ProducerGate(), 2, published,
            new RingOverflow(8, TimeUnit.MILLISECONDS.toNanos(1), dropped)).pollWhenFull(consumer::poll);
        final DepthMessage message = new DepthMessage(4);
        message.addLevel(DepthMessage.BID, 100, 1);

        for (int id = 0; id < 3 * RING_SIZE; id++)
        {
            assertThat(publisher.publish(id % 8, message, id, id)).as("message %d published", id).isEqualTo(1);
        }
        consumer.poll();

        assertThat(dropped.get()).isZero();
        assertThat(published.get()).isEqualTo(3 * RING_SIZE);
        assertThat(handled).hasSize(3 * RING_SIZE);
        assertThat(handled.get(3 * RING_SIZE - 1)).isEqualTo((3 * RING_SIZE - 1) % 8);
    }

    @Test
    void aControlPublisherPollsTheConsumerInsteadOfWaitingForever()
    {
        final DepthPublisher publisher = new DepthPublisher(ring, new ProducerGate(), 2, published).pollWhenFull(consumer::poll);

        for (int id = 0; id < 3 * RING_SIZE; id++)
        {
            assertThat(publisher.publishReset(id, id, id)).isTrue();
        }
        consumer.poll();

        assertThat(handled).hasSize(3 * RING_SIZE);
    }

    private static AtomicCounter counter(final int id)
    {
        return new AtomicCounter(new UnsafeBuffer(ByteBuffer.allocateDirect(4096)), id);
    }

    private final class Recording implements EventHandler<DepthEvent>
    {
        @Override
        public void onEvent(final DepthEvent event, final long sequence, final boolean endOfBatch)
        {
            handled.add(event.instrumentId);
        }
    }

    private static final class Failing implements ExceptionHandler<DepthEvent>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final DepthEvent event)
        {
            throw new AssertionError(ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            throw new AssertionError(ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            throw new AssertionError(ex);
        }
    }
}
