package io.fathom.tools.sim;

import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.IntHashSet;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;

/**
 * One client connection as the generator sees it: its socket, whether frames are wrapped as combined
 * stream events, its subscribed symbols in subscription order, and what a venue keeps per connection
 * (subscribed depth and channel id per symbol, Coinbase's message sequence and heartbeats).
 *
 * <p>Created on a WebSocket thread and handed to the generator thread through its command queue;
 * after that only the generator thread reads or writes the mutable state.
 */
final class SimSession
{
    final WebSocket connection;
    private final WebSocketImpl connectionImpl;
    private final int[] initialSymbols;
    private final IntArrayList symbols = new IntArrayList();
    private final IntHashSet symbolSet = new IntHashSet();
    private final Int2IntHashMap depths = new Int2IntHashMap(0);
    private final Int2IntHashMap channelIds = new Int2IntHashMap(-1);
    private boolean combined;
    private boolean registered;
    private boolean dropped;
    private boolean heartbeats;
    private long nextSequence;
    private long heartbeatCount;
    private long lastSentMs;
    private long nextHeartbeatMs;

    SimSession(final WebSocket connection, final boolean combined, final int[] initialSymbols)
    {
        this.connection = connection;
        this.connectionImpl = connection instanceof WebSocketImpl ? (WebSocketImpl)connection : null;
        this.combined = combined;
        this.initialSymbols = initialSymbols;
    }

    int[] initialSymbols()
    {
        return initialSymbols;
    }

    boolean combined()
    {
        return combined;
    }

    void combined(final boolean combined)
    {
        this.combined = combined;
    }

    boolean registered()
    {
        return registered;
    }

    void registered(final boolean registered)
    {
        this.registered = registered;
    }

    /** A session dropped as a slow consumer gets nothing more while its close is in flight. */
    boolean dropped()
    {
        return dropped;
    }

    void markDropped()
    {
        dropped = true;
    }

    boolean isSubscribed(final int symbolIndex)
    {
        return symbolSet.contains(symbolIndex);
    }

    /**
     * @return true when newly added.
     */
    boolean subscribe(final int symbolIndex)
    {
        if (!symbolSet.add(symbolIndex))
        {
            return false;
        }
        symbols.addInt(symbolIndex);
        return true;
    }

    /**
     * @return true when it was subscribed.
     */
    boolean unsubscribe(final int symbolIndex)
    {
        if (!symbolSet.remove(symbolIndex))
        {
            return false;
        }
        symbols.removeInt(symbolIndex);
        depths.remove(symbolIndex);
        channelIds.remove(symbolIndex);
        return true;
    }

    /** The book depth the subscription to {@code symbolIndex} asked for; 0 when the venue has none. */
    int depth(final int symbolIndex)
    {
        return depths.get(symbolIndex);
    }

    /** The channel id the venue gave the subscription to {@code symbolIndex}; -1 when none. */
    int channelId(final int symbolIndex)
    {
        return channelIds.get(symbolIndex);
    }

    /** Records what the subscription to {@code symbolIndex} asked for and was given. */
    void subscription(final int symbolIndex, final int depth, final int channelId)
    {
        depths.put(symbolIndex, depth);
        if (channelId >= 0)
        {
            channelIds.put(symbolIndex, channelId);
        }
        else
        {
            channelIds.remove(symbolIndex);
        }
    }

    /**
     * @return the subscribed symbol given {@code channelId}, or -1 when none has it.
     */
    int symbolOfChannel(final int channelId)
    {
        for (int i = 0, count = symbols.size(); i < count; i++)
        {
            final int symbolIndex = symbols.getInt(i);
            if (channelIds.get(symbolIndex) == channelId)
            {
                return symbolIndex;
            }
        }
        return -1;
    }

    /** Takes the next of this connection's message sequence numbers (Coinbase {@code sequence_num}). */
    long nextSequence()
    {
        return nextSequence++;
    }

    boolean heartbeats()
    {
        return heartbeats;
    }

    void heartbeats(final boolean heartbeats)
    {
        this.heartbeats = heartbeats;
    }

    /** Counts a heartbeat sent and returns the count before it. */
    long nextHeartbeatCount()
    {
        return heartbeatCount++;
    }

    /** When the last frame was handed to this connection, epoch ms. */
    long lastSentMs()
    {
        return lastSentMs;
    }

    void lastSentMs(final long lastSentMs)
    {
        this.lastSentMs = lastSentMs;
    }

    /** When the next periodic heartbeat is due, epoch ms; 0 before the first. */
    long nextHeartbeatMs()
    {
        return nextHeartbeatMs;
    }

    void nextHeartbeatMs(final long nextHeartbeatMs)
    {
        this.nextHeartbeatMs = nextHeartbeatMs;
    }

    int subscriptionCount()
    {
        return symbols.size();
    }

    int subscription(final int index)
    {
        return symbols.getInt(index);
    }

    int[] subscriptionsCopy()
    {
        return symbols.toIntArray();
    }

    /**
     * @return frames queued in the library's unbounded outgoing queue, not yet written to the socket.
     */
    int queuedFrames()
    {
        return connectionImpl != null ? connectionImpl.outQueue.size() : 0;
    }

    /**
     * Java-WebSocket 1.6.0 can strand frames: its selector thread drains the queue and then sets the key
     * to OP_READ, overwriting the OP_WRITE a concurrent send had just set. True when frames are queued
     * but nothing will write them.
     */
    boolean writeStranded()
    {
        if (connectionImpl == null || connectionImpl.outQueue.isEmpty())
        {
            return false;
        }
        final SelectionKey key = connectionImpl.getSelectionKey();
        try
        {
            return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
        }
        catch (final CancelledKeyException ex)
        {
            return false;
        }
    }
}
