package io.fathom.tools.sim;

import org.agrona.collections.IntArrayList;
import org.agrona.collections.IntHashSet;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;

/**
 * One client connection as the generator sees it: its socket, whether frames are wrapped as combined
 * stream events, and its subscribed symbols in subscription order.
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
    private boolean combined;
    private boolean registered;
    private boolean dropped;

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
        return true;
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
