package io.fathom.engine.feed;

import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control plane of every feed and connection, as one agent's duty cycle: each {@link #doWork} reads
 * the clock once, handles a bounded batch of commands from other threads, of client notices and of
 * book-handler news, launches the connections that are due, and every {@link #TIMER_INTERVAL_NS} runs the
 * timers (stale feeds, handshake deadlines, paced control messages, group start deadlines).
 *
 * <p>The work is done by parts that each own their state on this agent's thread: {@link Connections} (the
 * connections, their launch queue and notices), {@link ConnectionSlot} (one connection's state machine),
 * {@link ConnectionEvents}, {@link FeedCancellation}, {@link FeedLifecycle} (feed states and groups) and
 * {@link StaleFeedDetector}. Other threads act only through {@link #launch}, {@link #cancel},
 * {@link #cancelFeed} and {@link #resubscribe}, which queue commands; their queries read state kept safe to
 * read. Nothing reconnects from a library callback.
 */
public final class FeedSupervisor implements Agent
{
    private static final long TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Most commands, notices and book events each handled in one duty cycle; the rest wait for the next. */
    private static final int COMMAND_LIMIT = 64;
    private static final int NOTICE_LIMIT = 256;
    private static final int BOOK_EVENT_LIMIT = 1024;
    /** How long shutdown waits for the last closes before recording the notices that came meanwhile. */
    private static final long CLOSE_NOTICE_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final InstrumentTable instruments;
    private final FeedLifecycle feeds;
    private final Connections connections;
    private final FeedCancellation cancellation;
    private final ConnectionEvents events;
    private final StaleFeedDetector staleness;
    private final BookStateEvents bookEvents = new BookStateEvents();
    private final MessageHandler bookEventHandler;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    /** Records every feed transition; owned by this agent's thread, then by whoever calls closeAll. */
    private final JournalWriter journal;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private long nextTimerNs;

    /** Work another thread asked for, run on this agent's thread with the duty cycle's time. */
    @FunctionalInterface
    private interface Command
    {
        void run(long nowNs);
    }

    public FeedSupervisor(
        final FeedPlan plan, final ConnectionLimits limits, final FeedServices services, final ConnectionFactory factory)
    {
        this.instruments = plan.instruments();
        this.journal = services.journal();
        this.clock = services.clock();
        this.epochClock = services.epochClock();
        this.feeds = new FeedLifecycle(plan, services);
        this.connections = new Connections(plan, limits, services, factory, feeds);
        this.cancellation = new FeedCancellation(connections, feeds);
        this.events = new ConnectionEvents(connections, feeds, cancellation, limits, services.counters());
        final AtomicCounter staleFeeds = services.counters().get(SystemCounter.STALE_FEEDS);
        this.staleness = new StaleFeedDetector(limits.staleAfterNs(), feeds.table(), services.activity(), staleFeeds);
        this.bookEventHandler = feeds::onBookEvent;
    }

    /** Where the book handler reports books becoming valid or invalid. */
    public BookStateListener bookStateListener()
    {
        return bookEvents;
    }

    // ---------------------------------------------------------------- API for other threads

    /** Launches (or relaunches) a configured group; its {@link FeedGroup#started()} tells when it is up. */
    public FeedGroup launch(final String groupName)
    {
        final FeedGroup group = feeds.groups().require(groupName);
        group.reset();
        commands.offer(nowNs -> connections.launch(group, nowNs));
        return group;
    }

    /** Cancels every feed of a group; completes when their sockets are released. */
    public CompletableFuture<FeedGroup> cancel(final String groupName)
    {
        final FeedGroup group = feeds.groups().require(groupName);
        final CompletableFuture<FeedGroup> done = new CompletableFuture<>();
        commands.offer(nowNs ->
        {
            cancellation.cancelGroup(group, "cancelled");
            group.closed().whenComplete((g, ex) -> done.complete(group));
        });
        return done;
    }

    /** Cancels one feed: unsubscribes it, or closes its connection when it was the last stream on it. */
    public CompletableFuture<String> cancelFeed(final String symbol)
    {
        final int id = require(symbol);
        final CompletableFuture<String> done = new CompletableFuture<>();
        commands.offer(nowNs ->
        {
            cancellation.cancelFeed(id, "cancelled");
            feeds.table().closeFuture(id).whenComplete((s, ex) -> done.complete(instruments.symbol(id)));
        });
        return done;
    }

    public FeedGroup group(final String name)
    {
        return feeds.groups().require(name);
    }

    public List<String> groupNames()
    {
        return feeds.groups().names();
    }

    /** Completes when the feed's current life ends (CLOSED or FAILED) and its resources are released. */
    public CompletableFuture<String> closeFuture(final String symbol)
    {
        return feeds.table().closeFuture(require(symbol));
    }

    /**
     * Asks the venue to send an instrument's snapshot again by unsubscribing and resubscribing it on its
     * connection (venues whose snapshots arrive on the stream). Safe from any thread; requests are batched
     * per connection and paced like other control messages.
     */
    public void resubscribe(final int instrumentId)
    {
        commands.offer(nowNs -> connections.resubscribe(instrumentId));
    }

    public FeedState feedState(final String symbol)
    {
        return feeds.table().state(instruments.lookup(symbol));
    }

    /** Feeds per state, kept up to date on every transition (never by scanning). */
    public int[] feedsByState()
    {
        return feeds.table().countsByState();
    }

    private int require(final String symbol)
    {
        final int id = instruments.lookup(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("unknown symbol: " + symbol);
        }
        return id;
    }

    // ---------------------------------------------------------------- duty cycle

    @Override
    public void onStart()
    {
        journal.handOver();
        final long nowNs = clock.nanoTime();
        for (final FeedGroup group : feeds.groups().all())
        {
            if (group.spec().launchAtStart())
            {
                group.reset();
                connections.launch(group, nowNs);
            }
        }
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        Command command;
        while (work < COMMAND_LIMIT && (command = commands.poll()) != null)
        {
            command.run(nowNs);
            work++;
        }
        work += connections.drainNotices(NOTICE_LIMIT, events, nowNs);
        work += bookEvents.drain(bookEventHandler, BOOK_EVENT_LIMIT);
        if (connections.isClosing())
        {
            return work;
        }
        work += connections.launchDue(nowNs);
        if (nowNs - nextTimerNs >= 0)
        {
            nextTimerNs = nowNs + TIMER_INTERVAL_NS;
            work += onTimer(nowNs);
        }
        return work;
    }

    private int onTimer(final long nowNs)
    {
        int work = staleness.check(nowNs, epochClock.nanoTime());
        work += connections.onTimer(nowNs);
        final List<FeedGroup> expired = feeds.groups().expired(nowNs);
        for (int i = 0; i < expired.size(); i++)
        {
            final FeedGroup group = expired.get(i);
            if (feeds.groups().onStartDeadline(group, feeds.table(), instruments))
            {
                cancellation.failGroup(group);
            }
            work++;
        }
        connections.prune();
        return work;
    }

    // ---------------------------------------------------------------- shutdown

    public int connectionCount()
    {
        return connections.connectionCount();
    }

    /** Marks the supervisor as closing so nothing new is launched. */
    public void beginClose()
    {
        connections.beginClose();
    }

    /**
     * Ends every socket without waiting on a close handshake, so the time taken does not grow with the
     * number of connections or a silent peer: each is sent a close frame (best effort) and then aborted, by
     * the transport's own thread where it owns the sockets (the selector transport's I/O agents, in one pass
     * each), else from here; then every feed is closed. Call from the owner after this agent's thread has
     * stopped and the ring's producers are halted (a frame still being delivered is refused by the closed gate).
     *
     * @return true when every connection reported closed by the deadline.
     */
    public boolean closeAll(final long deadlineNs)
    {
        connections.beginClose();
        journal.handOver();
        final List<FeedConnection> clients = connections.heldClients();
        final List<FeedConnection> toAbort = new ArrayList<>(clients.size());
        for (final FeedConnection client : clients)
        {
            if (!client.endOnTransportThread("shutdown"))
            {
                toAbort.add(client);
            }
        }
        for (final FeedConnection client : toAbort)
        {
            client.abort("shutdown");
        }
        final CompletableFuture<?>[] closed = new CompletableFuture<?>[clients.size()];
        for (int i = 0; i < closed.length; i++)
        {
            closed[i] = clients.get(i).closeFuture();
        }
        final CompletableFuture<Void> all = CompletableFuture.allOf(closed);
        final long nowNs = clock.nanoTime();
        boolean allClosed = recordClosesUntilDone(all, nowNs + Math.max(0, deadlineNs - nowNs) / 2);
        if (!allClosed)
        {
            // a transport thread that has not ended its sockets in half the time left: end them from here
            for (final FeedConnection client : clients)
            {
                if (!client.closeFuture().isDone())
                {
                    client.abort("shutdown");
                }
            }
            allClosed = recordClosesUntilDone(all, deadlineNs);
        }
        connections.drainNotices(Integer.MAX_VALUE, events, clock.nanoTime());
        connections.closeRemaining();
        feeds.closeAllLive();
        return allClosed;
    }

    /**
     * Records each connection's close (its feeds' transitions) as the transports report it, while the others are
     * still closing, rather than after the last.
     *
     * @return false when not every close was reported by the deadline.
     */
    private boolean recordClosesUntilDone(final CompletableFuture<Void> allClosed, final long deadlineNs)
    {
        try
        {
            while (!allClosed.isDone())
            {
                if (connections.drainNotices(Integer.MAX_VALUE, events, clock.nanoTime()) > 0)
                {
                    continue;
                }
                final long leftNs = deadlineNs - clock.nanoTime();
                if (leftNs <= 0)
                {
                    return false;
                }
                try
                {
                    allClosed.get(Math.min(leftNs, CLOSE_NOTICE_WAIT_NS), TimeUnit.NANOSECONDS);
                }
                catch (final TimeoutException ex)
                {
                    // notices may have come meanwhile: record them, then wait again
                }
            }
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (final ExecutionException ex)
        {
            return false;
        }
    }

    @Override
    public String roleName()
    {
        return "feed-supervisor";
    }

    /** The journal writer this supervisor records transitions with; close it after {@link #closeAll}. */
    public JournalWriter journal()
    {
        return journal;
    }
}
