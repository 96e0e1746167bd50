package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.transport.PeerProcess.Kind;
import io.fathom.testing.Await;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The selector transport against WebSocket servers nobody here wrote, the npm {@code ws} server and Python's
 * {@code websockets}, over {@code ws://} and over TLS ({@code wss://}, a certificate made for the test), each
 * playing a scenario chosen by the path (scripts in {@code src/test/peers/}): fragments (with a ping between
 * them from {@code ws}, whose API can interleave one), the server's ping, a close handshake either side starts,
 * an abrupt reset, a message over the 1 MiB limit and a burst of 20,000 small messages (over TLS, many small
 * records to a read, the last one cut anywhere). Over TLS, a certificate that does not name the host
 * asked for, or that nothing trusted signed, fails the attempt before any upgrade. The agents run in invoker
 * mode, on the test's thread.
 *
 * <p>Node and its {@code ws} package ({@code npm ci} from the committed lock, into {@code target/}) and
 * Python with {@code websockets} (Debian's {@code python3-websockets}, which {@code .ci/run} installs) must
 * be on the machine; a test whose interpreter is missing is skipped, saying so.
 */
class IndependentPeerTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, PeerProcess> PEERS = new HashMap<>();

    /** How the peer is reached. */
    enum Scheme
    {
        WS, WSS
    }

    private SelectorTransportFactory factory;
    private final Recorder recorder = new Recorder();

    static Stream<Arguments> peers()
    {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Scheme.values()).map(scheme -> Arguments.of(kind, scheme)));
    }

    @AfterEach
    void closeFactory()
    {
        if (factory != null)
        {
            factory.close();
        }
    }

    @AfterAll
    static void stopPeers()
    {
        PEERS.values().forEach(PeerProcess::stop);
        PEERS.clear();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void fragmentsArriveAsOneMessageAndAPingBetweenThemIsAnswered(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        final WebSocketTransport transport = open(peer, scheme, "/fragments");

        final int expected = kind == Kind.NODE_WS ? 3 : 2;
        await(() -> recorder.messages.size() == expected, "both messages (and the ws peer's report of the pong)");

        assertThat(recorder.messages.stream().filter(message -> !message.startsWith("pong:")))
            .containsExactly("{\"part\":\"one two three\"}", "after");
        if (kind == Kind.NODE_WS)
        {
            assertThat(recorder.messages).as("the ws peer saw the pong to its ping between the fragments")
                .contains("pong:between");
        }
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");
        assertThat(peer.awaitLine("close /fragments ")).isEqualTo("close /fragments 1000");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void theServersPingIsAnsweredWithItsPayload(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        final WebSocketTransport transport = open(peer, scheme, "/ping");

        await(() -> recorder.messages.size() == 1, "the peer's report of the pong");

        assertThat(recorder.messages).containsExactly("pong:are-you-there");
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void aCloseTheServerStartsIsEchoedAndReportedAsRemote(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        open(peer, scheme, "/close");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.closes).containsExactly("4001 bye remote");
        assertThat(peer.awaitLine("close /close ")).isEqualTo("close /close 4001");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void maskedMessagesReachThePeerAndAClientCloseCompletesTheHandshake(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        final WebSocketTransport transport = open(peer, scheme, "/echo");

        transport.sendText("{\"op\":\"subscribe\",\"args\":[\"Grüße\"]}");
        await(() -> recorder.messages.size() == 1, "the echo");
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.messages).containsExactly("echo:{\"op\":\"subscribe\",\"args\":[\"Grüße\"]}");
        assertThat(recorder.closes).containsExactly("1000  local");
        assertThat(peer.awaitLine("close /echo ")).isEqualTo("close /echo 1000");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void anAbruptResetEndsTheConnectionAs1006(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        open(peer, scheme, "/reset");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.messages).containsExactly("before reset");
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith("1006 "));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void aMessageOverTheLimitIsRefusedAndTheConnectionClosedWith1009(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        open(peer, scheme, "/oversized");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.tooLarge).isEqualTo(1);
        assertThat(recorder.messages).isEmpty();
        assertThat(peer.awaitLine("close /oversized ")).isEqualTo("close /oversized 1009");
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith("1009 "));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void aBurstOfMessagesArrivesWholeAndInOrder(final Kind kind, final Scheme scheme) throws Exception
    {
        final PeerProcess peer = peer(kind, scheme);
        final WebSocketTransport transport = open(peer, scheme, "/burst");

        await(() -> recorder.messages.size() >= 20_000 || !recorder.closes.isEmpty(), "20,000 messages");

        assertThat(recorder.closes).isEmpty();
        assertThat(recorder.messages).hasSize(20_000);
        for (int i = 0; i < 20_000; i += 997)
        {
            assertThat(recorder.messages.get(i)).isEqualTo("{\"n\":" + i + ",\"pad\":\"" + "z".repeat(i % 300) + "\"}");
        }
        assertThat(recorder.messages.get(19_999)).startsWith("{\"n\":19999,");
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aCertificateThatDoesNotNameTheHostFailsTheAttempt(final Kind kind) throws Exception
    {
        final PeerProcess peer = peer(kind, Scheme.WSS);
        factory = factory(TestCertificates.get().trusting());

        final WebSocketTransport transport = factory.newTransport(URI.create("wss://localhost:" + peer.port() + "/echo"), recorder);
        transport.connect();
        await(() -> !recorder.closes.isEmpty(), "the failed attempt");

        assertThat(recorder.opened).isFalse();
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith(WebSocketTransport.NEVER_CONNECTED + " "));
        assertThat(recorder.errors).hasSize(1).allMatch(error -> error.startsWith(SSLHandshakeException.class.getName()) &&
            error.contains("matching localhost found"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aCertificateNothingTrustedSignedFailsTheAttempt(final Kind kind) throws Exception
    {
        final PeerProcess peer = peer(kind, Scheme.WSS);
        factory = factory(null);

        final WebSocketTransport transport = factory.newTransport(URI.create("wss://127.0.0.1:" + peer.port() + "/echo"), recorder);
        transport.connect();
        await(() -> !recorder.closes.isEmpty(), "the failed attempt");

        assertThat(recorder.opened).isFalse();
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith(WebSocketTransport.NEVER_CONNECTED + " "));
        assertThat(recorder.errors).as("the JVM's default trust has no test certificate").hasSize(1)
            .allMatch(error -> error.startsWith(SSLHandshakeException.class.getName()) &&
                error.contains("unable to find valid certification path"));
    }

    /** @param tlsContext null: the JVM's default. */
    private static SelectorTransportFactory factory(final SSLContext tlsContext)
    {
        return new SelectorTransportFactory(new SelectorSettings(1, IoThreading.INVOKER, tlsContext),
            new TransportLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(30), 1 << 20),
            () -> null, Throwable::printStackTrace);
    }

    private WebSocketTransport open(final PeerProcess peer, final Scheme scheme, final String path) throws Exception
    {
        factory = factory(TestCertificates.get().trusting());
        final WebSocketTransport transport = factory.newTransport(
            URI.create(scheme.name().toLowerCase(java.util.Locale.ROOT) + "://127.0.0.1:" + peer.port() + path), recorder);
        transport.connect();
        await(() -> recorder.opened || !recorder.closes.isEmpty(), "the upgrade");
        assertThat(recorder.opened).as("opened before any close: %s", recorder).isTrue();
        return transport;
    }

    /** Drives the agents on this thread until the condition holds. */
    private void await(final BooleanSupplier condition, final String what)
    {
        Await.until(() ->
        {
            while (factory.invoke() > 0)
            {
                Thread.onSpinWait();
            }
            return condition.getAsBoolean();
        }, TIMEOUT, () -> what + "; seen " + recorder);
    }

    private static synchronized PeerProcess peer(final Kind kind, final Scheme scheme) throws Exception
    {
        final String key = kind + " " + scheme;
        PeerProcess peer = PEERS.get(key);
        if (peer == null)
        {
            peer = PeerProcess.start(kind, scheme == Scheme.WSS ? TestCertificates.get().pem() : null);
            PEERS.put(key, peer);
        }
        return peer;
    }

    /** What the transport told its handler. */
    private static final class Recorder implements WebSocketTransport.Handler
    {
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final List<String> closes = new CopyOnWriteArrayList<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private volatile boolean opened;
        private volatile int tooLarge;

        @Override
        public void onOpen()
        {
            opened = true;
        }

        @Override
        public void onFrame(final ByteBuffer payload)
        {
            throw new AssertionError("the selector transport delivers frames in place");
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            messages.add(buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onFrameTooLarge()
        {
            tooLarge++;
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
            closes.add(code + " " + reason + " " + (remote ? "remote" : "local"));
        }

        @Override
        public void onError(final Throwable error)
        {
            errors.add(error.toString());
        }

        @Override
        public String toString()
        {
            return "opened " + opened + ", messages " + messages.size() + ", too large " + tooLarge + ", closes " + closes +
                ", errors " + errors;
        }
    }
}
