package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's WebSocket alone, set up as the engine's JDK transport is: one shared {@link HttpClient} (one
 * selector thread) whose single executor thread receives every connection's messages, each part requested
 * after the last was handled. It reads only the stream name and {@code u} of each message, from its
 * first characters, to time it against the simulator's schedule, and drops it.
 */
final class JdkTransportClient extends DroppingClient
{
    private static final int CONNECTS_IN_FLIGHT = 32;
    private static final long CONNECT_TIMEOUT_S = 30;
    /** Enough of a Binance combined-stream message to hold the stream name and {@code u}. */
    private static final int HEAD_CHARS = 256;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "transport-jdk");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().executor(executor).build();
    private final List<Connection> connections = new ArrayList<>();

    JdkTransportClient(final Options options)
    {
        super(options);
    }

    private final class Connection implements WebSocket.Listener
    {
        private final AtomicLong received = newReceivedCounter();
        /** The message's first characters, as the ASCII bytes they are. */
        private final ByteBuffer head = ByteBuffer.allocate(HEAD_CHARS);
        private volatile WebSocket webSocket;

        @Override
        public void onOpen(final WebSocket ws)
        {
            webSocket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            final long receivedNs = System.nanoTime();
            for (int i = 0, n = Math.min(data.length(), head.remaining()); i < n; i++)
            {
                head.put((byte)data.charAt(i));
            }
            if (last)
            {
                received.lazySet(received.get() + 1);
                head.flip();
                recordApplied(streamIndex(head), lastUpdateId(head), receivedNs);
                head.clear();
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(final WebSocket ws, final Throwable error)
        {
            System.err.println("transport-jdk connection: " + error);
        }
    }

    @Override
    void start() throws Exception
    {
        for (int first = 0; first < options.connections(); first += CONNECTS_IN_FLIGHT)
        {
            final List<CompletableFuture<WebSocket>> batch = new ArrayList<>();
            for (int i = first; i < Math.min(options.connections(), first + CONNECTS_IN_FLIGHT); i++)
            {
                final Connection connection = new Connection();
                connections.add(connection);
                batch.add(client.newWebSocketBuilder().buildAsync(URI.create(options.streamUrl(i)), connection));
            }
            CompletableFuture.allOf(batch.toArray(new CompletableFuture<?>[0])).get(CONNECT_TIMEOUT_S, TimeUnit.SECONDS);
        }
    }

    @Override
    boolean ready()
    {
        for (final Connection connection : connections)
        {
            if (connection.webSocket == null)
            {
                return false;
            }
        }
        return true;
    }

    @Override
    ObjectNode shutdown()
    {
        final long startNs = System.nanoTime();
        for (final Connection connection : connections)
        {
            connection.webSocket.abort();
        }
        executor.shutdownNow();
        return JSON.createObjectNode().put("shutdown_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNs));
    }
}
