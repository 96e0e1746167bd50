package io.fathom.engine.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's life as the supervisor tracks it: the feeds it carries, the client currently
 * serving them, a replacement being opened before the venue's lifetime limit, and retry timing.
 * Supervisor thread only.
 */
final class ConnectionSlot
{
    /** Ordinals are the values of the connection's state counter: keep the order ({@code fathom stat} reads it). */
    enum State
    {
        PENDING, CONNECTING, OPEN, BACKOFF, CLOSING, CLOSED, FAILED
    }

    final int id;
    final FeedGroup group;
    final int[] instrumentIds;
    final boolean[] subscribed;
    /** Symbols to unsubscribe at the next control message. */
    final List<String> pendingUnsubscribe = new ArrayList<>();
    /** Symbols to resubscribe at the next control message, so the venue sends their snapshots again. */
    final List<String> pendingResubscribe = new ArrayList<>();
    State state = State.PENDING;
    FeedConnection client;
    FeedConnection replacement;
    /** A rotated-out client whose close a snapshot-on-subscribe venue waits for before subscribing anew. */
    FeedConnection retiring;
    /** The current client reached OPEN (so its loss closes an open connection, not a connect attempt). */
    boolean opened;
    /** A client of this slot was lost before, so the next connect is a reconnect. */
    boolean lost;
    int attempts;
    long nextAttemptNs;
    /** When the current client's or the replacement's opening handshake is given up (see the connect timeout). */
    long connectDeadlineNs = Long.MAX_VALUE;
    long replacementDeadlineNs = Long.MAX_VALUE;
    long openedAtNs;
    long rotateAtNs = Long.MAX_VALUE;
    long nextControlMessageNs;
    /** When the venue's keep-alive message is next due (OKX, Bitget, Hyperliquid). */
    long nextPingNs;
    long nextRequestId = 1;
    /** This connection's counters: state (ordinal of {@link State}), frames received, reconnects. */
    org.agrona.concurrent.status.AtomicCounter stateCounter;
    org.agrona.concurrent.status.AtomicCounter messagesCounter;
    org.agrona.concurrent.status.AtomicCounter reconnectsCounter;

    ConnectionSlot(final int id, final FeedGroup group, final int[] instrumentIds)
    {
        this.id = id;
        this.group = group;
        this.instrumentIds = instrumentIds;
        this.subscribed = new boolean[instrumentIds.length];
        java.util.Arrays.fill(subscribed, true);
    }

    int subscribedCount()
    {
        int n = 0;
        for (final boolean s : subscribed)
        {
            n += s ? 1 : 0;
        }
        return n;
    }

    void state(final State newState)
    {
        state = newState;
        if (stateCounter != null)
        {
            stateCounter.setRelease(newState.ordinal());
        }
    }

    boolean isTerminal()
    {
        return state == State.CLOSED || state == State.FAILED;
    }

    boolean owns(final FeedConnection connection)
    {
        return connection == client || connection == replacement;
    }
}
