package io.fathom.engine.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One connection's control messages, paced: subscriptions when it opens, unsubscribes and resubscribes
 * batched and sent at most once per {@link #CONTROL_MESSAGE_INTERVAL_NS}, and the venue's keep-alive.
 * Owns the symbols waiting to be sent, when the next message may go and the request ids. Owned by its
 * {@link ConnectionSlot}; supervisor thread only.
 */
final class SubscriptionPacer
{
    /** Binance accepts at most 5 incoming messages a second per connection. */
    static final long CONTROL_MESSAGE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final VenueStreams streams;
    /** Symbols to unsubscribe at the next control message. */
    private final List<String> pendingUnsubscribe = new ArrayList<>();
    /** Symbols to resubscribe at the next control message, so the venue sends their snapshots again. */
    private final List<String> pendingResubscribe = new ArrayList<>();
    private long nextControlMessageNs;
    /** When the venue's keep-alive message is next due (OKX, Bitget, Hyperliquid). */
    private long nextPingNs;
    private long nextRequestId = 1;

    SubscriptionPacer(final VenueStreams streams)
    {
        this.streams = streams;
    }

    /** A client opened: its first keep-alive is due one interval later. */
    void onOpened(final long nowNs)
    {
        nextPingNs = nowNs + TimeUnit.MILLISECONDS.toNanos(streams.pingIntervalMs());
    }

    /** Subscribes every symbol the connection carries (venues that subscribe by message); nothing when none. */
    void subscribeAll(final FeedConnection client, final List<String> symbols)
    {
        if (symbols.isEmpty())
        {
            return;
        }
        send(client, streams.subscribe(symbols, nextRequestId++));
        pendingResubscribe.clear();
    }

    /** Queues a symbol's unsubscribe; a resubscribe of it still waiting is dropped. */
    void unsubscribe(final String symbol)
    {
        pendingUnsubscribe.add(symbol);
        pendingResubscribe.remove(symbol);
    }

    /** Queues a symbol's resubscribe (once), so the venue sends its snapshot again. */
    void resubscribe(final String symbol)
    {
        if (!pendingResubscribe.contains(symbol))
        {
            pendingResubscribe.add(symbol);
        }
    }

    boolean isUnsubscribeDue(final long nowNs)
    {
        return !pendingUnsubscribe.isEmpty() && nowNs - nextControlMessageNs >= 0;
    }

    void sendUnsubscribe(final FeedConnection client, final long nowNs)
    {
        send(client, streams.unsubscribe(pendingUnsubscribe, nextRequestId++));
        nextControlMessageNs = nowNs + CONTROL_MESSAGE_INTERVAL_NS;
        pendingUnsubscribe.clear();
    }

    boolean isPingDue(final long nowNs)
    {
        return streams.pingMessage() != null && nowNs - nextPingNs >= 0;
    }

    void sendPing(final FeedConnection client, final long nowNs)
    {
        nextPingNs = nowNs + TimeUnit.MILLISECONDS.toNanos(streams.pingIntervalMs());
        send(client, List.of(streams.pingMessage()));
    }

    boolean isResubscribeDue(final long nowNs)
    {
        return !pendingResubscribe.isEmpty() && nowNs - nextControlMessageNs >= 0;
    }

    /** Unsubscribes and resubscribes the waiting symbols; @return them, for the log. */
    List<String> sendResubscribe(final FeedConnection client, final long nowNs)
    {
        final List<String> symbols = new ArrayList<>(pendingResubscribe);
        pendingResubscribe.clear();
        send(client, streams.unsubscribe(symbols, nextRequestId++));
        send(client, streams.resubscribe(symbols, nextRequestId++));
        nextControlMessageNs = nowNs + CONTROL_MESSAGE_INTERVAL_NS;
        return symbols;
    }

    private static void send(final FeedConnection client, final List<String> messages)
    {
        if (client == null || !client.isOpen())
        {
            return;
        }
        for (final String message : messages)
        {
            client.send(message);
        }
    }
}
