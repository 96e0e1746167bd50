package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;
import org.java_websocket.WebSocket;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulator's one generator thread: owns every {@link SimBook}, every session's subscriptions and
 * all sending of depth frames, which the venue's {@link SimWire} encodes. Other threads talk to it only
 * through its command queue.
 *
 * <p>At a fixed rate, diffs are due every {@code 1e9 / rate} ns by the nanosecond clock, symbols taken
 * round-robin; a late cycle catches up in bursts, a backlog beyond {@link #MAX_LAG_NS} is dropped.
 * Books move whether or not anyone listens. At {@link SimulatorConfig#RATE_MAX} the next symbol's diff
 * waits until each of its subscribers has fewer than the high-watermark frames queued, and nothing is
 * generated while there are no subscriptions. At a fixed rate a connection with more than the
 * max-queued frames unsent is dropped as a slow consumer, so no client can grow the heap unbounded.
 * {@link SimFaults} act on delivery only: a withheld diff has still moved its book.
 */
final class SimGeneratorAgent implements Agent
{
    static final long MAX_LAG_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int COMMAND_LIMIT = 64;
    private static final int MAX_BURST = 1_024;
    private static final long WRITE_CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long TIMER_INTERVAL_MS = 10;

    private final SimBook[] books;
    private final SimSubscriptions subscriptions;
    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final NanoClock nanoClock;
    private final EpochClock epochClock;
    private final long ratePerSecond;
    private final long intervalNs;
    private final long intervalRemainder;
    private final SimFrameSender sender;
    private final SimWire wire;
    private final SimDiffObserver diffObserver;
    private final DepthMessage diff = new DepthMessage(SimBook.MAX_DIFF_LEVELS);

    private final AtomicLong depthMessagesGenerated = new AtomicLong();
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final AtomicInteger subscriptionsOpen = new AtomicInteger();
    private volatile boolean terminated;

    private long generatedCount;
    private long nextDueNs;
    private long remainderAccumulator;
    private int nextSymbol;
    private boolean paused;
    private long nowMs;
    private long nextWriteCheckNs;
    private long nextTimerMs;

    SimGeneratorAgent(
        final SimulatorConfig config, final SimFaults faults, final NanoClock nanoClock, final EpochClock epochClock)
    {
        final int symbolCount = config.symbolCount();
        this.books = new SimBook[symbolCount];
        for (int i = 0; i < symbolCount; i++)
        {
            books[i] = SimBook.create(i, config.seed(), config.levelsPerSide());
        }
        this.subscriptions = new SimSubscriptions(symbolCount);
        this.nanoClock = nanoClock;
        this.epochClock = epochClock;
        this.ratePerSecond = config.ratePerSecond();
        this.intervalNs = ratePerSecond == SimulatorConfig.RATE_MAX ? 0 : TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.intervalRemainder = ratePerSecond == SimulatorConfig.RATE_MAX ? 0 :
            TimeUnit.SECONDS.toNanos(1) % ratePerSecond;
        this.sender = new SimFrameSender(subscriptions, faults, config.highWatermarkFrames(), config.maxQueuedFrames());
        this.wire = SimWire.create(config.venue(), SimSymbols.forVenue(config.venue(), symbolCount, config.mixedPrecision()), books,
            subscriptions, sender, faults);
        this.diffObserver = config.diffObserver();
    }

    public String roleName()
    {
        return "fathom-sim-generator";
    }

    public void onStart()
    {
        nextDueNs = nanoClock.nanoTime();
    }

    public int doWork()
    {
        final long nowNs = nanoClock.nanoTime();
        nowMs = epochClock.time();
        sender.nowMs(nowMs);
        int workCount = drainCommands(COMMAND_LIMIT);
        if (!paused)
        {
            workCount += ratePerSecond == SimulatorConfig.RATE_MAX ? generateAsReadable(nowNs) : generatePaced(nowNs);
        }
        if (nowNs - nextWriteCheckNs >= 0)
        {
            nextWriteCheckNs = nowNs + WRITE_CHECK_INTERVAL_NS;
            workCount += sender.rearmStrandedWrites();
        }
        if (nowMs - nextTimerMs >= 0)
        {
            nextTimerMs = nowMs + TIMER_INTERVAL_MS;
            workCount += wire.onTimer(nowMs);
        }
        return workCount;
    }

    /** Runs the commands still queued so no caller waits on a future that will never complete. */
    public void onClose()
    {
        terminated = true;
        drainCommands(Integer.MAX_VALUE);
    }

    /**
     * Sets how to ask the server to write a connection's queued frames; call before the agent starts.
     */
    void writeDemand(final Consumer<WebSocket> writeDemand)
    {
        sender.writeDemand(writeDemand);
    }

    /** The venue's wire; its {@code route} and {@code parse} are for WebSocket threads. */
    SimWire wire()
    {
        return wire;
    }

    /**
     * @return false when the agent has terminated and will not run {@code command}.
     */
    boolean submit(final Runnable command)
    {
        return !terminated && commands.offer(command);
    }

    long depthMessagesGenerated()
    {
        return depthMessagesGenerated.get();
    }

    long framesSent()
    {
        return sender.framesSent();
    }

    long slowConsumersDropped()
    {
        return sender.slowConsumersDropped();
    }

    int connectionsOpen()
    {
        return connectionsOpen.get();
    }

    int subscriptions()
    {
        return subscriptionsOpen.get();
    }

    /** Generator thread: a new connection and the streams its URL named. */
    void onOpen(final SimSession session)
    {
        if (session.registered() || session.dropped())
        {
            return;
        }
        session.registered(true);
        session.lastSentMs(nowMs);
        subscriptions.add(session);
        wire.onOpen(session);
        publishSubscriptions();
    }

    /** Generator thread: a connection went away; a close that overtook its open keeps it out. */
    void onClosed(final SimSession session)
    {
        session.markDropped();
        if (!session.registered())
        {
            return;
        }
        session.registered(false);
        subscriptions.remove(session);
        publishSubscriptions();
    }

    /** Generator thread: applies what a client's frame asked for and answers it. */
    void onControl(final SimSession session, final SimControl control)
    {
        if (!session.registered())
        {
            return;
        }
        control.apply(session);
        publishSubscriptions();
    }

    /**
     * Generator thread: the venue's REST snapshot body of the top {@code limit} levels of a book, null when
     * the venue has none.
     */
    void onSnapshot(final int symbolIndex, final int limit, final CompletableFuture<byte[]> result)
    {
        result.complete(wire.restSnapshot(symbolIndex, limit, nowMs));
    }

    /** Generator thread: stops or restarts generation; a restart schedules the next diff from now. */
    void onPause(final boolean pause, final CompletableFuture<Void> done)
    {
        if (paused && !pause)
        {
            nextDueNs = nanoClock.nanoTime();
            remainderAccumulator = 0;
        }
        paused = pause;
        done.complete(null);
    }

    private int drainCommands(final int limit)
    {
        int count = 0;
        Runnable command;
        while (count < limit && null != (command = commands.poll()))
        {
            command.run();
            count++;
        }
        return count;
    }

    private int generatePaced(final long nowNs)
    {
        if (nowNs - nextDueNs > MAX_LAG_NS)
        {
            nextDueNs = nowNs;
            remainderAccumulator = 0;
        }
        int count = 0;
        while (count < MAX_BURST && nextDueNs - nowNs <= 0)
        {
            emit(nextSymbol(), nextDueNs);
            nextDueNs += intervalNs;
            remainderAccumulator += intervalRemainder;
            if (remainderAccumulator >= ratePerSecond)
            {
                remainderAccumulator -= ratePerSecond;
                nextDueNs++;
            }
            count++;
        }
        publishCounters();
        return count;
    }

    private int generateAsReadable(final long nowNs)
    {
        if (subscriptions.subscriptionCount() == 0)
        {
            return 0;
        }
        int count = 0;
        while (count < MAX_BURST && sender.hasRoom(nextSymbol))
        {
            emit(nextSymbol(), nowNs);
            count++;
        }
        publishCounters();
        return count;
    }

    private int nextSymbol()
    {
        final int symbolIndex = nextSymbol;
        nextSymbol = symbolIndex + 1 == books.length ? 0 : symbolIndex + 1;
        return symbolIndex;
    }

    private void emit(final int symbolIndex, final long dueNs)
    {
        final SimBook book = books[symbolIndex];
        wire.beforeDiff(symbolIndex, book);
        book.nextDiff(diff);
        diff.eventTimeMs(nowMs);
        generatedCount++;
        diffObserver.onDiff(symbolIndex, diff.firstUpdateId(), diff.lastUpdateId(), dueNs);
        wire.publish(symbolIndex, diff, book);
    }

    private void publishCounters()
    {
        depthMessagesGenerated.lazySet(generatedCount);
        sender.publishCounters();
    }

    private void publishSubscriptions()
    {
        connectionsOpen.lazySet(subscriptions.openCount());
        subscriptionsOpen.lazySet(subscriptions.subscriptionCount());
    }
}
