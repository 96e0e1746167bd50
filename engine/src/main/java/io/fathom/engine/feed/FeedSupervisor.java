package io.fathom.engine.feed;

import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The control plane of the connections: launches them under a connect-rate limit and a cap on
 * connects in flight, watches their life through callbacks handed to this thread, and reconnects
 * a lost one after an exponential backoff with full jitter, so a mass disconnect spreads out
 * instead of returning as a herd. Books of a lost connection are invalidated through the ring.
 */
public final class FeedSupervisor implements Agent, FeedConnection.Listener
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedSupervisor.class);

    /** Where one connection is in its life. */
    public enum ConnectionState
    {
        NEW, CONNECTING, LIVE, BACKOFF, CLOSED, FAILED
    }

    /** One connection's fixed description: where it goes and which instruments it carries. */
    public record ConnectionSpec(URI uri, int[] instrumentIds)
    {
    }

    private record Notice(FeedConnection connection, boolean open, String cause)
    {
    }

    private final ConnectionSpec[] specs;
    private final ConnectionState[] states;
    private final FeedConnection[] clients;
    private final int[] attempts;
    private final long[] nextAttemptNs;
    private final BiFunction<Integer, ConnectionSpec, FeedConnection> factory;
    private final DepthPublisher resetPublisher;
    private final RateLimiter connectLimiter;
    private final int maxConnectsInFlight;
    private final long backoffBaseNs;
    private final long backoffCapNs;
    private final int maxAttempts;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final AtomicCounter connectionsOpen;
    private final AtomicCounter reconnects;
    private int connectsInFlight;
    private volatile boolean closing;

    public FeedSupervisor(
        final List<ConnectionSpec> specs,
        final BiFunction<Integer, ConnectionSpec, FeedConnection> factory,
        final DepthPublisher resetPublisher,
        final RateLimiter connectLimiter,
        final int maxConnectsInFlight,
        final long backoffBaseNs,
        final long backoffCapNs,
        final int maxAttempts,
        final EngineCounters counters,
        final NanoClock clock,
        final EpochNanoClock epochClock)
    {
        this.specs = specs.toArray(new ConnectionSpec[0]);
        this.states = new ConnectionState[this.specs.length];
        this.clients = new FeedConnection[this.specs.length];
        this.attempts = new int[this.specs.length];
        this.nextAttemptNs = new long[this.specs.length];
        java.util.Arrays.fill(states, ConnectionState.NEW);
        this.factory = factory;
        this.resetPublisher = resetPublisher;
        this.connectLimiter = connectLimiter;
        this.maxConnectsInFlight = maxConnectsInFlight;
        this.backoffBaseNs = backoffBaseNs;
        this.backoffCapNs = backoffCapNs;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.epochClock = epochClock;
        this.connectionsOpen = counters.get(SystemCounter.CONNECTIONS_OPEN);
        this.reconnects = counters.get(SystemCounter.RECONNECTS);
    }

    @Override
    public void onOpen(final FeedConnection connection)
    {
        notices.offer(new Notice(connection, true, null));
    }

    @Override
    public void onClosed(final FeedConnection connection, final int code, final String reason, final boolean remote)
    {
        notices.offer(new Notice(connection, false, "code " + code + (remote ? " by peer" : "") +
            (reason == null || reason.isEmpty() ? "" : ": " + reason)));
    }

    @Override
    public int doWork()
    {
        int work = 0;
        Notice notice;
        while ((notice = notices.poll()) != null)
        {
            onNotice(notice);
            work++;
        }
        if (closing)
        {
            return work;
        }
        final long nowNs = clock.nanoTime();
        for (int i = 0; i < specs.length && connectsInFlight < maxConnectsInFlight; i++)
        {
            final ConnectionState state = states[i];
            if ((state == ConnectionState.NEW || state == ConnectionState.BACKOFF) &&
                nowNs - nextAttemptNs[i] >= 0 && connectLimiter.tryAcquire(nowNs))
            {
                launch(i);
                work++;
            }
        }
        return work;
    }

    private void launch(final int index)
    {
        if (attempts[index] > 0)
        {
            reconnects.increment();
        }
        attempts[index]++;
        final FeedConnection client = factory.apply(index, specs[index]);
        clients[index] = client;
        states[index] = ConnectionState.CONNECTING;
        connectsInFlight++;
        client.connect();
    }

    private void onNotice(final Notice notice)
    {
        final int index = notice.connection().connectionId();
        if (clients[index] != notice.connection())
        {
            return;
        }
        if (notice.open())
        {
            connectsInFlight--;
            states[index] = ConnectionState.LIVE;
            attempts[index] = 0;
            connectionsOpen.increment();
            LOG.info("connection {} live: {} streams", index, specs[index].instrumentIds().length);
            return;
        }

        if (states[index] == ConnectionState.CONNECTING)
        {
            connectsInFlight--;
        }
        else if (states[index] == ConnectionState.LIVE)
        {
            connectionsOpen.decrement();
        }
        final long nowNanos = System.nanoTime();
        for (final int instrumentId : specs[index].instrumentIds())
        {
            resetPublisher.publishReset(instrumentId, nowNanos, epochClock.nanoTime());
        }
        if (closing)
        {
            states[index] = ConnectionState.CLOSED;
            return;
        }
        if (attempts[index] >= maxAttempts)
        {
            states[index] = ConnectionState.FAILED;
            LOG.error("connection {} failed after {} attempts: {}", index, attempts[index], notice.cause());
            return;
        }
        final long ceilingNs = Math.min(backoffCapNs, backoffBaseNs << Math.min(attempts[index], 30));
        final long delayNs = ThreadLocalRandom.current().nextLong(ceilingNs + 1);
        nextAttemptNs[index] = clock.nanoTime() + delayNs;
        states[index] = ConnectionState.BACKOFF;
        LOG.warn("connection {} lost ({}); reconnecting in {} ms", index, notice.cause(), delayNs / 1_000_000);
    }

    public ConnectionState state(final int index)
    {
        return states[index];
    }

    public int connectionCount()
    {
        return specs.length;
    }

    /**
     * Stops launching and closes every socket, waiting for each read thread to finish delivering.
     * Call after this agent's thread has stopped.
     *
     * @return true when every connection closed by the deadline.
     */
    public boolean closeAll(final long deadlineNs)
    {
        closing = true;
        for (final FeedConnection client : clients)
        {
            if (client != null)
            {
                client.close();
            }
        }
        boolean allClosed = true;
        for (final FeedConnection client : clients)
        {
            if (client == null)
            {
                continue;
            }
            final long remainingNs = deadlineNs - clock.nanoTime();
            try
            {
                client.closeFuture().get(Math.max(0, remainingNs), TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                allClosed = false;
            }
            catch (final Exception ex)
            {
                allClosed = false;
                client.getConnection().closeConnection(1006, "shutdown deadline");
            }
        }
        Notice notice;
        while ((notice = notices.poll()) != null)
        {
            onNotice(notice);
        }
        return allClosed;
    }

    /** Marks the supervisor as closing so no new connection is launched. */
    public void beginClose()
    {
        closing = true;
    }

    @Override
    public String roleName()
    {
        return "feed-supervisor";
    }
}
