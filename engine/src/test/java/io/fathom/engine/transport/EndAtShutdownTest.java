package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.testing.Await;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown's end of a connection on the selector transport: with the I/O agent on its own thread, the caller
 * only leaves the request, and the agent sends each socket a close frame, closes it and reports the close
 * (1006) on its own thread; in invoker mode the caller has to abort the socket itself.
 */
class EndAtShutdownTest
{
    private static final int CONNECTIONS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final TransportLimits LIMITS =
        new TransportLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(60), 1 << 20);

    private SelectorTransportFactory factory;

    @AfterEach
    void closeFactory()
    {
        if (factory != null)
        {
            factory.close();
        }
    }

    @Test
    void theAgentSendsEachSocketACloseFrameClosesItAndReportsItOnItsOwnThread() throws Exception
    {
        factory = new SelectorTransportFactory(new SelectorSettings(1, IoThreading.DEDICATED), LIMITS,
            () -> new BackoffIdleStrategy(), error -> { });
        try (RecordingPeer peer = new RecordingPeer())
        {
            final List<Closes> handlers = new ArrayList<>();
            final List<WebSocketTransport> transports = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++)
            {
                final Closes handler = new Closes();
                final WebSocketTransport transport = factory.newTransport(URI.create("ws://127.0.0.1:" + peer.port() + "/c" + i), handler);
                handlers.add(handler);
                transports.add(transport);
                transport.connect();
            }
            Await.until(() -> handlers.stream().allMatch(h -> h.opened), TIMEOUT, "every connection open");

            for (final WebSocketTransport transport : transports)
            {
                assertThat(transport.endOnOwnThread("shutdown")).isTrue();
            }

            Await.until(() -> handlers.stream().allMatch(h -> !h.closes.isEmpty()), TIMEOUT, "every close reported");
            Await.until(() -> peer.ended.size() == CONNECTIONS, TIMEOUT, "the peer sees every socket end");
            for (final Closes handler : handlers)
            {
                assertThat(handler.closes).containsExactly("1006 shutdown on fathom-io-0");
            }
            for (final byte[] afterUpgrade : peer.ended.values())
            {
                assertThat(afterUpgrade.length).as("a masked close frame, code 1000").isEqualTo(2 + 4 + 2);
                assertThat(afterUpgrade[0]).isEqualTo((byte)0x88);
                assertThat(afterUpgrade[1]).isEqualTo((byte)0x82);
            }
            assertThat(transports).noneMatch(WebSocketTransport::isOpen);
        }
    }

    @Test
    void inInvokerModeTheCallerAbortsTheSocketItself() throws Exception
    {
        factory = new SelectorTransportFactory(new SelectorSettings(1, IoThreading.INVOKER), LIMITS,
            () -> new BackoffIdleStrategy(), error -> { });
        try (RecordingPeer peer = new RecordingPeer())
        {
            final Closes handler = new Closes();
            final WebSocketTransport transport = factory.newTransport(URI.create("ws://127.0.0.1:" + peer.port() + "/c"), handler);
            transport.connect();
            Await.until(() ->
            {
                factory.invoke();
                return handler.opened;
            }, TIMEOUT, "open");

            assertThat(transport.endOnOwnThread("shutdown")).isFalse();
            transport.abort("shutdown");

            assertThat(handler.closes).containsExactly("1006 shutdown on " + Thread.currentThread().getName());
            Await.until(() ->
            {
                factory.invoke();
                return peer.ended.size() == 1;
            }, TIMEOUT, "the peer sees the socket end");
        }
    }

    /** Records each close and the thread it was reported on. */
    private static final class Closes implements WebSocketTransport.Handler
    {
        private final List<String> closes = new CopyOnWriteArrayList<>();
        private volatile boolean opened;

        @Override
        public void onOpen()
        {
            opened = true;
        }

        @Override
        public void onFrame(final ByteBuffer payload)
        {
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
        }

        @Override
        public void onFrameTooLarge()
        {
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
            closes.add(code + " " + reason + " on " + Thread.currentThread().getName());
        }

        @Override
        public void onError(final Throwable error)
        {
        }
    }

    /**
     * Answers each upgrade on loopback, then keeps every byte the client sends until it closes the socket:
     * {@link #ended} holds them by connection.
     */
    private static final class RecordingPeer implements AutoCloseable
    {
        private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)");
        private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        private final ServerSocket server = new ServerSocket(0, CONNECTIONS, InetAddress.getLoopbackAddress());
        private final ConcurrentHashMap<Integer, byte[]> ended = new ConcurrentHashMap<>();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "recording-peer");

        RecordingPeer() throws IOException
        {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port()
        {
            return server.getLocalPort();
        }

        private void accept()
        {
            int id = 0;
            while (!server.isClosed())
            {
                try
                {
                    final Socket socket = server.accept();
                    final int connection = id++;
                    final Thread reader = new Thread(() -> serve(connection, socket), "recording-peer-" + connection);
                    reader.setDaemon(true);
                    threads.add(reader);
                    reader.start();
                }
                catch (final IOException ex)
                {
                    return;
                }
            }
        }

        private void serve(final int connection, final Socket socket)
        {
            try (socket; InputStream in = socket.getInputStream())
            {
                final StringBuilder head = new StringBuilder();
                while (head.indexOf("\r\n\r\n") < 0)
                {
                    final int b = in.read();
                    if (b < 0)
                    {
                        return;
                    }
                    head.append((char)b);
                }
                final Matcher key = KEY.matcher(head);
                if (!key.find())
                {
                    return;
                }
                final String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key.group(1) + GUID).getBytes(StandardCharsets.ISO_8859_1)));
                socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n" +
                    "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                final ByteArrayOutputStream received = new ByteArrayOutputStream();
                final byte[] chunk = new byte[256];
                int read;
                try
                {
                    while ((read = in.read(chunk)) >= 0)
                    {
                        received.write(chunk, 0, read);
                    }
                }
                catch (final IOException reset)
                {
                    // an abort with unread data resets the connection: it has still ended
                }
                ended.put(connection, received.toByteArray());
            }
            catch (final Exception ex)
            {
                ended.put(connection, ("failed: " + ex).getBytes(StandardCharsets.US_ASCII));
            }
        }

        @Override
        public void close() throws IOException
        {
            server.close();
            for (final Thread thread : threads)
            {
                try
                {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
