package io.fathom.engine.feed;

import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a client opening or closing means for its connection and feeds: an open connection subscribes and
 * its feeds await snapshots; a lost one backs off and reconnects, gives up, or closes; a replacement takes
 * over or is dropped; a retired client lets its successor subscribe. Holds no state of its own beyond the
 * backoff policy: the {@link ConnectionSlot} checks and makes each transition. Supervisor thread only.
 */
final class ConnectionEvents
{
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final Connections connections;
    private final FeedLifecycle feeds;
    private final FeedCancellation cancellation;
    private final ConnectionLimits limits;
    private final EngineCounters counters;
    private final ConnectionBudget budget;
    private final Backoff backoff;
    private final AtomicCounter connectionsOpen;
    private final AtomicCounter rotations;

    ConnectionEvents(
        final Connections connections, final FeedLifecycle feeds, final FeedCancellation cancellation,
        final ConnectionLimits limits, final EngineCounters counters)
    {
        this.connections = connections;
        this.feeds = feeds;
        this.cancellation = cancellation;
        this.limits = limits;
        this.counters = counters;
        this.budget = connections.budget();
        this.backoff = new Backoff(limits.backoffBaseNs(), limits.backoffCapNs());
        this.connectionsOpen = counters.get(SystemCounter.CONNECTIONS_OPEN);
        this.rotations = counters.get(SystemCounter.ROTATIONS);
    }

    /** A client of {@code slot} opened ({@code open}) or closed (with {@code cause}); a stale client's notice is ignored. */
    void onNotice(
        final ConnectionSlot slot, final FeedConnection connection, final boolean open, final String cause, final long nowNs)
    {
        if (connection == slot.rotation().retiring())
        {
            onRetired(slot);
        }
        else if (connection == slot.rotation().replacement())
        {
            onReplacementNotice(slot, connection, open, cause, nowNs);
        }
        else if (connection == slot.client())
        {
            if (open)
            {
                onClientOpened(slot, nowNs);
            }
            else
            {
                onClientClosed(slot, connection, cause, nowNs);
            }
        }
    }

    private void onClientOpened(final ConnectionSlot slot, final long nowNs)
    {
        budget.onConnectEnded();
        connectionsOpen.increment();
        if (slot.onOpened(nowNs))
        {
            slot.pacer().subscribeAll(slot.client(), slot.feeds().subscribedSymbols(feeds.instruments()));
            slot.feeds().forEachSubscribed(feeds::connected);
        }
    }

    private void onReplacementNotice(
        final ConnectionSlot slot, final FeedConnection replacement, final boolean open, final String cause, final long nowNs)
    {
        if (open)
        {
            budget.onConnectEnded();
            final FeedConnection old = slot.onReplacementOpened(nowNs);
            if (old != null)
            {
                rotations.increment();
                LOG.info("connection {} replaced before its maximum lifetime", slot.id);
                old.close();
            }
            return;
        }
        if (!slot.rotation().hasOpened())
        {
            budget.onConnectEnded();
            if (!connections.isClosing())
            {
                counters.recordError(new ConnectionFailedException(replacement.failureText(false, cause)));
            }
        }
        slot.onReplacementClosed(nowNs + limits.backoffBaseNs());
        LOG.warn("replacement of connection {} failed ({}); the current one stays", slot.id, cause);
        feeds.checkClosed(slot.group); // a closing connection's replacement may be the group's last socket
    }

    /**
     * The rotated-out connection has delivered its last frame: only now do the frames its replacement held go
     * on, and only now does the replacement of a snapshot-on-subscribe venue subscribe, so no frame of the old
     * connection can follow newer ones (or the new snapshots) on the ring.
     */
    private void onRetired(final ConnectionSlot slot)
    {
        if (slot.client() != null)
        {
            slot.client().heldFrames().release();
        }
        if (slot.onRetired())
        {
            slot.pacer().subscribeAll(slot.client(), slot.feeds().subscribedSymbols(feeds.instruments()));
        }
    }

    private void onClientClosed(final ConnectionSlot slot, final FeedConnection client, final String cause, final long nowNs)
    {
        final boolean opened = slot.hasOpened();
        if (opened)
        {
            connectionsOpen.decrement();
        }
        else
        {
            budget.onConnectEnded();
        }
        final boolean shuttingDown = connections.isClosing();
        final ConnectionSlot.Loss loss = slot.onClosed(shuttingDown, limits.maxConnectAttempts());
        slot.feeds().forEachSubscribed(feeds::reset);
        if (loss == ConnectionSlot.Loss.RETRY || loss == ConnectionSlot.Loss.GIVE_UP)
        {
            // a venue that drops an open connection (a slow-consumer close, a reset) is as much the operator's
            // business as one that cannot be reached
            counters.recordError(new ConnectionFailedException(client.failureText(opened, cause)));
        }
        switch (loss)
        {
            case RELEASED:
                // Its feeds ended while this socket was held, so the group cannot have closed yet: it may now.
                feeds.checkClosed(slot.group);
                break;
            case CLOSE:
                // Closing its last live feed checks the group; checking again after that could see a group a
                // caller has just relaunched (FeedGroup.reset) and cancel its new start.
                connections.closeSlot(slot, shuttingDown ? "shutdown" : "cancelled");
                break;
            case GIVE_UP:
                giveUp(slot, cause);
                break;
            default:
                final long delayNs = slot.scheduleReconnect(nowNs, backoff);
                final String reason = cause + "; reconnecting in " + TimeUnit.NANOSECONDS.toMillis(delayNs) + " ms";
                slot.feeds().forEachSubscribed(id -> feeds.table().transition(id, FeedState.BACKOFF, reason));
        }
    }

    /**
     * The distinct-error log's record of a failed connection attempt or of an open connection lost: one entry per
     * distinct cause, no stack trace.
     */
    static final class ConnectionFailedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        ConnectionFailedException(final String message)
        {
            super(message, null, false, false);
        }
    }

    private void giveUp(final ConnectionSlot slot, final String cause)
    {
        slot.onFailed();
        final String reason = cause + "; gave up after " + slot.attempts() + " attempts";
        LOG.error("connection {} failed: {}", slot.id, reason);
        counters.recordError(new IllegalStateException("connection failed: " + reason));
        final List<Integer> failed = new ArrayList<>();
        slot.feeds().forEachSubscribed(failed::add);
        for (final int id : failed)
        {
            final FeedGroup failing = feeds.fail(id, reason);
            if (failing != null)
            {
                cancellation.failGroup(failing);
            }
        }
    }
}
