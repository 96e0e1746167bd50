package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fathom.engine.feed.RawTextDraft;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transport alone, the ceiling for any design on this machine: the same Java-WebSocket client and
 * framing the engine uses, receiving every frame as bytes and dropping it. It reads only the stream
 * name and {@code u} to time the frame against the simulator's schedule (intended send to received).
 */
final class TransportClient extends DroppingClient
{
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private final List<Connection> connections = new ArrayList<>();

    TransportClient(final Options options)
    {
        super(options);
    }

    private final class Connection extends WebSocketClient
    {
        private final AtomicLong received = newReceivedCounter();

        Connection(final URI uri)
        {
            super(uri, new RawTextDraft(), null, CONNECT_TIMEOUT_MS);
        }

        @Override
        public void onMessage(final ByteBuffer frame)
        {
            final long receivedNs = System.nanoTime();
            received.lazySet(received.get() + 1);
            final int symbolIndex = streamIndex(frame);
            final long lastUpdateId = lastUpdateId(frame);
            recordApplied(symbolIndex, lastUpdateId, receivedNs);
        }

        @Override
        public void onMessage(final String text)
        {
            onMessage(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }

        @Override
        public void onOpen(final ServerHandshake handshake)
        {
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
        }

        @Override
        public void onError(final Exception ex)
        {
            System.err.println("transport connection " + getURI().getPath() + ": " + ex);
        }
    }

    @Override
    void start() throws InterruptedException
    {
        for (int i = 0; i < options.connections(); i++)
        {
            connections.add(new Connection(URI.create(options.streamUrl(i))));
        }
        openAll(connections);
    }

    @Override
    boolean ready()
    {
        for (final Connection connection : connections)
        {
            if (!connection.isOpen())
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
            connection.close();
        }
        return JSON.createObjectNode().put("shutdown_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNs));
    }
}
