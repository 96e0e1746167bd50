package io.fathom.engine.feed;

import org.agrona.concurrent.status.AtomicCounter;

import java.util.concurrent.TimeUnit;

/**
 * Calls a LIVE feed STALE when no data arrived for longer than the stale limit, and LIVE again when data
 * resumes. A feed's quiet time is the shorter of the time since its last frame (written by feed threads
 * to {@link FeedActivity}) and the time since its last transition. Supervisor thread only.
 */
final class StaleFeedDetector
{
    private final long staleAfterNs;
    private final FeedTable feeds;
    private final FeedActivity activity;
    private final AtomicCounter staleFeeds;

    /** @param staleAfterNs zero or less: no feed is ever stale. */
    StaleFeedDetector(final long staleAfterNs, final FeedTable feeds, final FeedActivity activity, final AtomicCounter staleFeeds)
    {
        this.staleAfterNs = staleAfterNs;
        this.feeds = feeds;
        this.activity = activity;
        this.staleFeeds = staleFeeds;
    }

    /** Checks every feed once; @return how many changed state. */
    int check(final long nowNs, final long nowEpochNs)
    {
        if (staleAfterNs <= 0)
        {
            return 0;
        }
        int changed = 0;
        for (int id = 0, n = activity.instrumentCount(); id < n; id++)
        {
            final FeedState state = feeds.state(id);
            if (state != FeedState.LIVE && state != FeedState.STALE)
            {
                continue;
            }
            final long quietNs = Math.min(nowEpochNs - activity.lastMessageEpochNs(id), nowNs - feeds.sinceNs(id));
            if (state == FeedState.LIVE && quietNs > staleAfterNs)
            {
                staleFeeds.increment();
                feeds.transition(id, FeedState.STALE, "no data for " + TimeUnit.NANOSECONDS.toMillis(quietNs) + " ms");
                changed++;
            }
            else if (state == FeedState.STALE && quietNs <= staleAfterNs)
            {
                feeds.transition(id, FeedState.LIVE, "data resumed");
                changed++;
            }
        }
        return changed;
    }
}
