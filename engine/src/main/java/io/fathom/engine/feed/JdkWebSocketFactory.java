package io.fathom.engine.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@link HttpClient}, hence one selector thread, for every connection of an engine; its executor
 * is a single thread of ours, named {@code fathom-ws-jdk}, which runs the opening handshakes, delivers
 * every message (so it is the feed thread of all connections) and sends the keep-alive pings. One
 * thread because that is the point of this transport: the thread count does not grow with the
 * connections, and a decode takes a microsecond or two, so one thread outpaces the book handler it
 * feeds; and because it is ours, {@link #close()} stops it (on Java 17 an {@code HttpClient} has no
 * close: its selector thread ends once the client is unreachable and its connections are closed).
 */
public final class JdkWebSocketFactory implements WebSocketTransport.Factory
{
    private static final String THREAD_NAME = "fathom-ws-jdk";

    private final Duration connectTimeout;
    private final long pingIntervalNs;
    private final ScheduledThreadPoolExecutor executor;
    private final Set<JdkWebSocketTransport> open = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> keepAlive;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpClient client;

    /**
     * @param pingInterval how often to ping; a connection without a pong for 1.5 intervals is aborted.
     */
    public JdkWebSocketFactory(final Duration connectTimeout, final Duration pingInterval)
    {
        this.connectTimeout = connectTimeout;
        this.pingIntervalNs = pingInterval.toNanos();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable ->
        {
            final Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.client = HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(connectTimeout)
            .build();
        this.keepAlive = executor.scheduleAtFixedRate(this::keepAlive, pingIntervalNs, pingIntervalNs, TimeUnit.NANOSECONDS);
    }

    @Override
    public WebSocketTransport newTransport(final URI uri, final WebSocketTransport.Handler handler)
    {
        return new JdkWebSocketTransport(this, uri, handler);
    }

    /** Stops the executor and lets go of the client, so its selector thread ends; after every transport closed. */
    @Override
    public void close()
    {
        if (closed.compareAndSet(false, true))
        {
            keepAlive.cancel(false);
            executor.shutdownNow();
            client = null;
        }
    }

    CompletableFuture<WebSocket> connect(final URI uri, final WebSocket.Listener listener)
    {
        final HttpClient http = client;
        if (http == null)
        {
            return CompletableFuture.failedFuture(new IllegalStateException("transport factory closed"));
        }
        return http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, listener);
    }

    /** Runs {@code task} on the factory's thread after the delay; at once when the factory is closed. */
    void afterDelay(final Runnable task, final long delayMs)
    {
        try
        {
            executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        }
        catch (final java.util.concurrent.RejectedExecutionException ex)
        {
            task.run();
        }
    }

    /** Pings the transport from now on; called once it is open. */
    void register(final JdkWebSocketTransport transport)
    {
        open.add(transport);
    }

    /** Stops pinging the transport; called once its close was reported. */
    void unregister(final JdkWebSocketTransport transport)
    {
        open.remove(transport);
    }

    private void keepAlive()
    {
        final long nowNs = System.nanoTime();
        final long oldestPongNs = nowNs - pingIntervalNs * 3 / 2;
        for (final JdkWebSocketTransport transport : open)
        {
            transport.keepAlive(oldestPongNs);
        }
    }
}
