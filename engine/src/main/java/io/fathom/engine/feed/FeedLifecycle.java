package io.fathom.engine.feed;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.SystemCounter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Every feed's life apart from its connection: launched, closed or failed, made LIVE or RESYNCING by the
 * book handler's news, and its group started or closed as its feeds move. Owns the {@link FeedTable} and
 * the {@link FeedGroups}. Supervisor thread only, except the queries the supervisor documents as safe.
 */
final class FeedLifecycle
{
    private final InstrumentTable instruments;
    private final FeedActivity activity;
    private final DepthPublisher controlPublisher;
    private final EpochNanoClock epochClock;
    private final AtomicCounter feedFailures;
    private final FeedTable table;
    private final FeedGroups groups;
    /**
     * The book handler's last word on each book, whatever the feed's state: its news and the connection notices
     * reach this thread by different queues, so a book may report live before its connection's opening is seen.
     */
    private final boolean[] bookLive;

    FeedLifecycle(final FeedPlan plan, final FeedServices services)
    {
        this.instruments = plan.instruments();
        this.activity = services.activity();
        this.controlPublisher = services.controlPublisher();
        this.epochClock = services.epochClock();
        this.feedFailures = services.counters().get(SystemCounter.FEED_FAILURES);
        this.table = new FeedTable(instruments, services);
        this.groups = new FeedGroups(plan.groups(), instruments);
        this.bookLive = new boolean[instruments.size()];
    }

    FeedTable table()
    {
        return table;
    }

    FeedGroups groups()
    {
        return groups;
    }

    InstrumentTable instruments()
    {
        return instruments;
    }

    /** A feed starts a new life on a connection: NEW, active, and its book opened on the ring. */
    void launch(final int id, final FeedGroup group, final int connectionId)
    {
        table.relaunch(id, group, connectionId);
        bookLive[id] = false;
        activity.active(id, true);
        controlPublisher.publishControl(DepthEvent.KIND_OPEN, id, System.nanoTime(), epochClock.nanoTime());
    }

    /** A feed is being cancelled: frames for it are dropped from now on, and its book is closed on the ring. */
    void deactivate(final int id)
    {
        activity.active(id, false);
        bookLive[id] = false;
        controlPublisher.publishControl(DepthEvent.KIND_CLOSE, id, System.nanoTime(), epochClock.nanoTime());
    }

    /** Its connection was lost: its book is reset on the ring. */
    void reset(final int id)
    {
        bookLive[id] = false;
        controlPublisher.publishControl(DepthEvent.KIND_RESET, id, System.nanoTime(), epochClock.nanoTime());
    }

    /** A connection attempt for the feed started. */
    void connecting(final int id, final boolean reconnect, final int attempt)
    {
        if (reconnect)
        {
            activity.counters().onReconnect(id);
        }
        table.transition(id, FeedState.CONNECTING, attempt == 1 ? "connecting" : "reconnecting, attempt " + attempt);
    }

    /** The feed's connection opened: SYNCING, or LIVE at once when its book already reported live on it. */
    void connected(final int id)
    {
        table.transition(id, FeedState.SYNCING, "connected; awaiting snapshot");
        if (bookLive[id])
        {
            goLive(id, FeedState.SYNCING);
        }
    }

    /** The feed's life ends: CLOSED, its close future completed, its group perhaps closed. */
    void close(final int id, final String cause)
    {
        table.transition(id, FeedState.CLOSED, cause);
        table.closeFuture(id).complete(instruments.symbol(id));
        checkClosed(table.group(id));
    }

    /** Ends a feed's life unless it already ended, with the cause its cancel left, or else {@code cause}. */
    void closeIfLive(final int id, final String suffix, final String cause)
    {
        if (!table.state(id).isTerminal())
        {
            activity.active(id, false);
            close(id, table.pendingCause(id) != null ? table.pendingCause(id) + suffix : cause);
        }
    }

    /** Shutdown: every feed still live ends, CLOSED. */
    void closeAllLive()
    {
        for (int id = 0; id < instruments.size(); id++)
        {
            if (!table.state(id).isTerminal())
            {
                activity.active(id, false);
                close(id, "shutdown");
            }
        }
    }

    /**
     * The feed's life ends in failure, recorded in its group.
     *
     * @return its group when that group now fails with it (FAIL_FAST): the caller cancels the group; else null.
     */
    FeedGroup fail(final int id, final String cause)
    {
        feedFailures.increment();
        activity.active(id, false);
        final FeedGroup group = table.group(id);
        group.recordFailure(instruments.symbol(id), cause);
        table.transition(id, FeedState.FAILED, cause);
        table.closeFuture(id).complete(instruments.symbol(id));
        if (group.spec().policy() == FeedGroupPolicy.FAIL_FAST)
        {
            return group;
        }
        checkStarted(group);
        checkClosed(group);
        return null;
    }

    void checkStarted(final FeedGroup group)
    {
        groups.checkStarted(group, table);
    }

    void checkClosed(final FeedGroup group)
    {
        groups.checkClosed(group, table);
    }

    /** Book-handler news ({@link BookStateEvents}): a book synchronised, or became invalid while the connection stays. */
    void onBookEvent(final int type, final DirectBuffer buffer, final int index, final int length)
    {
        final int id = buffer.getInt(index);
        final FeedState state = table.state(id);
        if (type == BookStateEvents.LIVE)
        {
            bookLive[id] = true;
            if (state == FeedState.SYNCING || state == FeedState.RESYNCING)
            {
                goLive(id, state);
            }
        }
        else
        {
            bookLive[id] = false;
            if ((state == FeedState.LIVE || state == FeedState.STALE) &&
                buffer.getInt(index + 4) != BookStateRecord.REASON_CONNECTION_LOST)
            {
                table.transition(id, FeedState.RESYNCING, "book invalid: " + BookStateRecord.reasonName(buffer.getInt(index + 4)));
            }
        }
    }

    private void goLive(final int id, final FeedState from)
    {
        if (table.markLive(id))
        {
            activity.counters().onResync(id);
        }
        table.transition(id, FeedState.LIVE, from == FeedState.SYNCING ? "book synchronised" : "book resynchronised");
        checkStarted(table.group(id));
    }
}
