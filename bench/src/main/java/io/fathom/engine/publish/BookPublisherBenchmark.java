package io.fathom.engine.publish;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SystemNanoClock;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The book publisher's duty cycle ({@link BookPublisherAgent#doWork()}): {@link #EVENTS_PER_OP} applied deltas taken
 * from the ring, each mirrored and offered as {@code LevelChanges} on an {@code aeron:ipc} publication of an embedded
 * media driver, with a live subscription drained after each cycle (so offers never back up). Every book is valid
 * and was sent whole first; the periodic snapshot round is an hour away, or ({@code rounds}) runs every cycle. In the
 * engine's package because the agent
 * is built by {@link BookPublishing} alone. Run with {@code -prof gc}: 0 B/op in steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED" })
public class BookPublisherBenchmark
{
    static final int EVENTS_PER_OP = 64;
    private static final int BOOKS = 100;
    private static final int STREAM_ID = 1801;

    @Param({ "1", "10" })
    int levels;

    /** With rounds, the periodic snapshot round runs every cycle: 16 books sent whole (definition and snapshot) a cycle. */
    @Param({ "false", "true" })
    boolean rounds;

    private File runDir;
    private EngineCounters counters;
    private AeronConnection connection;
    private Subscription subscription;
    private RingBuffer<DepthEvent> ring;
    private BookPublisherAgent agent;
    private final FragmentHandler drain = (buffer, offset, length, header) -> { };
    private long updateId = 1_000;

    @Setup
    public void setUp() throws Exception
    {
        runDir = Files.createTempDirectory("fathom-publisher-bench").toFile();
        counters = new EngineCounters(runDir);
        connection = AeronConnection.open(null, "bench");
        final ExclusivePublication publication = connection.aeron().addExclusivePublication(
            BookPublishing.channelWithTermLength("aeron:ipc"), STREAM_ID);
        subscription = connection.aeron().addSubscription("aeron:ipc", STREAM_ID);
        while (!publication.isConnected() || !subscription.isConnected())
        {
            Thread.onSpinWait();
        }
        ring = RingBuffer.createSingleProducer(() -> new DepthEvent(32), 1024);
        final EventPoller<DepthEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final BookScales scales = BookScales.uniform(8, 8);
        final BookMirror mirror = new BookMirror(BOOKS, 64, scales);
        final List<InstrumentDefinition.Names> names = new ArrayList<>();
        for (int id = 0; id < BOOKS; id++)
        {
            names.add(new InstrumentDefinition.Names("SYM" + id, "binance"));
            mirror.load(bookOf(id));
        }
        agent = new BookPublisherAgent(poller, new SnapshotSlots(4, 1),
            new PublisherStreams(publication, new SnapshotRequests(null, BOOKS, 10_000, counters)), mirror,
            new PublisherSettings(names, new BookShape(64, scales, 32), rounds ? 0L : TimeUnit.HOURS.toNanos(1), new OfferCounters(counters),
                SystemNanoClock.INSTANCE));
        for (int i = 0; i < 2 * BOOKS; i++) // the first snapshot round: every book whole
        {
            agent.doWork();
            subscription.poll(drain, 256);
        }
    }

    /** A valid book of ten levels a side. */
    private static SnapshotSlots.Slot bookOf(final int id)
    {
        final SnapshotSlots.Slot slot = new SnapshotSlots.Slot();
        slot.instrumentId = id;
        slot.valid = true;
        slot.updateId = 1;
        slot.bidCount = 10;
        slot.askCount = 10;
        for (int i = 0; i < 10; i++)
        {
            slot.prices[i] = 10_000_000_000L - i * 1_000_000L;
            slot.quantities[i] = 100_000_000L;
            slot.prices[10 + i] = 10_001_000_000L + i * 1_000_000L;
            slot.quantities[10 + i] = 100_000_000L;
        }
        return slot;
    }

    @Benchmark
    public int dutyCycle() throws Exception
    {
        for (int i = 0; i < EVENTS_PER_OP; i++)
        {
            final long sequence = ring.next();
            final DepthEvent event = ring.get(sequence);
            event.instrumentId = i % BOOKS;
            event.kind = DepthEvent.KIND_DELTA;
            event.outcome = DepthEvent.OUTCOME_APPLIED;
            event.partIndex = 0;
            event.partCount = 1;
            event.snapshotSlot = -1;
            event.invalidationReason = 0;
            event.lastUpdateId = ++updateId;
            event.receiveEpochNs = updateId;
            event.levelCount = levels;
            for (int l = 0; l < levels; l++)
            {
                final boolean bid = l % 2 == 0;
                event.sides[l] = bid ? DepthMessage.BID : DepthMessage.ASK;
                event.prices[l] = bid ? 10_000_000_000L - l * 1_000_000L : 10_001_000_000L + l * 1_000_000L;
                event.quantities[l] = 100_000_000L + (updateId & 0xFF);
            }
            ring.publish(sequence);
        }
        final int work = agent.doWork();
        while (subscription.poll(drain, 256) > 0)
        {
            Thread.onSpinWait();
        }
        return work;
    }

    @TearDown
    public void tearDown()
    {
        agent.onClose();
        CloseHelper.closeAll(subscription, connection, counters);
        IoUtil.delete(runDir, true);
    }
}
