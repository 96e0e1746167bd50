package io.fathom.tools.lifecycle;

import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.replay.JournalWalker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five hundred connections to a peer that completes the upgrade and then never writes again, so it never
 * answers a close frame: shutdown must not wait on close handshakes, one after another or at all, and ends
 * every socket and records every feed's closing (to the listener and in the journal) whichever thread closes
 * the sockets. Before
 * the sockets were aborted once the ring drained, every transport waited for the peer's close until the
 * shutdown deadline and the shutdown ended not clean.
 */
class UnansweredCloseShutdownTest
{
    private static final int CONNECTIONS = 500;

    @TempDir
    Path dir;

    private final Set<String> closedByListener = ConcurrentHashMap.newKeySet();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fiveHundredConnectionsShutDownCleanWithoutAnyCloseHandshake(final Transport transport) throws Exception
    {
        try (MutePeer peer = new MutePeer())
        {
            final Engine engine = Engine.launch(config(peer, transport));
            Await.until(() -> engine.counters().value(SystemCounter.CONNECTIONS_OPEN) == CONNECTIONS,
                Duration.ofSeconds(60), "every connection open (open " +
                engine.counters().value(SystemCounter.CONNECTIONS_OPEN) + ")");

            final ShutdownReport report = engine.shutdown();

            assertThat(report.failures()).as("shutdown failures").isEmpty();
            assertThat(report.clean()).isTrue();
            assertThat(report.disconnectComplete()).isTrue();
            Await.until(() -> peer.closedByClient() == CONNECTIONS, Duration.ofSeconds(20),
                "the peer sees every socket closed (closed " + peer.closedByClient() + ")");
            assertThat(peer.upgraded()).as("upgrades the peer answered").isGreaterThanOrEqualTo(CONNECTIONS);
            assertThat(engine.feedsByState()[FeedState.CLOSED.ordinal()]).isEqualTo(CONNECTIONS);
            assertThat(engine.counters().value(SystemCounter.CONNECTIONS_OPEN)).isZero();
            assertThat(closedByListener).as("feeds the listener saw closed").hasSize(CONNECTIONS);
            assertThat(closedInJournal()).as("feeds whose closing the journal recorded").hasSize(CONNECTIONS);
        }
    }

    private Set<Integer> closedInJournal()
    {
        final Set<Integer> closed = new HashSet<>();
        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll(new JournalWalker().add(new JournalWalker.Listener()
            {
                @Override
                public void onFeedState(final JournalWalker.Instrument instrument, final FeedStateRecord state, final long index)
                {
                    if (state.toState() == FeedStateRecord.STATE_CLOSED && state.instrumentId() >= 0)
                    {
                        closed.add(state.instrumentId());
                    }
                }
            }));
        }
        return closed;
    }

    private EngineContext config(final MutePeer peer, final Transport transport)
    {
        final List<String> symbols = new ArrayList<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++)
        {
            symbols.add("S" + i + "-USDT");
        }
        return new EngineContext()
            .transport(transport)
            .venue("okx")
            .symbols(symbols)
            .url("ws://127.0.0.1:" + peer.port())
            .restUrl("http://127.0.0.1:" + peer.port())
            .streamsPerConnection(1)
            .connectRatePerSecond(10_000).connectBurst(CONNECTIONS).maxConnectsInFlight(CONNECTIONS)
            .connectTimeout(Duration.ofSeconds(30))
            .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(200))
            // the deadline a close handshake that never completes used to run into
            .shutdownTimeout(Duration.ofSeconds(5))
            .feedListener((symbol, from, to, cause, epochNs) ->
            {
                if (to == FeedState.CLOSED)
                {
                    closedByListener.add(symbol);
                }
            })
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }

    /**
     * Answers each WebSocket upgrade on loopback, then reads and discards whatever arrives and never writes
     * again: no data, no pong, no close frame. One selector thread serves every connection.
     */
    private static final class MutePeer implements AutoCloseable
    {
        private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)");
        private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        private final Selector selector = Selector.open();
        private final ServerSocketChannel server = ServerSocketChannel.open();
        private final AtomicInteger upgraded = new AtomicInteger();
        private final AtomicInteger closedByClient = new AtomicInteger();
        private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
        private final Thread thread = new Thread(this::run, "mute-peer");
        private volatile boolean running = true;

        MutePeer() throws IOException
        {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2 * CONNECTIONS);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            thread.setDaemon(true);
            thread.start();
        }

        int port()
        {
            return server.socket().getLocalPort();
        }

        int upgraded()
        {
            return upgraded.get();
        }

        int closedByClient()
        {
            return closedByClient.get();
        }

        private void run()
        {
            try
            {
                while (running)
                {
                    selector.select(100);
                    for (final SelectionKey key : selector.selectedKeys())
                    {
                        if (key.isValid() && key.isAcceptable())
                        {
                            accept();
                        }
                        else if (key.isValid() && key.isReadable())
                        {
                            read(key);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            }
            catch (final IOException ex)
            {
                if (running)
                {
                    throw new IllegalStateException("mute peer failed", ex);
                }
            }
        }

        private void accept() throws IOException
        {
            SocketChannel channel;
            while ((channel = server.accept()) != null)
            {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new StringBuilder());
            }
        }

        private void read(final SelectionKey key) throws IOException
        {
            final SocketChannel channel = (SocketChannel)key.channel();
            readBuffer.clear();
            int read;
            try
            {
                read = channel.read(readBuffer);
            }
            catch (final IOException ex)
            {
                read = -1;
            }
            if (read < 0)
            {
                closedByClient.incrementAndGet();
                key.cancel();
                channel.close();
                return;
            }
            final StringBuilder request = (StringBuilder)key.attachment();
            if (request == null)
            {
                return; // upgraded: everything after the handshake is read and ignored
            }
            request.append(new String(readBuffer.array(), 0, read, StandardCharsets.ISO_8859_1));
            if (request.indexOf("\r\n\r\n") < 0)
            {
                return;
            }
            key.attach(null);
            final Matcher matcher = KEY.matcher(request);
            if (!matcher.find())
            {
                return; // not an upgrade: left unanswered
            }
            final ByteBuffer response = ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\n" +
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept(matcher.group(1)) +
                "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            while (response.hasRemaining())
            {
                if (channel.write(response) == 0)
                {
                    Thread.onSpinWait();
                }
            }
            upgraded.incrementAndGet();
        }

        private static String accept(final String key)
        {
            try
            {
                final byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
                return Base64.getEncoder().encodeToString(digest);
            }
            catch (final NoSuchAlgorithmException ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void close() throws IOException
        {
            running = false;
            selector.wakeup();
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            for (final SelectionKey key : selector.keys())
            {
                key.channel().close();
            }
            selector.close();
        }
    }
}
