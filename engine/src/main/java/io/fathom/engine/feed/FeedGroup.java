package io.fathom.engine.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A launched feed group, as seen from outside the supervisor: when it is up, when it is down,
 * and what failed. Futures complete on the supervisor thread.
 */
public final class FeedGroup
{
    private final FeedGroupSpec spec;
    private final int[] instrumentIds;
    private final List<FeedGroupException.FeedFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<FeedGroup> started = new CompletableFuture<>();
    private volatile CompletableFuture<FeedGroup> closed = new CompletableFuture<>();
    /** Clients and replacements its connections hold; supervisor thread only. */
    private int socketsHeld;

    FeedGroup(final FeedGroupSpec spec, final int[] instrumentIds)
    {
        this.spec = spec;
        this.instrumentIds = instrumentIds;
    }

    public String name()
    {
        return spec.name();
    }

    public FeedGroupSpec spec()
    {
        return spec;
    }

    int[] instrumentIds()
    {
        return instrumentIds;
    }

    /**
     * Completes when every feed of the group is LIVE (for ISOLATE: LIVE or FAILED, see
     * {@link #failures()}); exceptionally with a {@link FeedGroupException} when a FAIL_FAST group
     * fails first; cancelled when the group is cancelled before it was up.
     */
    public CompletableFuture<FeedGroup> started()
    {
        return started;
    }

    /**
     * Completes when every feed of the group is CLOSED or FAILED and its sockets are released;
     * exceptionally with a {@link FeedGroupException} for a failed FAIL_FAST group.
     */
    public CompletableFuture<FeedGroup> closed()
    {
        return closed;
    }

    /** Failures recorded so far (ISOLATE groups keep going past them). */
    public List<FeedGroupException.FeedFailure> failures()
    {
        synchronized (failures)
        {
            return List.copyOf(failures);
        }
    }

    /** Supervisor thread: a connection of the group took ({@code delta > 0}) or released sockets. */
    void onSocketsHeld(final int delta)
    {
        socketsHeld += delta;
    }

    /** Supervisor thread: whether any connection of the group, of any launch, still holds a socket. */
    boolean holdsSockets()
    {
        return socketsHeld > 0;
    }

    void recordFailure(final String symbol, final String cause)
    {
        failures.add(new FeedGroupException.FeedFailure(symbol, cause));
    }

    /** A (re)launch starts a new life: fresh futures, failures cleared; called by the launching thread. */
    void reset()
    {
        failures.clear();
        if (started.isDone())
        {
            started = new CompletableFuture<>();
        }
        if (closed.isDone())
        {
            closed = new CompletableFuture<>();
        }
    }
}
