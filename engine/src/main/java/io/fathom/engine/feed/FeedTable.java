package io.fathom.engine.feed;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Every feed's state, the cause and time of its last transition, and the number of feeds in each
 * state, updated on transitions so that a health line never scans. Written on the supervisor
 * thread; states and counts may be read from any thread.
 */
final class FeedTable
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedTable.class);

    private final InstrumentTable instruments;
    private final FeedListener listener;
    private final io.fathom.engine.status.FeedCounters counters;
    private final FeedActivity activity;
    private final io.fathom.engine.journal.JournalWriter journal;
    private final int[] connectionOf;
    private final org.agrona.concurrent.status.AtomicCounter journalRecords;
    private final EpochNanoClock epochClock;
    private final NanoClock clock;
    private final AtomicIntegerArray states;
    private final AtomicIntegerArray countsByState = new AtomicIntegerArray(FeedState.values().length);
    private final long[] sinceNs;
    private final boolean[] everLive;
    private final String[] pendingCause;
    private final FeedGroup[] groups;
    private final java.util.List<CompletableFuture<String>> closeFutures;

    FeedTable(final InstrumentTable instruments, final FeedServices services)
    {
        this.journal = services.journal();
        this.journalRecords = services.counters().get(io.fathom.engine.status.SystemCounter.JOURNAL_RECORDS);
        this.connectionOf = new int[instruments.size()];
        java.util.Arrays.fill(connectionOf, -1);
        this.instruments = instruments;
        this.listener = services.listener();
        this.counters = services.activity().counters();
        this.activity = services.activity();
        this.epochClock = services.epochClock();
        this.clock = services.clock();
        final int n = instruments.size();
        this.states = new AtomicIntegerArray(n);
        this.sinceNs = new long[n];
        this.everLive = new boolean[n];
        this.pendingCause = new String[n];
        this.groups = new FeedGroup[n];
        this.closeFutures = new java.util.ArrayList<>(n);
        for (int id = 0; id < n; id++)
        {
            closeFutures.add(new CompletableFuture<>());
        }
        countsByState.set(FeedState.NEW.ordinal(), n);
    }

    FeedState state(final int id)
    {
        return FeedState.of(states.get(id));
    }

    FeedGroup group(final int id)
    {
        return groups[id];
    }

    long sinceNs(final int id)
    {
        return sinceNs[id];
    }

    CompletableFuture<String> closeFuture(final int id)
    {
        return closeFutures.get(id);
    }

    String pendingCause(final int id)
    {
        return pendingCause[id];
    }

    void setPendingCause(final int id, final String cause)
    {
        pendingCause[id] = cause;
    }

    /** A (re)launched feed starts a new life: NEW, a fresh close future, in its group, on a connection. */
    void relaunch(final int id, final FeedGroup group, final int connectionId)
    {
        groups[id] = group;
        connectionOf[id] = connectionId;
        pendingCause[id] = null;
        if (closeFutures.get(id).isDone())
        {
            closeFutures.set(id, new CompletableFuture<>());
        }
        transition(id, FeedState.NEW, "launched in group " + group.name());
    }

    /** Moves a feed to a state and tells the listener; no-op when it is already there. */
    void transition(final int id, final FeedState to, final String cause)
    {
        final FeedState from = state(id);
        if (from == to)
        {
            return;
        }
        states.set(id, to.ordinal());
        counters.state(id, to.ordinal());
        countsByState.decrementAndGet(from.ordinal());
        countsByState.incrementAndGet(to.ordinal());
        sinceNs[id] = clock.nanoTime();
        final String symbol = instruments.symbol(id);
        if (to == FeedState.FAILED)
        {
            LOG.warn("feed {}: {} -> {} ({})", symbol, from.label(), to.label(), cause);
        }
        else
        {
            LOG.info("feed {}: {} -> {} ({})", symbol, from.label(), to.label(), cause);
        }
        final long epochNs = epochClock.nanoTime();
        if (journal != null)
        {
            journal.feedState(activity.engineId(id), connectionOf[id], from, to, cause, epochNs);
            if (journal.writes())
            {
                journalRecords.increment();
            }
        }
        try
        {
            listener.onTransition(symbol, from, to, cause, epochNs);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("feed listener failed on {} -> {} of {}", from, to, symbol, ex);
        }
    }

    /** Notes the feed's book went live; @return true when it had been live before (a resync). */
    boolean markLive(final int id)
    {
        final boolean before = everLive[id];
        everLive[id] = true;
        return before;
    }

    int[] countsByState()
    {
        final int[] counts = new int[countsByState.length()];
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] = countsByState.get(i);
        }
        return counts;
    }
}
