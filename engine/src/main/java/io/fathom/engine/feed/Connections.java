package io.fathom.engine.feed;

import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every connection of a supervisor: made for launched groups, connected and rotated as they come due in
 * the {@link LaunchQueue} within the {@link ConnectionBudget}, moved on by their clients' open and close
 * (which library threads hand over as notices), paced in their control messages, and released. Owns the
 * connections, the launch queue and the notice queue. Supervisor thread, except the
 * {@link FeedConnection.Listener} callbacks, which only queue a notice.
 */
final class Connections implements FeedConnection.Listener
{
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private record Notice(FeedConnection connection, boolean open, String cause)
    {
    }

    private final FeedLifecycle feeds;
    private final InstrumentTable instruments;
    private final String connectionLabel;
    private final String wsBaseUrl;
    private final ConnectionLimits limits;
    private final ConnectionFactory factory;
    private final EngineCounters counters;
    private final AtomicCounter reconnects;
    private final LaunchQueue launches = new LaunchQueue();
    private final SlotServices slotServices;
    private final List<ConnectionSlot> slots = new ArrayList<>();
    private final Int2ObjectHashMap<ConnectionSlot> slotById = new Int2ObjectHashMap<>();
    private final ConnectionSlot[] slotOf;
    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private int nextSlotId;
    private volatile boolean closing;

    Connections(
        final FeedPlan plan, final ConnectionLimits limits, final FeedServices services, final ConnectionFactory factory,
        final FeedLifecycle feeds)
    {
        this.feeds = feeds;
        this.instruments = plan.instruments();
        this.connectionLabel = plan.venue().id() + ":connection-";
        this.wsBaseUrl = plan.wsBaseUrl();
        this.limits = limits;
        this.factory = factory;
        this.counters = services.counters();
        this.reconnects = counters.get(SystemCounter.RECONNECTS);
        this.slotServices = new SlotServices(launches, new ConnectionBudget(limits),
            VenueStreams.forVenue(plan.venue(), plan.venueDepth()), limits.maxConnectionLifetimeNs());
        this.slotOf = new ConnectionSlot[instruments.size()];
    }

    // ---------------------------------------------------------------- library callbacks

    @Override
    public void onOpen(final FeedConnection connection)
    {
        notices.offer(new Notice(connection, true, null));
    }

    @Override
    public void onClosed(final FeedConnection connection, final int code, final String reason, final boolean remote)
    {
        notices.offer(new Notice(connection, false, "connection closed, code " + code + (remote ? " by peer" : "") +
            (reason == null || reason.isEmpty() ? "" : ": " + reason)));
    }

    /** Hands up to {@code limit} queued notices of clients opening and closing to {@code events}; @return how many. */
    int drainNotices(final int limit, final ConnectionEvents events, final long nowNs)
    {
        int handled = 0;
        Notice notice;
        while (handled < limit && (notice = notices.poll()) != null)
        {
            final ConnectionSlot slot = slotById.get(notice.connection().connectionId());
            if (slot != null)
            {
                events.onNotice(slot, notice.connection(), notice.open(), notice.cause(), nowNs);
            }
            handled++;
        }
        return handled;
    }

    // ---------------------------------------------------------------- launching

    /** Puts the group's feeds that are new or ended on new connections, their first connects due now. */
    void launch(final FeedGroup group, final long nowNs)
    {
        final int[] toLaunch = new int[group.instrumentIds().length];
        int count = 0;
        for (final int id : group.instrumentIds())
        {
            final FeedState state = feeds.table().state(id);
            if (state == FeedState.NEW || state.isTerminal())
            {
                toLaunch[count++] = id;
            }
        }
        for (int first = 0; first < count; first += limits.streamsPerConnection())
        {
            final int[] ids = Arrays.copyOfRange(toLaunch, first, Math.min(count, first + limits.streamsPerConnection()));
            final int slotId = nextSlotId++;
            final ConnectionSlot slot = new ConnectionSlot(slotId, group, ids,
                ConnectionCounters.allocate(counters, connectionLabel + slotId + " "), slotServices);
            slots.add(slot);
            slotById.put(slotId, slot);
            for (final int id : ids)
            {
                slotOf[id] = slot;
                feeds.launch(id, group, slotId);
            }
            slot.scheduleConnect(nowNs);
        }
        feeds.groups().armDeadline(group, nowNs);
        LOG.info("feed group {} launching: {} feeds", group.name(), count);
        feeds.checkStarted(group);
    }

    /**
     * Connects, or opens replacements for, the connections that are due, earliest first, while the budget
     * allows: only the head of the launch queue is looked at, so the cost is per launch, not per connection.
     *
     * @return how many were launched.
     */
    int launchDue(final long nowNs)
    {
        final ConnectionBudget budget = slotServices.budget();
        int launched = 0;
        ConnectionSlot slot;
        while (budget.hasRoomInFlight() && (slot = launches.peek()) != null && nowNs - launches.peekDueNs() >= 0)
        {
            if (!budget.tryAcquire(nowNs))
            {
                break;
            }
            if (slot.state() == ConnectionSlot.State.OPEN)
            {
                startReplacement(slot, nowNs);
            }
            else
            {
                connect(slot, nowNs);
            }
            launched++;
        }
        return launched;
    }

    private void connect(final ConnectionSlot slot, final long nowNs)
    {
        final FeedConnection client = newClient(slot);
        final boolean reconnect = slot.connect(client, nowNs + limits.connectTimeoutNs());
        if (reconnect)
        {
            reconnects.increment();
        }
        slotServices.budget().onConnectStarted();
        slot.feeds().forEachSubscribed(id -> feeds.connecting(id, reconnect, slot.attempts()));
        client.connect();
    }

