package io.fathom.bench;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The feed thread's copy of a decoded message into a claimed ring slot ({@link DepthPublisher#publish}), the
 * step between decode and the book handler; the ring's consumer sequence is moved along by the benchmark
 * thread itself so only the copy and the claim are measured. Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class PublishBenchmark
{
    @Param({ "1", "10" })
    int levels;

    private RingBuffer<DepthEvent> ring;
    private DepthPublisher publisher;
    private final Sequence consumed = new Sequence();
    private final DepthMessage message = new DepthMessage(64);

    @Setup
    public void setUp()
    {
        ring = RingBuffer.createMultiProducer(() -> new DepthEvent(32), 1024);
        ring.addGatingSequences(consumed);
        final CountersManager counters = new CountersManager(
            new UnsafeBuffer(new byte[64 * 1024]), new UnsafeBuffer(new byte[16 * 1024]));
        final AtomicCounter published = counters.newCounter("published");
        publisher = new DepthPublisher(ring, new ProducerGate(), 32, published);
        message.scales(8, 8).firstUpdateId(100).lastUpdateId(101).eventTimeMs(1);
        for (int i = 0; i < levels; i++)
        {
            message.addLevel(i % 2 == 0 ? DepthMessage.BID : DepthMessage.ASK, 10_000_000_000L + i, 500_000_000L + i, 8, 8);
        }
    }

    @Benchmark
    public int publish()
    {
        final int parts = publisher.publish(1, message, 123L, 456L);
        consumed.set(ring.getCursor());
        return parts;
    }
}
