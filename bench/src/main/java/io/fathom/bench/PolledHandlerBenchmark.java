package io.fathom.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.BusySpinWaitStrategy;
import io.fathom.engine.ring.PolledHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The ring as an engine in invoker mode has it: events published and then consumed on the same thread, by two
 * handlers behind one another, each through a {@link PolledHandler} (an {@code EventPoller} with the batch
 * processor's lifecycle calls). One operation publishes {@code batch} events and polls both handlers once, so
 * the figure is the ring's own cost per duty cycle without any hand-off between threads. Run with {@code -prof gc}:
 * a poll allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class PolledHandlerBenchmark
{
    /** Events published between two polls: one, or a burst as a busy duty cycle reads. */
    @Param({ "1", "64" })
    public int batch;

    /** The event: a few longs, as a depth event's header. */
    static final class Event
    {
        long instrumentId;
        long price;
    }

    /** Sums what it sees, so nothing is optimised away; counts batches as the engine's handlers do on endOfBatch. */
    static final class Summing implements EventHandler<Event>
    {
        long sum;
        long batches;

        @Override
        public void onEvent(final Event event, final long sequence, final boolean endOfBatch)
        {
            sum += event.price;
            if (endOfBatch)
            {
                batches++;
            }
        }
    }

    private final Summing book = new Summing();
    private final Summing journal = new Summing();
    private RingBuffer<Event> ring;
    private PolledHandler<Event> bookPoller;
    private PolledHandler<Event> journalPoller;

    @Setup(Level.Trial)
    public void setUp()
    {
        ring = RingBuffer.createMultiProducer(Event::new, 1 << 16, new BusySpinWaitStrategy());
        final ExceptionHandler<Event> errors = new ExceptionHandler<>()
        {
            @Override
            public void handleEventException(final Throwable ex, final long sequence, final Event event)
            {
                throw new IllegalStateException(ex);
            }

            @Override
            public void handleOnStartException(final Throwable ex)
            {
                throw new IllegalStateException(ex);
            }

            @Override
            public void handleOnShutdownException(final Throwable ex)
            {
                throw new IllegalStateException(ex);
            }
        };
        bookPoller = new PolledHandler<>(ring, book, errors);
        journalPoller = new PolledHandler<>(ring, journal, errors, bookPoller.sequence());
        ring.addGatingSequences(journalPoller.sequence());
        bookPoller.start();
        journalPoller.start();
    }

    @Benchmark
    public long publishThenPoll()
    {
        final long high = ring.next(batch);
        for (long sequence = high - batch + 1; sequence <= high; sequence++)
        {
            final Event event = ring.get(sequence);
            event.instrumentId = sequence & 7;
            event.price = sequence;
        }
        ring.publish(high - batch + 1, high);
        return bookPoller.poll() + journalPoller.poll() + journal.sum;
    }
}
