package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
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
        private final StringBuilder head = new StringBuilder(HEAD_CHARS);
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
            if (head.length() < HEAD_CHARS)
            {
                head.append(data, 0, Math.min(data.length(), HEAD_CHARS - head.length()));
            }
            if (last)
            {
                received.lazySet(received.get() + 1);
                recordApplied(streamIndex(head), lastUpdateId(head), receivedNs);
                head.setLength(0);
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

    /** The index in {@code {"stream":"sym<index>@...}, or -1. */
    static int streamIndex(final CharSequence head)
    {
        int index = 0;
        int digits = 0;
        for (int i = "{\"stream\":\"sym".length(); i < head.length(); i++)
        {
            final char c = head.charAt(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            index = index * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? -1 : index;
    }

    /** The value of the first {@code ,"u":} field, or -1. */
    static long lastUpdateId(final CharSequence head)
    {
        for (int i = 0, end = head.length() - 5; i < end; i++)
        {
            if (head.charAt(i) == ',' && head.charAt(i + 1) == '"' && head.charAt(i + 2) == 'u' && head.charAt(i + 3) == '"' &&
                head.charAt(i + 4) == ':')
            {
                long value = 0;
                for (int j = i + 5; j < head.length(); j++)
                {
                    final char c = head.charAt(j);
                    if (c < '0' || c > '9')
                    {
                        return value;
                    }
                    value = value * 10 + (c - '0');
                }
            }
        }
        return -1;
    }
}
