package io.fathom.tools;

import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An independent WebSocket peer for tests: Java-WebSocket's server on a free loopback port, started and
 * awaited with a deadline, ignoring what the test does not override, and stopped by {@link #close()}.
 */
public abstract class LoopbackWebSocketServer extends WebSocketServer implements AutoCloseable
{
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    protected LoopbackWebSocketServer()
    {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        setReuseAddr(true);
    }

    /** Starts the server and returns once it listens. */
    public final void startAndAwait() throws Exception
    {
        start();
        started.get(30, TimeUnit.SECONDS);
    }

    @Override
    public final void onStart()
    {
        started.complete(null);
    }

    @Override
    public void onClose(final WebSocket connection, final int code, final String reason, final boolean remote)
    {
    }

    @Override
    public void onMessage(final WebSocket connection, final String message)
    {
    }

    @Override
    public void onError(final WebSocket connection, final Exception ex)
    {
    }

    @Override
    public void close()
    {
        try
        {
            stop(1000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