    private void startReplacement(final ConnectionSlot slot, final long nowNs)
    {
        final FeedConnection replacement = newClient(slot);
        replacement.heldFrames().hold();
        slot.startReplacement(replacement, nowNs + limits.connectTimeoutNs());
        slotServices.budget().onConnectStarted();
        LOG.info("connection {} nearing its maximum lifetime: opening its replacement", slot.id);
        replacement.connect();
    }

    private FeedConnection newClient(final ConnectionSlot slot)
    {
        final URI uri = slotServices.streams().connectUri(wsBaseUrl, slot.feeds().subscribedSymbols(instruments));
        return factory.newConnection(slot.id, uri, slot.feeds().instrumentIds(), slot.counters().messages(), this);
    }

    // ---------------------------------------------------------------- timers

    /** Gives up late handshakes and sends the control messages that are due; @return how many things were done. */
    int onTimer(final long nowNs)
    {
        int work = 0;
        for (int i = 0, n = slots.size(); i < n; i++)
        {
            final ConnectionSlot slot = slots.get(i);
            work += abandonLateHandshakes(slot, nowNs);
            if (slot.state() != ConnectionSlot.State.OPEN)
            {
                continue;
            }
            final SubscriptionPacer pacer = slot.pacer();
            if (pacer.isUnsubscribeDue(nowNs))
            {
                pacer.sendUnsubscribe(slot.client(), nowNs);
                slot.feeds().forEachUnsubscribed(id -> feeds.closeIfLive(id, "; unsubscribed", "unsubscribed"));
                work++;
            }
            if (pacer.isPingDue(nowNs))
            {
                pacer.sendPing(slot.client(), nowNs);
                work++;
            }
            if (slot.rotation().retiring() == null && pacer.isResubscribeDue(nowNs))
            {
                LOG.info("connection {}: resubscribed {} for fresh snapshots", slot.id,
                    pacer.sendResubscribe(slot.client(), nowNs));
                work++;
            }
        }
        return work;
    }

    /**
     * The connect timeout covers the whole opening handshake, not only the TCP connect: a peer that accepts
     * the connection and never answers the upgrade would otherwise hold the attempt forever. The abandoned
     * attempt closes, and its close takes the usual path (backoff and retry, or the replacement is dropped).
     */
    private int abandonLateHandshakes(final ConnectionSlot slot, final long nowNs)
    {
        int work = 0;
        if (slot.isHandshakeOverdue(nowNs))
        {
            LOG.warn("connection {}: no WebSocket handshake within {} ms; abandoning the attempt", slot.id,
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()));
            slot.client().abandon("no WebSocket handshake within " +
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()) + " ms");
            work++;
        }
        if (slot.rotation().handshakeOverdue(nowNs))
        {
            LOG.warn("replacement of connection {}: no WebSocket handshake within {} ms; abandoning it", slot.id,
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()));
            slot.rotation().replacement().abandon("no WebSocket handshake within " +
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()) + " ms");
            work++;
        }
        return work;
    }

    /** Forgets the connections that ended and hold no socket, and frees their counters. */
    void prune()
    {
        slots.removeIf(slot ->
        {
            final boolean done = slot.isTerminal() && !slot.holdsSocket();
            if (done)
            {
                slotById.remove(slot.id);
                slot.counters().close();
            }
            return done;
        });
    }

    /** Asks the venue for a feed's snapshot again by resubscribing it, when its connection is OPEN. */
    void resubscribe(final int id)
    {
        final ConnectionSlot slot = slotOf[id];
        if (slot == null || slot.state() != ConnectionSlot.State.OPEN || !slot.feeds().isSubscribed(id) ||
            feeds.table().state(id).isTerminal())
        {
            return;
        }
        slot.pacer().resubscribe(instruments.symbol(id));
    }

    /** The connection carrying a feed in its current (or last) life, or null when it was never launched. */
    ConnectionSlot slotOf(final int instrumentId)
    {
        return slotOf[instrumentId];
    }

    /** Closes the connection (unless it already ended) and ends the life of every feed of it still live. */
    void closeSlot(final ConnectionSlot slot, final String cause)
    {
        if (!slot.isTerminal())
        {
            slot.close();
        }
        for (final int id : slot.feeds().instrumentIds())
        {
            feeds.closeIfLive(id, "; connection closed", cause);
        }
    }

    ConnectionBudget budget()
    {
        return slotServices.budget();
    }

    // ---------------------------------------------------------------- shutdown

    /** From now on a lost client closes its connection instead of reconnecting; safe from any thread. */
    void beginClose()
    {
        closing = true;
    }

    boolean isClosing()
    {
        return closing;
    }

    /** Every client and replacement held; for the owner closing them after this thread has stopped. */
    List<FeedConnection> heldClients()
    {
        final List<FeedConnection> held = new ArrayList<>();
        for (final ConnectionSlot slot : slots)
        {
            if (slot.client() != null)
            {
                held.add(slot.client());
            }
            if (slot.rotation().replacement() != null)
            {
                held.add(slot.rotation().replacement());
            }
        }
        return held;
    }

    /** Closes every connection not yet ended, with its feeds; the last step of shutdown. */
    void closeRemaining()
    {
        for (final ConnectionSlot slot : slots)
        {
            if (!slot.isTerminal())
            {
                closeSlot(slot, "shutdown");
            }
        }
    }

    int connectionCount()
    {
        return slots.size();
    }
}
