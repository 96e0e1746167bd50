package io.fathom.tools.sim;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's WebSocket endpoint. Which handshakes it accepts and what client frames mean is the
 * venue's {@link SimWire}: Binance's market-stream routes ({@code /ws}, {@code /stream?streams=..}), any
 * path for the venues that subscribe by message. A refused handshake gets HTTP 404. Frames are parsed
 * here and applied by the {@link SimGeneratorAgent}.
 *
 * <p>For {@link SimFaults}: records every handshake, withholds pongs during a no-pong window, and keeps the
 * open connections in the order they opened so that the oldest can be dropped.
 */
final class SimWebSocketServer extends WebSocketServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SimWebSocketServer.class);
    private static final int STOP_TIMEOUT_MS = 2_000;
    private static final long WORKER_JOIN_TIMEOUT_MS = 2_000;
    private static final String DROP_REASON = "fault: connection dropped";

    /** What a handshake asked for: raw or combined events, and the streams named in the URL. */
    static final class Route
    {
        /** Any path, subscribing to nothing. */
        static final Route NONE = new Route(false, new int[0]);

        final boolean combined;
        final int[] symbols;

        Route(final boolean combined, final int[] symbols)
        {
            this.combined = combined;
            this.symbols = symbols;
        }
    }

    private final SimGeneratorAgent agent;
    private final SimWire wire;
    private final SimFaults faults;
    private final LinkedHashSet<WebSocket> openOrder = new LinkedHashSet<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    SimWebSocketServer(
        final ServerSocketChannel boundChannel,
        final SimGeneratorAgent agent,
        final SimFaults faults,
        final SimulatorConfig config)
    {
        super(boundChannel);
        this.agent = agent;
        this.wire = agent.wire();
        this.faults = faults;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(config.pingIntervalSeconds());
    }

    /**
     * Starts the selector thread and waits until it is accepting connections.
     */
    void startAndAwait(final long timeoutMs) throws Exception
    {
        start();
        started.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        final WebSocket connection, final Draft draft, final ClientHandshake request) throws InvalidDataException
    {
        faults.recordHandshake();
        final Route route = wire.route(request.getResourceDescriptor());
        if (route == null)
        {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "invalid stream or path");
        }
        connection.setAttachment(route);
        return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
    }

    public void onOpen(final WebSocket connection, final ClientHandshake handshake)
    {
        final Route route = connection.getAttachment();
        final SimSession session = new SimSession(connection, route.combined, route.symbols);
        connection.setAttachment(session);
        synchronized (openOrder)
        {
            openOrder.add(connection);
        }
        agent.submit(() -> agent.onOpen(session));
    }

    public void onClose(final WebSocket connection, final int code, final String reason, final boolean remote)
    {
        synchronized (openOrder)
        {
            openOrder.remove(connection);
        }
        final Object attachment = connection.getAttachment();
        if (attachment instanceof SimSession)
        {
            final SimSession session = (SimSession)attachment;
            agent.submit(() -> agent.onClosed(session));
        }
    }

    public void onMessage(final WebSocket connection, final String message)
    {
        final Object attachment = connection.getAttachment();
        if (attachment instanceof SimSession)
        {
            final SimSession session = (SimSession)attachment;
            final SimControl control = wire.parse(message);
            agent.submit(() -> agent.onControl(session, control));
        }
    }

    public void onMessage(final WebSocket connection, final ByteBuffer message)
    {
        // the venues ignore binary frames on market streams; so does the simulator
    }

    /** Answers a client's ping with a pong, unless a no-pong fault is on. */
    public void onWebsocketPing(final WebSocket connection, final Framedata frame)
    {
        if (!faults.withholdPong())
        {
            super.onWebsocketPing(connection, frame);
        }
    }

    /**
     * Cuts every open connection: the socket is closed with no close frame, clients see 1006.
     *
     * @return how many were cut.
     */
    int dropAll()
    {
        final WebSocket[] open;
        synchronized (openOrder)
        {
            open = openOrder.toArray(new WebSocket[0]);
        }
        int dropped = 0;
        for (final WebSocket connection : open)
        {
            if (drop(connection))
            {
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Cuts the connection open longest, as {@link #dropAll()} does.
     *
     * @return false when none was open.
     */
    boolean dropOldest()
    {
        while (true)
        {
            final WebSocket oldest;
            synchronized (openOrder)
            {
                final Iterator<WebSocket> iterator = openOrder.iterator();
                if (!iterator.hasNext())
                {
                    return false;
                }
                oldest = iterator.next();
                iterator.remove();
            }
            if (drop(oldest))
            {
                return true;
            }
        }
    }

    public void onError(final WebSocket connection, final Exception ex)
    {
        if (connection == null && !started.isDone())
        {
            started.completeExceptionally(ex);
            return;
        }
        LOG.warn("WebSocket error on {}", connection == null ? "server" : connection.getRemoteSocketAddress(), ex);
    }

    public void onStart()
    {
        started.complete(null);
    }

    /**
     * Closes every connection (close frame, then the socket), the listening socket and the library's
     * threads, waiting for them.
     */
    public void close()
    {
        final List<WebSocket> connections = new ArrayList<>(getConnections());
        boolean interrupted = false;
        try
        {
            stop(STOP_TIMEOUT_MS, "simulator closing");
        }
        catch (final InterruptedException ex)
        {
            interrupted = true;
        }
        for (final WebSocket connection : connections)
        {
            if (!connection.isClosed())
            {
                connection.closeConnection(CloseFrame.GOING_AWAY, "simulator closed");
            }
        }
        for (final Thread worker : decoders)
        {
            try
            {
                worker.join(WORKER_JOIN_TIMEOUT_MS);
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean drop(final WebSocket connection)
    {
        if (!connection.isOpen())
        {
            return false;
        }
        // cancels the key and closes the channel: no close frame, no flush of what is queued
        connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, DROP_REASON);
        return true;
    }
}
