package io.fathom.engine.status;

import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * One set of counters per feed, labelled {@code venue:SYMBOL <name>}, so an operator sees every
 * feed's state, traffic and troubles from another process ({@code fathom stat}). A feed's six
 * counters are allocated together in the order of {@link #COUNTERS_PER_FEED}'s list, so their ids
 * are consecutive.
 */
public final class FeedCounters
{
    /** Counters each feed takes: state, messages, last message time, reconnects, resyncs, gaps. */
    public static final int COUNTERS_PER_FEED = 6;

    private final AtomicCounter[] state;
    private final AtomicCounter[] messages;
    private final AtomicCounter[] lastMessageEpochNs;
    private final AtomicCounter[] reconnects;
    private final AtomicCounter[] resyncs;
    private final AtomicCounter[] gaps;

    public FeedCounters(final EngineCounters counters, final String venue, final List<String> symbols)
    {
        this(counters, java.util.Collections.nCopies(symbols.size(), venue), symbols);
    }

    /**
     * Counters for instruments of several venues.
     *
     * @param venues  each instrument's venue, by instrument id.
     * @param symbols each instrument's symbol, by instrument id.
     */
    public FeedCounters(final EngineCounters counters, final List<String> venues, final List<String> symbols)
    {
        final int n = symbols.size();
        state = new AtomicCounter[n];
        messages = new AtomicCounter[n];
        lastMessageEpochNs = new AtomicCounter[n];
        reconnects = new AtomicCounter[n];
        resyncs = new AtomicCounter[n];
        gaps = new AtomicCounter[n];
        for (int id = 0; id < n; id++)
        {
            final String feed = venues.get(id) + ":" + symbols.get(id) + " ";
            state[id] = counters.newCounter(CountersFile.FEED_STATE_TYPE, feed + "state");
            messages[id] = counters.newCounter(CountersFile.FEED_MESSAGES_TYPE, feed + "messages");
            lastMessageEpochNs[id] = counters.newCounter(CountersFile.FEED_LAST_MESSAGE_TYPE, feed + "last_message_epoch_ns");
            reconnects[id] = counters.newCounter(CountersFile.FEED_RECONNECTS_TYPE, feed + "reconnects");
            resyncs[id] = counters.newCounter(CountersFile.FEED_RESYNCS_TYPE, feed + "resyncs");
            gaps[id] = counters.newCounter(CountersFile.FEED_GAPS_TYPE, feed + "gaps");
        }
    }

    private FeedCounters(final FeedCounters all, final int from, final int count)
    {
        state = java.util.Arrays.copyOfRange(all.state, from, from + count);
        messages = java.util.Arrays.copyOfRange(all.messages, from, from + count);
        lastMessageEpochNs = java.util.Arrays.copyOfRange(all.lastMessageEpochNs, from, from + count);
        reconnects = java.util.Arrays.copyOfRange(all.reconnects, from, from + count);
        resyncs = java.util.Arrays.copyOfRange(all.resyncs, from, from + count);
        gaps = java.util.Arrays.copyOfRange(all.gaps, from, from + count);
    }

    /**
     * The same counters of the instruments {@code from..from+count-1}, by ids starting at 0: what one venue's
     * feeds, which number their instruments from 0, write to.
     */
    public FeedCounters slice(final int from, final int count)
    {
        return new FeedCounters(this, from, count);
    }

    /** Feed thread, per frame: two ordered writes, no allocation. */
    public void onMessage(final int instrumentId, final long epochNs)
    {
        messages[instrumentId].increment();
        lastMessageEpochNs[instrumentId].setRelease(epochNs);
    }

    public long lastMessageEpochNs(final int instrumentId)
    {
        return lastMessageEpochNs[instrumentId].get();
    }

    /** @param stateOrdinal the feed's {@code FeedState} ordinal. */
    public void state(final int instrumentId, final int stateOrdinal)
    {
        state[instrumentId].setRelease(stateOrdinal);
    }

    public void onReconnect(final int instrumentId)
    {
        reconnects[instrumentId].increment();
    }

    public void onResync(final int instrumentId)
    {
        resyncs[instrumentId].increment();
    }

    public long gaps(final int instrumentId)
    {
        return gaps[instrumentId].get();
    }

    /** Book handler thread, its only writer: one ordered write, no read-modify-write shared with other threads. */
    public void onGap(final int instrumentId)
    {
        gaps[instrumentId].incrementRelease();
    }
}
