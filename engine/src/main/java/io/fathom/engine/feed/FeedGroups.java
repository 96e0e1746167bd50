package io.fathom.engine.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured feed groups and the rules of their life: when a group counts as started, when
 * as closed, which start deadlines have passed and what a passed deadline means. Owns the groups
 * and their armed deadlines. Supervisor thread, except {@link #require}, {@link #all} and {@link #names}.
 */
final class FeedGroups
{
    private final Map<String, FeedGroup> groups = new LinkedHashMap<>();
    private final Map<FeedGroup, Long> deadlineNs = new LinkedHashMap<>();

    FeedGroups(final List<FeedGroupSpec> specs, final InstrumentTable instruments)
    {
        for (final FeedGroupSpec spec : specs)
        {
            final int[] ids = new int[spec.symbols().size()];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = instruments.lookup(spec.symbols().get(i));
                if (ids[i] < 0)
                {
                    throw new IllegalArgumentException("feed group '" + spec.name() + "' names unknown symbol " +
                        spec.symbols().get(i));
                }
            }
            if (groups.put(spec.name(), new FeedGroup(spec, ids)) != null)
            {
                throw new IllegalArgumentException("duplicate feed group name: " + spec.name());
            }
        }
    }

    FeedGroup require(final String name)
    {
        final FeedGroup group = groups.get(name);
        if (group == null)
        {
            throw new IllegalArgumentException("no feed group named '" + name + "'; groups: " + groups.keySet());
        }
        return group;
    }

    Collection<FeedGroup> all()
    {
        return groups.values();
    }

    List<String> names()
    {
        return List.copyOf(groups.keySet());
    }

    void armDeadline(final FeedGroup group, final long nowNs)
    {
        final long deadline = group.spec().startDeadline().toNanos();
        if (deadline > 0)
        {
            deadlineNs.put(group, nowNs + deadline);
        }
    }

    /**
     * Groups whose start deadline has passed since the last call. The supervisor asks on every timer tick, so
     * with no deadline armed (every group started) it allocates nothing.
     */
    List<FeedGroup> expired(final long nowNs)
    {
        if (deadlineNs.isEmpty())
        {
            return List.of();
        }
        final List<FeedGroup> expired = new ArrayList<>();
        for (final Iterator<Map.Entry<FeedGroup, Long>> it = deadlineNs.entrySet().iterator(); it.hasNext(); )
        {
            final Map.Entry<FeedGroup, Long> entry = it.next();
            if (nowNs - entry.getValue() >= 0)
            {
                it.remove();
                expired.add(entry.getKey());
            }
        }
        return expired;
    }

    /**
     * A group's start deadline passed before it started: each feed neither LIVE nor ended counts as
     * failed.
     *
     * @return whether the group now fails (FAIL_FAST, with a late feed).
     */
    boolean onStartDeadline(final FeedGroup group, final FeedTable feeds, final InstrumentTable instruments)
    {
        if (group.started().isDone())
        {
            return false;
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
        return group.spec().policy() == FeedGroupPolicy.FAIL_FAST && !late.isEmpty();
    }

    /** A FAIL_FAST group failed: its start completes with the failures so far. */
    void failStart(final FeedGroup group)
    {
        group.started().completeExceptionally(new FeedGroupException(group.name(), group.failures()));
    }

    /** Completes {@link FeedGroup#started()} when every feed is LIVE (ISOLATE: LIVE or FAILED). */
    void checkStarted(final FeedGroup group, final FeedTable feeds)
    {
        if (group == null || group.started().isDone())
        {
            return;
        }
        final boolean isolate = group.spec().policy() == FeedGroupPolicy.ISOLATE;
        for (final int id : group.instrumentIds())
        {
            final FeedState state = feeds.state(id);
            if (state != FeedState.LIVE && !(isolate && state == FeedState.FAILED))
            {
                return;
            }
        }
        deadlineNs.remove(group);
        group.started().complete(group);
    }

    /**
     * Completes {@link FeedGroup#closed()} once every feed is CLOSED or FAILED and no socket of the
     * group is held ({@link FeedGroup#holdsSockets()}): exceptionally for a failed FAIL_FAST group; a start still pending is cancelled
     * (or failed, when feeds failed).
     */
    void checkClosed(final FeedGroup group, final FeedTable feeds)
    {
        if (group == null || group.closed().isDone() || group.holdsSockets())
        {
            return;
        }
        for (final int id : group.instrumentIds())
        {
            if (!feeds.state(id).isTerminal() || feeds.group(id) != group)
            {
                return;
            }
        }
        deadlineNs.remove(group);
        if (group.started().isCompletedExceptionally() && group.spec().policy() == FeedGroupPolicy.FAIL_FAST)
        {
            group.closed().completeExceptionally(new FeedGroupException(group.name(), group.failures()));
            return;
        }
        if (!group.started().isDone())
        {
            if (group.failures().isEmpty())
            {
                group.started().cancel(false);
            }
            else
            {
                group.started().completeExceptionally(new FeedGroupException(group.name(), group.failures()));
            }
        }
        group.closed().complete(group);
    }
}
