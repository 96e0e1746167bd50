package io.fathom.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolledHandlerTest
{
    private final RingBuffer<long[]> ring = RingBuffer.createMultiProducer(() -> new long[1], 8, new YieldingWaitStrategy());
    private final List<String> errors = new ArrayList<>();

    @Test
    void givesTheHandlerTheProcessorsLifecycleInOrder()
    {
        final RecordingHandler handler = new RecordingHandler("book", -1);
        final PolledHandler<long[]> polled = new PolledHandler<>(ring, handler, new RecordingErrors());
        assertThat(handler.sequence).isSameAs(polled.sequence());

        polled.start();
        polled.start();
        publish(10, 11, 12);
        assertThat(polled.poll()).isEqualTo(3);
        assertThat(polled.poll()).isZero();
        publish(13);
        assertThat(polled.poll()).isEqualTo(1);
        polled.shutdown();
        polled.shutdown();

        assertThat(handler.calls).containsExactly(
            "book start",
            "book batch 3/3", "book 0=10", "book 1=11", "book 2=12 end",
            "book batch 1/1", "book 3=13 end",
            "book shutdown");
        assertThat(polled.sequence().get()).isEqualTo(3);
    }

    @Test
    void refusesToPollBeforeStartAndAfterShutdown()
    {
        final PolledHandler<long[]> polled = new PolledHandler<>(ring, new RecordingHandler("h", -1), new RecordingErrors());
        assertThatThrownBy(polled::poll).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        polled.start();
        polled.shutdown();
        assertThatThrownBy(polled::poll).isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
    }

    @Test
    void aHandlerBehindAnotherSeesOnlyWhatTheFirstHandledAndGatesTheProducers() throws Exception
    {
        final RecordingHandler bookHandler = new RecordingHandler("book", -1);
        final RecordingHandler journalHandler = new RecordingHandler("journal", -1);
        final PolledHandler<long[]> book = new PolledHandler<>(ring, bookHandler, new RecordingErrors());
        final PolledHandler<long[]> journal = new PolledHandler<>(ring, journalHandler, new RecordingErrors(), book.sequence());
        ring.addGatingSequences(journal.sequence());
        book.start();
        journal.start();

        publish(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(ring::tryNext).isInstanceOf(InsufficientCapacityException.class);
        assertThat(journal.poll()).as("nothing handled by the book handler yet").isZero();
        assertThat(book.poll()).isEqualTo(8);
        assertThatThrownBy(ring::tryNext).as("gated by the journal handler").isInstanceOf(InsufficientCapacityException.class);
        assertThat(journal.poll()).isEqualTo(8);
        assertThat(journalHandler.calls).startsWith("journal start", "journal batch 8/8").endsWith("journal 7=8 end");

        final long next = ring.tryNext();
        assertThat(next).isEqualTo(8);
        ring.publish(next);
    }

    @Test
    void anEventTheHandlerThrowsOnEndsItsBatchAndTheRestComeAsANewBatch()
    {
        final RecordingHandler handler = new RecordingHandler("h", 1);
        final PolledHandler<long[]> polled = new PolledHandler<>(ring, handler, new RecordingErrors());
        polled.start();
        publish(10, 11, 12);

        assertThat(polled.poll()).isEqualTo(2);
        assertThat(errors).containsExactly("event 1=11: boom");
        assertThat(polled.poll()).isEqualTo(1);
        assertThat(handler.calls).containsExactly(
            "h start", "h batch 3/3", "h 0=10", "h 1=11", "h batch 1/1", "h 2=12 end");
    }

    @Test
    void aBatchIsWhatIsPublishedWhenPolledNotASequenceClaimedAndUnpublished()
    {
        final RecordingHandler handler = new RecordingHandler("h", -1);
        final PolledHandler<long[]> polled = new PolledHandler<>(ring, handler, new RecordingErrors());
        polled.start();
        publish(10);
        final long claimed = ring.next();
        publish(12);

        assertThat(polled.poll()).isEqualTo(1);
        ring.get(claimed)[0] = 11;
        ring.publish(claimed);
        assertThat(polled.poll()).isEqualTo(2);
        assertThat(handler.calls).containsExactly(
            "h start", "h batch 1/1", "h 0=10 end", "h batch 2/2", "h 1=11", "h 2=12 end");
    }

    private void publish(final long... values)
    {
        for (final long value : values)
        {
            final long sequence = ring.next();
            ring.get(sequence)[0] = value;
            ring.publish(sequence);
        }
    }

    private static final class RecordingHandler implements EventHandler<long[]>
    {
        final String name;
        final long throwAt;
        final List<String> calls = new ArrayList<>();
        Sequence sequence;

        RecordingHandler(final String name, final long throwAt)
        {
            this.name = name;
            this.throwAt = throwAt;
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            sequence = sequenceCallback;
        }

        @Override
        public void onStart()
        {
            calls.add(name + " start");
        }

        @Override
        public void onBatchStart(final long batchSize, final long queueDepth)
        {
            calls.add(name + " batch " + batchSize + "/" + queueDepth);
        }

        @Override
        public void onEvent(final long[] event, final long sequence, final boolean endOfBatch)
        {
            calls.add(name + " " + sequence + "=" + event[0] + (endOfBatch ? " end" : ""));
            if (sequence == throwAt)
            {
                throw new IllegalArgumentException("boom");
            }
        }

        @Override
        public void onShutdown()
        {
            calls.add(name + " shutdown");
        }
    }

    private final class RecordingErrors implements ExceptionHandler<long[]>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final long[] event)
        {
            errors.add("event " + sequence + "=" + event[0] + ": " + ex.getMessage());
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            errors.add("start: " + ex.getMessage());
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            errors.add("shutdown: " + ex.getMessage());
        }
    }
}
