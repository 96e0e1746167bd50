package io.fathom.bench;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Handing one small event from a producer thread (the benchmark thread) to a consumer thread the state owns,
 * through the Disruptor as the engine configures it, {@link ArrayBlockingQueue}, and Agrona's
 * {@link ManyToOneConcurrentArrayQueue}, because the ring between feed and book threads carries every
 * message. Throughput with the consumer running; bounded at 65,536 slots (the engine's ring size), so a
 * slower consumer holds the producer back and the figure is the pipeline's.
 *
 * <p>Every variant moves the same preallocated events, so none allocates: the Disruptor's ring holds them;
 * the queues carry references to a pool of twice their capacity, which a producer at most a queue's length
 * ahead never reuses while the consumer reads it. Producer side: the Disruptor claims with {@code next()}
 * (multi-producer, as the engine's feed threads share it), ABQ {@code put}, Agrona {@code offer} retried
 * with {@code Thread.onSpinWait()}. Consumer side: a {@link BatchEventProcessor} with the engine's
 * {@code SleepingWaitStrategy(200, 50_000)} (or a yielding one), ABQ {@code take()}, Agrona {@code drain} with a
 * {@link BackoffIdleStrategy}. On a 2-vCPU machine producer and consumer have a core each only when nothing
 * else runs. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class RingHandoffBenchmark
{
    static final int CAPACITY = 1 << 16;

    /**
     * {@code disruptor} as the engine has it (multi-producer, sleeping wait); {@code disruptor-yielding} a
     * single-producer ring with a yielding wait, what one feed thread per ring could use.
     */
    @Param({ "disruptor", "disruptor-yielding", "abq", "agrona-mpsc" })
    public String handoff;

    /** The event handed over: a few longs, as a depth event's header. */
    static final class HandoffEvent
    {
        long instrumentId;
        long sequence;
        long price;
        long quantity;
    }

    /** What the consumer thread writes, padded away from the producer's fields. */
    static final class ConsumerCounts
    {
        long p01, p02, p03, p04, p05, p06, p07;
        long consumed;
        long sum;
        long p11, p12, p13, p14, p15, p16, p17;
    }

    private final ConsumerCounts counts = new ConsumerCounts();
    private final HandoffEvent[] pool = new HandoffEvent[2 * CAPACITY];
    private final HandoffEvent stop = new HandoffEvent();
    private RingBuffer<HandoffEvent> ring;
    private BatchEventProcessor<HandoffEvent> processor;
    private ArrayBlockingQueue<HandoffEvent> blockingQueue;
    private ManyToOneConcurrentArrayQueue<HandoffEvent> agronaQueue;
    private Thread consumer;
    private volatile boolean running;
    private long produced;

    @Setup(Level.Trial)
    public void setUp()
    {
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new HandoffEvent();
        }
        running = true;
        switch (handoff)
        {
            case "disruptor":
                ring = RingBuffer.create(ProducerType.MULTI, HandoffEvent::new, CAPACITY, new SleepingWaitStrategy(200, 50_000));
                processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler());
                ring.addGatingSequences(processor.getSequence());
                consumer = new Thread(processor, "handoff-consumer");
                break;
            case "disruptor-yielding":
                ring = RingBuffer.create(ProducerType.SINGLE, HandoffEvent::new, CAPACITY, new YieldingWaitStrategy());
                processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler());
                ring.addGatingSequences(processor.getSequence());
                consumer = new Thread(processor, "handoff-consumer");
                break;
            case "abq":
                blockingQueue = new ArrayBlockingQueue<>(CAPACITY);
                consumer = new Thread(this::takeLoop, "handoff-consumer");
                break;
            case "agrona-mpsc":
                agronaQueue = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
                consumer = new Thread(this::drainLoop, "handoff-consumer");
                break;
            default:
                throw new IllegalArgumentException(handoff);
        }
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        running = false;
        if (null != processor)
        {
            processor.halt();
        }
        if (null != blockingQueue)
        {
            blockingQueue.put(stop);
        }
        consumer.join(10_000);
        if (consumer.isAlive())
        {
            throw new IllegalStateException("consumer did not stop");
        }
        if (counts.consumed == 0 || counts.consumed > produced || counts.sum == 0)
        {
            throw new IllegalStateException("consumed " + counts.consumed + " of " + produced);
        }
    }

    /** One event claimed or taken from the pool, written, and handed to the consumer. */
    @Benchmark
    public long handOff() throws InterruptedException
    {
        final long n = produced++;
        if (null != ring)
        {
            final long sequence = ring.next();
            fill(ring.get(sequence), n);
            ring.publish(sequence);
            return sequence;
        }
        final HandoffEvent event = pool[(int)(n & (pool.length - 1))];
        fill(event, n);
        if (null != blockingQueue)
        {
            blockingQueue.put(event);
        }
        else
        {
            while (!agronaQueue.offer(event))
            {
                Thread.onSpinWait();
            }
        }
        return n;
    }

    private EventHandler<HandoffEvent> handler()
    {
        return (event, sequence, endOfBatch) -> consume(event);
    }

    private static void fill(final HandoffEvent event, final long n)
    {
        event.instrumentId = n & 511;
        event.sequence = n;
        event.price = 10_000_000_000L + n;
        event.quantity = n ^ 0x5555;
    }

    private void consume(final HandoffEvent event)
    {
        final ConsumerCounts counts = this.counts;
        counts.consumed++;
        counts.sum += event.instrumentId + event.sequence + event.price + event.quantity;
    }

    private void takeLoop()
    {
        try
        {
            while (true)
            {
                final HandoffEvent event = blockingQueue.take();
                if (event == stop)
                {
                    return;
                }
                consume(event);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void drainLoop()
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        final java.util.function.Consumer<HandoffEvent> handler = this::consume;
        while (running)
        {
            idle.idle(agronaQueue.drain(handler, 256));
        }
    }
}
