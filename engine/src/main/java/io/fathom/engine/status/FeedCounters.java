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
        final int n = symbols.size();
        state = new AtomicCounter[n];
        messages = new AtomicCounter[n];
        lastMessageEpochNs = new AtomicCounter[n];
        reconnects = new AtomicCounter[n];
        resyncs = new AtomicCounter[n];
        gaps = new AtomicCounter[n];
        for (int id = 0; id < n; id++)
        {
            final String feed = venue + ":" + symbols.get(id) + " ";
            state[id] = counters.newCounter(CountersFile.FEED_STATE_TYPE, feed + "state");
            messages[id] = counters.newCounter(CountersFile.FEED_MESSAGES_TYPE, feed + "messages");
            lastMessageEpochNs[id] = counters.newCounter(CountersFile.FEED_LAST_MESSAGE_TYPE, feed + "last_message_epoch_ns");
            reconnects[id] = counters.newCounter(CountersFile.FEED_RECONNECTS_TYPE, feed + "reconnects");
            resyncs[id] = counters.newCounter(CountersFile.FEED_RESYNCS_TYPE, feed + "resyncs");
            gaps[id] = counters.newCounter(CountersFile.FEED_GAPS_TYPE, feed + "gaps");
        }
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
