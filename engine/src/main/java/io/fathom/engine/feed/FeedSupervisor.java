package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.CountersFile;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The control plane of every feed and connection, on one thread. Launches connections under a
 * connect-rate limit, a cap on connects in flight and a cap on open connections; follows each
 * feed's state from connection callbacks and book-handler news handed to this thread; reconnects
 * with exponential backoff and full jitter; reports stale feeds; replaces connections before the
 * venue's maximum lifetime, make-before-break; cancels feeds, groups or everything.
 *
 * <p>Other threads act through {@link #launch}, {@link #cancel} and {@link #cancelFeed}, which
 * queue commands for this thread. Nothing reconnects from a library callback.
 */
public final class FeedSupervisor implements Agent, FeedConnection.Listener
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedSupervisor.class);
    private static final long TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Binance accepts at most 5 incoming messages a second per connection. */
    private static final long CONTROL_MESSAGE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    /** What the supervisor needs to know; see {@code EngineConfig} for meanings and defaults. */
    public record Limits(
        int streamsPerConnection,
        RateLimiter connectLimiter,
        int maxConnectsInFlight,
        int maxConnections,
        long backoffBaseNs,
        long backoffCapNs,
        int maxConnectAttempts,
        long staleAfterNs,
        long maxConnectionLifetimeNs,
        long connectTimeoutNs)
    {
    }

    /** Makes the client for one connection attempt. */
    @FunctionalInterface
    public interface ConnectionFactory
    {
        FeedConnection newConnection(
            int slotId, URI uri, int[] instrumentIds, AtomicCounter messages, FeedConnection.Listener listener);
    }

    private record Notice(FeedConnection connection, boolean open, String cause)
    {
    }

    private final InstrumentTable instruments;
    private final FeedActivity activity;
    private final FeedTable feeds;
    private final Backoff backoff;
    /** Records every feed transition; owned by this agent's thread, then by whoever calls closeAll. */
    private final io.fathom.engine.journal.JournalWriter journal;
    private final String venue;
    private final VenueStreams streams;
    private final String wsBaseUrl;
    private final Limits limits;
    private final ConnectionFactory factory;
    private final DepthPublisher controlPublisher;
    private final BookStateEvents bookEvents = new BookStateEvents();
    private final MessageHandler bookEventHandler = this::onBookEvent;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final FeedGroups groups;
    private final List<ConnectionSlot> slots = new ArrayList<>();
    private final ConnectionSlot[] slotOf;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final AtomicCounter connectionsOpen;
    private final AtomicCounter reconnects;
    private final AtomicCounter rotations;
    private final AtomicCounter staleFeeds;
    private final AtomicCounter feedFailures;
    private final EngineCounters counters;
    private int connectsInFlight;
    private int nextSlotId;
    private long nextTimerNs;
    private volatile boolean closing;

    public FeedSupervisor(
        final InstrumentTable instruments,
        final FeedActivity activity,
        final List<FeedGroupSpec> groupSpecs,
        final Venue venue,
        final int venueDepth,
        final String wsBaseUrl,
        final Limits limits,
        final ConnectionFactory factory,
        final DepthPublisher controlPublisher,
        final FeedListener listener,
        final io.fathom.engine.journal.JournalWriter journal,
        final EngineCounters counters,
        final NanoClock clock,
        final EpochNanoClock epochClock)
    {
        this.journal = journal;
        this.instruments = instruments;
        this.activity = activity;
        this.feeds = new FeedTable(instruments, listener, activity.counters(), journal,
            counters.get(SystemCounter.JOURNAL_RECORDS), epochClock, clock);
        this.venue = venue.id();
        this.streams = VenueStreams.forVenue(venue, venueDepth);
        this.wsBaseUrl = wsBaseUrl;
        this.limits = limits;
        this.backoff = new Backoff(limits.backoffBaseNs(), limits.backoffCapNs());
        this.factory = factory;
        this.controlPublisher = controlPublisher;
        this.clock = clock;
        this.epochClock = epochClock;
        this.slotOf = new ConnectionSlot[instruments.size()];
        this.groups = new FeedGroups(groupSpecs, instruments);
        this.connectionsOpen = counters.get(SystemCounter.CONNECTIONS_OPEN);
        this.reconnects = counters.get(SystemCounter.RECONNECTS);
        this.rotations = counters.get(SystemCounter.ROTATIONS);
        this.staleFeeds = counters.get(SystemCounter.STALE_FEEDS);
        this.feedFailures = counters.get(SystemCounter.FEED_FAILURES);
        this.counters = counters;
    }

    /** Where the book handler reports books becoming valid or invalid. */
    public io.fathom.engine.book.BookStateListener bookStateListener()
    {
        return bookEvents;
    }

    // ---------------------------------------------------------------- API for other threads

    /** Launches (or relaunches) a configured group; its {@link FeedGroup#started()} tells when it is up. */
    public FeedGroup launch(final String groupName)
    {
        final FeedGroup group = groups.require(groupName);
        group.reset();
        commands.offer(() -> onLaunch(group));
        return group;
    }

    /** Cancels every feed of a group; completes when their sockets are released. */
    public CompletableFuture<FeedGroup> cancel(final String groupName)
    {
        final FeedGroup group = groups.require(groupName);
        final CompletableFuture<FeedGroup> done = new CompletableFuture<>();
        commands.offer(() ->
        {
            cancelGroup(group, "cancelled");
            group.closed().whenComplete((g, ex) -> done.complete(group));
        });
        return done;
    }

    /** Cancels one feed: unsubscribes it, or closes its connection when it was the last stream on it. */
    public CompletableFuture<String> cancelFeed(final String symbol)
    {
        final int id = instruments.lookup(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("unknown symbol: " + symbol);
        }
        final CompletableFuture<String> done = new CompletableFuture<>();
        commands.offer(() ->
        {
            cancelFeedInternal(id, "cancelled");
            feeds.closeFuture(id).whenComplete((s, ex) -> done.complete(instruments.symbol(id)));
        });
        return done;
    }

    public FeedGroup group(final String name)
    {
        return groups.require(name);
    }

    public List<String> groupNames()
    {
        return groups.names();
    }

    /** Completes when the feed's current life ends (CLOSED or FAILED) and its resources are released. */
    public CompletableFuture<String> closeFuture(final String symbol)
    {
        final int id = instruments.lookup(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("unknown symbol: " + symbol);
        }
        return feeds.closeFuture(id);
    }

    /**
     * Asks the venue to send an instrument's snapshot again by unsubscribing and resubscribing it on its
     * connection (venues whose snapshots arrive on the stream). Safe from any thread; requests are batched
     * per connection and paced like other control messages.
     */
    public void resubscribe(final int instrumentId)
    {
        commands.offer(() -> onResubscribe(instrumentId));
    }

    public FeedState feedState(final String symbol)
    {
        return feeds.state(instruments.lookup(symbol));
    }

    /** Feeds per state, kept up to date on every transition (never by scanning). */
    public int[] feedsByState()
    {
        return feeds.countsByState();
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

    // ---------------------------------------------------------------- duty cycle

    @Override
    public void onStart()
    {
        journal.handOver();
        for (final FeedGroup group : groups.all())
        {
            if (group.spec().launchAtStart())
            {
                group.reset();
                onLaunch(group);
            }
        }
    }

    @Override
    public int doWork()
    {
        int work = 0;
        Runnable command;
        while ((command = commands.poll()) != null)
        {
            command.run();
            work++;
        }
        Notice notice;
        while ((notice = notices.poll()) != null)
        {
            onNotice(notice);
            work++;
        }
        work += bookEvents.drain(bookEventHandler);
        if (closing)
        {
            return work;
        }
        final long nowNs = clock.nanoTime();
        work += launchDue(nowNs);
        if (nowNs - nextTimerNs >= 0)
        {
            nextTimerNs = nowNs + TIMER_INTERVAL_NS;
            work += onTimer(nowNs);
        }
        return work;
    }

    private void onLaunch(final FeedGroup group)
    {
        final List<Integer> toLaunch = new ArrayList<>();
        for (final int id : group.instrumentIds())
        {
            final FeedState state = feeds.state(id);
            if (state == FeedState.NEW || state.isTerminal())
            {
                toLaunch.add(id);
            }
        }
        final long nowNs = clock.nanoTime();
        for (int first = 0; first < toLaunch.size(); first += limits.streamsPerConnection())
        {
            final int count = Math.min(limits.streamsPerConnection(), toLaunch.size() - first);
            final int[] ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = toLaunch.get(first + i);
            }
            final ConnectionSlot slot = new ConnectionSlot(nextSlotId++, group, ids);
            final String label = venue + ":connection-" + slot.id + " ";
            slot.stateCounter = counters.newCounter(CountersFile.CONNECTION_STATE_TYPE, label + "state");
            slot.messagesCounter = counters.newCounter(CountersFile.CONNECTION_MESSAGES_TYPE, label + "messages");
            slot.reconnectsCounter = counters.newCounter(CountersFile.CONNECTION_RECONNECTS_TYPE, label + "reconnects");
            slot.nextAttemptNs = nowNs;
            slots.add(slot);
            for (final int id : ids)
            {
                slotOf[id] = slot;
                feeds.relaunch(id, group, slot.id);
                activity.active(id, true);
                controlPublisher.publishControl(DepthEvent.KIND_OPEN, id, System.nanoTime(), epochClock.nanoTime());
            }
        }
        groups.armDeadline(group, nowNs);
        LOG.info("feed group {} launching: {} feeds", group.name(), toLaunch.size());
        checkGroupStarted(group);
    }

    private int launchDue(final long nowNs)
    {
        int launched = 0;
        for (int i = 0, n = slots.size(); i < n && connectsInFlight < limits.maxConnectsInFlight(); i++)
        {
            final ConnectionSlot slot = slots.get(i);
            final boolean due = (slot.state == ConnectionSlot.State.PENDING || slot.state == ConnectionSlot.State.BACKOFF) &&
                nowNs - slot.nextAttemptNs >= 0;
            final boolean rotate = slot.state == ConnectionSlot.State.OPEN && slot.replacement == null &&
                nowNs - slot.rotateAtNs >= 0;
            if ((due || rotate) && openConnections() < limits.maxConnections() && limits.connectLimiter().tryAcquire(nowNs))
            {
                if (due)
                {
                    connect(slot);
                }
                else
                {
                    startReplacement(slot);
                }
                launched++;
            }
        }
        return launched;
    }

    private int openConnections()
    {
        int open = connectsInFlight;
        for (final ConnectionSlot slot : slots)
        {
            open += slot.state == ConnectionSlot.State.OPEN ? 1 : 0;
        }
        return open;
    }

    private void connect(final ConnectionSlot slot)
    {
        if (slot.attempts > 0 || slot.lost)
        {
            reconnects.increment();
            slot.reconnectsCounter.increment();
        }
        slot.attempts++;
        slot.client = factory.newConnection(slot.id, streamUri(slot), slot.instrumentIds, slot.messagesCounter, this);
        slot.connectDeadlineNs = clock.nanoTime() + limits.connectTimeoutNs();
        slot.state(ConnectionSlot.State.CONNECTING);
        connectsInFlight++;
        final boolean reconnect = slot.attempts > 1 || slot.lost;
        forEachSubscribed(slot, id ->
        {
            if (reconnect)
            {
                activity.counters().onReconnect(id);
            }
            feeds.transition(id, FeedState.CONNECTING, slot.attempts == 1 ? "connecting" : "reconnecting, attempt " + slot.attempts);
        });
        slot.client.connect();
    }

    private void startReplacement(final ConnectionSlot slot)
    {
        slot.replacement = factory.newConnection(slot.id, streamUri(slot), slot.instrumentIds, slot.messagesCounter, this);
        slot.replacementDeadlineNs = clock.nanoTime() + limits.connectTimeoutNs();
        connectsInFlight++;
        LOG.info("connection {} nearing its maximum lifetime: opening its replacement", slot.id);
        slot.replacement.connect();
    }

    private URI streamUri(final ConnectionSlot slot)
    {
        return streams.connectUri(wsBaseUrl, subscribedSymbols(slot));
    }

    private List<String> subscribedSymbols(final ConnectionSlot slot)
    {
        final List<String> symbols = new ArrayList<>(slot.instrumentIds.length);
        for (int i = 0; i < slot.instrumentIds.length; i++)
        {
            if (slot.subscribed[i])
            {
                symbols.add(instruments.symbol(slot.instrumentIds[i]));
            }
        }
        return symbols;
    }

    /** Sends the subscribe messages of a venue that subscribes by message, for every feed the slot carries. */
    private void subscribeAll(final ConnectionSlot slot, final FeedConnection connection)
    {
        final List<String> symbols = subscribedSymbols(slot);
        if (symbols.isEmpty())
        {
            return;
        }
        send(connection, streams.subscribe(symbols, slot.nextRequestId++));
        slot.pendingResubscribe.clear();
    }

    private static void send(final FeedConnection connection, final List<String> messages)
    {
        if (connection == null || !connection.isOpen())
        {
            return;
        }
        for (final String message : messages)
        {
            connection.send(message);
        }
    }

    private void onResubscribe(final int id)
    {
        final ConnectionSlot slot = slotOf[id];
        if (slot == null || slot.state != ConnectionSlot.State.OPEN || !slot.subscribed[indexOf(slot, id)] ||
            feeds.state(id).isTerminal())
        {
            return;
        }
        final String symbol = instruments.symbol(id);
        if (!slot.pendingResubscribe.contains(symbol))
        {
            slot.pendingResubscribe.add(symbol);
        }
    }

    private void sendResubscribe(final ConnectionSlot slot, final long nowNs)
    {
        final List<String> symbols = new ArrayList<>(slot.pendingResubscribe);
        slot.pendingResubscribe.clear();
        send(slot.client, streams.unsubscribe(symbols, slot.nextRequestId++));
        send(slot.client, streams.resubscribe(symbols, slot.nextRequestId++));
        slot.nextControlMessageNs = nowNs + CONTROL_MESSAGE_INTERVAL_NS;
        LOG.info("connection {}: resubscribed {} for fresh snapshots", slot.id, symbols);
    }

    private void onNotice(final Notice notice)
    {
        final ConnectionSlot slot = slotFor(notice.connection());
        if (slot == null)
        {
            return;
        }
        final FeedConnection connection = notice.connection();
        if (notice.open())
        {
            connectsInFlight--;
            if (connection == slot.replacement)
            {
                completeRotation(slot);
                return;
            }
            slot.state(ConnectionSlot.State.OPEN);
            slot.opened = true;
            slot.attempts = 0;
            slot.openedAtNs = clock.nanoTime();
            slot.rotateAtNs = rotationTime(slot.openedAtNs);
            connectionsOpen.increment();
            slot.nextPingNs = slot.openedAtNs + TimeUnit.MILLISECONDS.toNanos(streams.pingIntervalMs());
            subscribeAll(slot, connection);
            forEachSubscribed(slot, id -> feeds.transition(id, FeedState.SYNCING, "connected; awaiting snapshot"));
            return;
        }

        if (connection == slot.replacement)
        {
            connectsInFlight--;
            slot.replacement = null;
            slot.rotateAtNs = clock.nanoTime() + limits.backoffBaseNs();
            LOG.warn("replacement of connection {} failed ({}); the current one stays", slot.id, notice.cause());
            return;
        }
        onClientClosed(slot, notice.cause());
    }

    private ConnectionSlot slotFor(final FeedConnection connection)
    {
        for (final ConnectionSlot slot : slots)
        {
            if (slot.id == connection.connectionId())
            {
                if (connection == slot.retiring)
                {
                    onRetired(slot);
                    return null;
                }
                return slot.owns(connection) ? slot : null;
            }
        }
        return null;
    }

    /**
     * The rotated-out connection of a snapshot-on-subscribe venue has delivered its last frame: only now does
     * its replacement subscribe, so no frame of the old connection can follow the new snapshots on the ring.
     */
    private void onRetired(final ConnectionSlot slot)
    {
        slot.retiring = null;
        if (slot.state == ConnectionSlot.State.OPEN)
        {
            subscribeAll(slot, slot.client);
        }
    }

    private void onClientClosed(final ConnectionSlot slot, final String cause)
    {
        if (slot.opened)
        {
            connectionsOpen.decrement();
        }
        else
        {
            connectsInFlight--;
        }
        slot.opened = false;
        slot.client = null;
        slot.lost = true;
        final long nowNanos = System.nanoTime();
        forEachSubscribed(slot, id -> controlPublisher.publishControl(
            DepthEvent.KIND_RESET, id, nowNanos, epochClock.nanoTime()));

        if (closing || slot.subscribedCount() == 0 || slot.state == ConnectionSlot.State.CLOSING)
        {
            closeSlot(slot, closing ? "shutdown" : "cancelled");
            return;
        }
        if (slot.attempts >= limits.maxConnectAttempts())
        {
            slot.state(ConnectionSlot.State.FAILED);
            final String reason = cause + "; gave up after " + slot.attempts + " attempts";
            LOG.error("connection {} failed: {}", slot.id, reason);
            counters.recordError(new IllegalStateException("connection failed: " + reason));
            final List<Integer> failed = new ArrayList<>();
            forEachSubscribed(slot, failed::add);
            for (final int id : failed)
            {
                failFeed(id, reason);
            }
            return;
        }
        final long delayNs = backoff.delayNs(slot.attempts);
        slot.nextAttemptNs = clock.nanoTime() + delayNs;
        slot.state(ConnectionSlot.State.BACKOFF);
        final String backoff = cause + "; reconnecting in " + TimeUnit.NANOSECONDS.toMillis(delayNs) + " ms";
        forEachSubscribed(slot, id -> feeds.transition(id, FeedState.BACKOFF, backoff));
    }

    private void completeRotation(final ConnectionSlot slot)
    {
        final FeedConnection old = slot.client;
        slot.client = slot.replacement;
        slot.replacement = null;
        slot.openedAtNs = clock.nanoTime();
        slot.rotateAtNs = rotationTime(slot.openedAtNs);
        rotations.increment();
        LOG.info("connection {} replaced before its maximum lifetime", slot.id);
        if (old == null)
        {
            subscribeAll(slot, slot.client);
        }
        else
        {
            slot.retiring = old;
            old.close();
        }
    }

    private long rotationTime(final long openedAtNs)
    {
        final long lifetimeNs = limits.maxConnectionLifetimeNs();
        if (lifetimeNs <= 0)
        {
            return Long.MAX_VALUE;
        }
        // Staggered between 85% and 95% of the lifetime so connections opened together rotate apart.
        final double fraction = 0.85 + 0.10 * ThreadLocalRandom.current().nextDouble();
        return openedAtNs + (long)(lifetimeNs * fraction);
    }

    private void onBookEvent(final int type, final DirectBuffer buffer, final int index, final int length)
    {
        final int id = buffer.getInt(index);
        final FeedState state = feeds.state(id);
        if (type == BookStateEvents.LIVE)
        {
            if (state == FeedState.SYNCING || state == FeedState.RESYNCING)
            {
                if (feeds.markLive(id))
                {
                    activity.counters().onResync(id);
                }
                feeds.transition(id, FeedState.LIVE, state == FeedState.SYNCING ? "book synchronised" : "book resynchronised");
                checkGroupStarted(feeds.group(id));
            }
        }
        else if ((state == FeedState.LIVE || state == FeedState.STALE) && buffer.getInt(index + 4) != BookStateRecord.REASON_CONNECTION_LOST)
        {
            feeds.transition(id, FeedState.RESYNCING, "book invalid: " + BookStateRecord.reasonName(buffer.getInt(index + 4)));
        }
    }

    /**
     * The connect timeout covers the whole opening handshake, not only the TCP connect: a peer that accepts
     * the connection and never answers the upgrade would otherwise hold the attempt forever. The abandoned
     * attempt closes, and its close takes the usual path (backoff and retry, or the replacement is dropped).
     */
    private int abandonUnansweredHandshakes(final ConnectionSlot slot, final long nowNs)
    {
        int work = 0;
        if (slot.state == ConnectionSlot.State.CONNECTING && slot.client != null && nowNs - slot.connectDeadlineNs > 0)
        {
            slot.connectDeadlineNs = Long.MAX_VALUE;
            LOG.warn("connection {}: no WebSocket handshake within {} ms; abandoning the attempt", slot.id,
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()));
            slot.client.close();
            work++;
        }
        if (slot.replacement != null && !slot.replacement.isOpen() && nowNs - slot.replacementDeadlineNs > 0)
        {
            slot.replacementDeadlineNs = Long.MAX_VALUE;
            LOG.warn("replacement of connection {}: no WebSocket handshake within {} ms; abandoning it", slot.id,
                TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()));
            slot.replacement.close();
            work++;
        }
        return work;
    }

    private int onTimer(final long nowNs)
    {
        int work = 0;
        final long staleAfterNs = limits.staleAfterNs();
        final long nowEpochNs = epochClock.nanoTime();
        for (int id = 0; id < instruments.size(); id++)
        {
            final FeedState state = feeds.state(id);
            if (staleAfterNs > 0 && (state == FeedState.LIVE || state == FeedState.STALE))
            {
                final long sinceNs = Math.min(
                    nowEpochNs - activity.lastMessageEpochNs(id), nowNs - feeds.sinceNs(id));
                if (state == FeedState.LIVE && sinceNs > staleAfterNs)
                {
                    staleFeeds.increment();
                    feeds.transition(id, FeedState.STALE, "no data for " + TimeUnit.NANOSECONDS.toMillis(sinceNs) + " ms");
                    work++;
                }
                else if (state == FeedState.STALE && sinceNs <= staleAfterNs)
                {
                    feeds.transition(id, FeedState.LIVE, "data resumed");
                    work++;
                }
            }
        }
        for (final ConnectionSlot slot : slots)
        {
            work += abandonUnansweredHandshakes(slot, nowNs);
            if (!slot.pendingUnsubscribe.isEmpty() && slot.state == ConnectionSlot.State.OPEN &&
                nowNs - slot.nextControlMessageNs >= 0)
            {
                sendUnsubscribe(slot, nowNs);
                work++;
            }
            if (streams.pingMessage() != null && slot.state == ConnectionSlot.State.OPEN && nowNs - slot.nextPingNs >= 0)
            {
                slot.nextPingNs = nowNs + TimeUnit.MILLISECONDS.toNanos(streams.pingIntervalMs());
                send(slot.client, List.of(streams.pingMessage()));
                work++;
            }
            if (!slot.pendingResubscribe.isEmpty() && slot.state == ConnectionSlot.State.OPEN &&
                slot.retiring == null && nowNs - slot.nextControlMessageNs >= 0)
            {
                sendResubscribe(slot, nowNs);
                work++;
            }
        }
        for (final FeedGroup group : groups.expired(nowNs))
        {
            onGroupDeadline(group);
            work++;
        }
        slots.removeIf(slot ->
        {
            final boolean done = slot.isTerminal() && slot.client == null && slot.replacement == null;
            if (done)
            {
                CloseHelper.closeAll(slot.stateCounter, slot.messagesCounter, slot.reconnectsCounter);
            }
            return done;
        });
        return work;
    }

    private void onGroupDeadline(final FeedGroup group)
    {
        if (group.started().isDone())
        {
            return;
        }
        final String cause = "not live within " + group.spec().startDeadline().toMillis() + " ms of launch";
        final List<Integer> late = new ArrayList<>();
        for (final int id : group.instrumentIds())
        {
            if (feeds.state(id) != FeedState.LIVE && !feeds.state(id).isTerminal())
            {
                late.add(id);
            }
        }
        for (final int id : late)
        {
            group.recordFailure(instruments.symbol(id), cause);
        }
        if (group.spec().policy() == FeedGroupPolicy.FAIL_FAST && !late.isEmpty())
        {
            failGroup(group);
        }
    }

    private void failFeed(final int id, final String cause)
    {
        feedFailures.increment();
        activity.active(id, false);
        final FeedGroup group = feeds.group(id);
        group.recordFailure(instruments.symbol(id), cause);
        feeds.transition(id, FeedState.FAILED, cause);
        feeds.closeFuture(id).complete(instruments.symbol(id));
        if (group.spec().policy() == FeedGroupPolicy.FAIL_FAST)
        {
            failGroup(group);
        }
        else
        {
            checkGroupStarted(group);
            checkGroupClosed(group);
        }
    }

    private void failGroup(final FeedGroup group)
    {
        final FeedGroupException failure = new FeedGroupException(group.name(), group.failures());
        group.started().completeExceptionally(failure);
        cancelGroup(group, "cancelled: a sibling feed of fail-fast group '" + group.name() + "' failed");
    }

    private void cancelGroup(final FeedGroup group, final String cause)
    {
        for (final int id : group.instrumentIds())
        {
            cancelFeedInternal(id, cause);
        }
        checkGroupClosed(group);
    }

    private void cancelFeedInternal(final int id, final String cause)
    {
        if (feeds.state(id).isTerminal())
        {
            return;
        }
        activity.active(id, false);
        controlPublisher.publishControl(DepthEvent.KIND_CLOSE, id, System.nanoTime(), epochClock.nanoTime());
        final ConnectionSlot slot = slotOf[id];
        if (slot == null)
        {
            closeFeed(id, cause);
            return;
        }
        final int index = indexOf(slot, id);
        slot.subscribed[index] = false;
        if (slot.subscribedCount() == 0)
        {
            if (slot.state == ConnectionSlot.State.CONNECTING || slot.state == ConnectionSlot.State.OPEN)
            {
                feeds.setPendingCause(id, cause);
                markClosing(slot);
            }
            else
            {
                closeSlot(slot, cause);
                closeFeed(id, cause);
            }
            return;
        }
        if (slot.state == ConnectionSlot.State.OPEN)
        {
            slot.pendingUnsubscribe.add(instruments.symbol(id));
            slot.pendingResubscribe.remove(instruments.symbol(id));
            feeds.setPendingCause(id, cause);
        }
        else
        {
            closeFeed(id, cause);
        }
    }

    private void markClosing(final ConnectionSlot slot)
    {
        slot.state(ConnectionSlot.State.CLOSING);
        if (slot.client != null)
        {
            slot.client.close();
        }
        if (slot.replacement != null)
        {
            slot.replacement.close();
        }
    }

    private void sendUnsubscribe(final ConnectionSlot slot, final long nowNs)
    {
        send(slot.client, streams.unsubscribe(slot.pendingUnsubscribe, slot.nextRequestId++));
        slot.nextControlMessageNs = nowNs + CONTROL_MESSAGE_INTERVAL_NS;
        slot.pendingUnsubscribe.clear();
        for (int i = 0; i < slot.instrumentIds.length; i++)
        {
            final int id = slot.instrumentIds[i];
            if (!slot.subscribed[i] && !feeds.state(id).isTerminal())
            {
                closeFeed(id, feeds.pendingCause(id) + "; unsubscribed");
            }
        }
    }

    private void closeSlot(final ConnectionSlot slot, final String cause)
    {
        slot.state(ConnectionSlot.State.CLOSED);
        for (final int id : slot.instrumentIds)
        {
            if (!feeds.state(id).isTerminal())
            {
                activity.active(id, false);
                closeFeed(id, feeds.pendingCause(id) != null ? feeds.pendingCause(id) + "; connection closed" : cause);
            }
        }
    }

    private void closeFeed(final int id, final String cause)
    {
        feeds.transition(id, FeedState.CLOSED, cause);
        feeds.closeFuture(id).complete(instruments.symbol(id));
        checkGroupClosed(feeds.group(id));
    }

    private void checkGroupStarted(final FeedGroup group)
    {
        groups.checkStarted(group, feeds);
    }

    private void checkGroupClosed(final FeedGroup group)
    {
        boolean socketsHeld = false;
        for (final ConnectionSlot slot : slots)
        {
            socketsHeld |= slot.group == group && (slot.client != null || slot.replacement != null);
        }
        groups.checkClosed(group, feeds, socketsHeld);
    }

    private static int indexOf(final ConnectionSlot slot, final int id)
    {
        for (int i = 0; i < slot.instrumentIds.length; i++)
        {
            if (slot.instrumentIds[i] == id)
            {
                return i;
            }
        }
        throw new IllegalStateException("instrument " + id + " not on connection " + slot.id);
    }

    private void forEachSubscribed(final ConnectionSlot slot, final java.util.function.IntConsumer action)
    {
        for (int i = 0; i < slot.instrumentIds.length; i++)
        {
            if (slot.subscribed[i])
            {
                action.accept(slot.instrumentIds[i]);
            }
        }
    }

    public int connectionCount()
    {
        return slots.size();
    }

    /** Marks the supervisor as closing so nothing new is launched. */
    public void beginClose()
    {
        closing = true;
    }

    /**
     * Closes every socket and waits for each read thread to finish delivering, then closes every
     * feed. Call from the owner after this agent's thread has stopped.
     *
     * @return true when every connection closed by the deadline.
     */
    public boolean closeAll(final long deadlineNs)
    {
        closing = true;
        journal.handOver();
        final List<FeedConnection> clients = new ArrayList<>();
        for (final ConnectionSlot slot : slots)
        {
            if (slot.client != null)
            {
                clients.add(slot.client);
            }
            if (slot.replacement != null)
            {
                clients.add(slot.replacement);
            }
        }
        for (final FeedConnection client : clients)
        {
            client.close();
        }
        boolean allClosed = true;
        for (final FeedConnection client : clients)
        {
            try
            {
                client.closeFuture().get(Math.max(0, deadlineNs - clock.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                allClosed = false;
            }
            catch (final Exception ex)
            {
                allClosed = false;
                client.abort("shutdown deadline");
            }
        }
        Notice notice;
        while ((notice = notices.poll()) != null)
        {
            onNotice(notice);
        }
        for (final ConnectionSlot slot : slots)
        {
            if (!slot.isTerminal())
            {
                closeSlot(slot, "shutdown");
            }
        }
        for (int id = 0; id < instruments.size(); id++)
        {
            if (!feeds.state(id).isTerminal())
            {
                activity.active(id, false);
                closeFeed(id, "shutdown");
            }
        }
        return allClosed;
    }

    @Override
    public String roleName()
    {
        return "feed-supervisor";
    }

    /** The journal writer this supervisor records transitions with; close it after {@link #closeAll}. */
    public io.fathom.engine.journal.JournalWriter journal()
    {
        return journal;
    }
}
