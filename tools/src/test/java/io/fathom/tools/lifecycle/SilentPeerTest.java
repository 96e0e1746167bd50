package io.fathom.tools.lifecycle;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that accepts TCP connections and never answers the WebSocket upgrade: the state a connection
 * is in between its connect and its open, held as long as we like. Shutdown and the connect timeout must
 * both end such an attempt; before they did, a signal during start-up left the engine waiting for sockets
 * that would never close. Each transport closes its own way (Java-WebSocket's socket, the JDK's cancelled
 * handshake), so both are held to it.
 */
class SilentPeerTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shutdownWhileTheHandshakeIsUnansweredClosesEverySocketInTime(final Transport transport) throws Exception
    {
        try (SilentPeer peer = new SilentPeer())
        {
            final Engine engine = Engine.launch(config(peer, Duration.ofMinutes(1), transport));
            Await.until(() -> peer.accepted() == 4, Duration.ofSeconds(30), "every connection attempt accepted");
            assertThat(engine.feedsByState()[FeedState.CONNECTING.ordinal()]).isEqualTo(8);

            final ShutdownReport report = engine.shutdown();

            assertThat(report.clean()).as("shutdown failures: %s", report.failures()).isTrue();
            assertThat(report.haltProducersMs()).as("halt producers, ms").isLessThan(2_000);
            Await.until(() -> peer.closedByClient() == 4, Duration.ofSeconds(10), "the peer sees every socket closed");
            assertThat(engine.feedsByState()[FeedState.CLOSED.ordinal()]).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anUnansweredHandshakeIsAbandonedAtTheConnectTimeoutAndRetried(final Transport transport) throws Exception
    {
        try (SilentPeer peer = new SilentPeer())
        {
            final Engine engine = Engine.launch(config(peer, Duration.ofMillis(300), transport));

            Await.until(() -> peer.closedByClient() >= 4 && peer.accepted() >= 8, Duration.ofSeconds(30),
                "attempts abandoned at the timeout and new ones made (accepted " + peer.accepted() + ", closed " +
                peer.closedByClient() + ")");
            assertThat(engine.counters().value(SystemCounter.RECONNECTS)).isPositive();
            assertThat(engine.shutdown().clean()).isTrue();
        }
    }

    private EngineContext config(
        final SilentPeer peer, final Duration connectTimeout, final Transport transport)
    {
        return new EngineContext()
            .transport(transport)
            .symbols(List.of("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7"))
            .url("ws://127.0.0.1:" + peer.port())
            .restUrl("http://127.0.0.1:" + peer.port())
            .streamsPerConnection(2)
            .connectTimeout(connectTimeout)
            .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(100))
            .shutdownTimeout(Duration.ofSeconds(3))
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }

    /** Accepts connections on loopback, reads whatever arrives and never writes a byte. */
    private static final class SilentPeer implements AutoCloseable
    {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger closedByClient = new AtomicInteger();
        private final Thread acceptor = new Thread(this::acceptLoop, "silent-peer");

        SilentPeer() throws IOException
        {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port()
        {
            return server.getLocalPort();
        }

        int accepted()
        {
            return sockets.size();
        }

        int closedByClient()
        {
            return closedByClient.get();
        }

        private void acceptLoop()
        {
            while (!server.isClosed())
            {
                try
                {
                    final Socket socket = server.accept();
                    sockets.add(socket);
                    final Thread reader = new Thread(() -> readUntilClosed(socket), "silent-peer-reader");
                    reader.setDaemon(true);
                    reader.start();
                }
                catch (final IOException ex)
                {
                    return;
                }
            }
        }

        private void readUntilClosed(final Socket socket)
        {
            final byte[] buffer = new byte[4096];
            try
            {
                while (socket.getInputStream().read(buffer) >= 0)
                {
                    continue;
                }
                closedByClient.incrementAndGet();
            }
            catch (final IOException ex)
            {
                closedByClient.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException
        {
            server.close();
            for (final Socket socket : sockets)
            {
                socket.close();
            }
        }
    }
}
