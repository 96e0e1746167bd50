package io.fathom.engine.feed;

import io.fathom.engine.status.FeedCounters;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What feed threads and the supervisor share per instrument: whether its feed is launched (frames
 * for a cancelled feed are dropped and counted, not published), its frame count and when its last
 * frame arrived (for staleness), the latter two in the counters file. One volatile read and two
 * counter writes per frame.
 */
public final class FeedActivity
{
    private final AtomicIntegerArray active;
    private final FeedCounters counters;
    private final int instrumentBase;

    public FeedActivity(final int instrumentCount, final FeedCounters counters)
    {
        this(instrumentCount, counters, 0);
    }

    /**
     * @param counters       by the ids of this activity, which start at 0.
     * @param instrumentBase the engine-wide id of this venue's first instrument, for what is recorded engine-wide.
     */
    public FeedActivity(final int instrumentCount, final FeedCounters counters, final int instrumentBase)
    {
        this.active = new AtomicIntegerArray(instrumentCount);
        this.counters = counters;
        this.instrumentBase = instrumentBase;
    }

    /** The engine-wide id of one of this venue's instruments. */
    int engineId(final int instrumentId)
    {
        return instrumentBase + instrumentId;
    }

    int instrumentCount()
    {
        return active.length();
    }

    public boolean isActive(final int instrumentId)
    {
        return active.get(instrumentId) == 1;
    }

    void active(final int instrumentId, final boolean isActive)
    {
        active.set(instrumentId, isActive ? 1 : 0);
    }

    void onMessage(final int instrumentId, final long epochNs)
    {
        counters.onMessage(instrumentId, epochNs);
    }

    long lastMessageEpochNs(final int instrumentId)
    {
        return counters.lastMessageEpochNs(instrumentId);
    }

    FeedCounters counters()
    {
        return counters;
    }
}
