package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.testing.Await;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The selector transport against WebSocket servers nobody here wrote, the npm {@code ws} server and Python's
 * {@code websockets}, each playing a scenario chosen by the path (scripts in {@code src/test/peers/}):
 * fragments (with a ping between them from {@code ws}, whose API can interleave one), the server's ping, a close handshake either side starts, an abrupt
 * reset and a message over the 1 MiB limit. The agents run in invoker mode, on the test's thread.
 *
 * <p>Node and its {@code ws} package ({@code npm ci} from the committed lock, into {@code target/}) and
 * Python with {@code websockets} (Debian's {@code python3-websockets}, which {@code .ci/run} installs) must
 * be on the machine; a test whose interpreter is missing is skipped, saying so.
 */
class IndependentPeerTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<PeerKind, Peer> PEERS = new EnumMap<>(PeerKind.class);

    enum PeerKind
    {
        NODE_WS, PYTHON_WEBSOCKETS
    }

    private final SelectorTransportFactory factory = new SelectorTransportFactory(
        new SelectorSettings(1, IoThreading.INVOKER),
        new TransportLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(30), 1 << 20),
        () -> null, Throwable::printStackTrace);
    private final Recorder recorder = new Recorder();

    @AfterAll
    static void stopPeers()
    {
        PEERS.values().forEach(peer -> peer.process.destroyForcibly());
        PEERS.clear();
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void fragmentsArriveAsOneMessageAndAPingBetweenThemIsAnswered(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        final WebSocketTransport transport = open(peer, "/fragments");

        final int expected = kind == PeerKind.NODE_WS ? 3 : 2;
        await(() -> recorder.messages.size() == expected, "both messages (and the ws peer's report of the pong)");

        assertThat(recorder.messages.stream().filter(message -> !message.startsWith("pong:")))
            .containsExactly("{\"part\":\"one two three\"}", "after");
        if (kind == PeerKind.NODE_WS)
        {
            assertThat(recorder.messages).as("the ws peer saw the pong to its ping between the fragments")
                .contains("pong:between");
        }
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");
        assertThat(peer.awaitLine("close /fragments ")).isEqualTo("close /fragments 1000");
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void theServersPingIsAnsweredWithItsPayload(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        final WebSocketTransport transport = open(peer, "/ping");

        await(() -> recorder.messages.size() == 1, "the peer's report of the pong");

        assertThat(recorder.messages).containsExactly("pong:are-you-there");
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void aCloseTheServerStartsIsEchoedAndReportedAsRemote(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        open(peer, "/close");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.closes).containsExactly("4001 bye remote");
        assertThat(peer.awaitLine("close /close ")).isEqualTo("close /close 4001");
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void maskedMessagesReachThePeerAndAClientCloseCompletesTheHandshake(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        final WebSocketTransport transport = open(peer, "/echo");

        transport.sendText("{\"op\":\"subscribe\",\"args\":[\"Grüße\"]}");
        await(() -> recorder.messages.size() == 1, "the echo");
        transport.close();
        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.messages).containsExactly("echo:{\"op\":\"subscribe\",\"args\":[\"Grüße\"]}");
        assertThat(recorder.closes).containsExactly("1000  local");
        assertThat(peer.awaitLine("close /echo ")).isEqualTo("close /echo 1000");
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void anAbruptResetEndsTheConnectionAs1006(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        open(peer, "/reset");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.messages).containsExactly("before reset");
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith("1006 "));
    }

    @ParameterizedTest
    @EnumSource(PeerKind.class)
    void aMessageOverTheLimitIsRefusedAndTheConnectionClosedWith1009(final PeerKind kind) throws Exception
    {
        final Peer peer = peer(kind);
        open(peer, "/oversized");

        await(() -> !recorder.closes.isEmpty(), "the close");

        assertThat(recorder.tooLarge).isEqualTo(1);
        assertThat(recorder.messages).isEmpty();
        assertThat(peer.awaitLine("close /oversized ")).isEqualTo("close /oversized 1009");
        assertThat(recorder.closes).hasSize(1).allMatch(close -> close.startsWith("1009 "));
    }

    private WebSocketTransport open(final Peer peer, final String path)
    {
        final WebSocketTransport transport = factory.newTransport(URI.create("ws://127.0.0.1:" + peer.port + path), recorder);
        transport.connect();
        await(() -> recorder.opened || !recorder.closes.isEmpty(), "the upgrade");
        assertThat(recorder.opened).as("opened before any close: %s", recorder.closes).isTrue();
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

    private static synchronized Peer peer(final PeerKind kind) throws IOException
    {
        Peer peer = PEERS.get(kind);
        if (peer == null)
        {
            peer = kind == PeerKind.NODE_WS ? startNode() : startPython();
            PEERS.put(kind, peer);
        }
        return peer;
    }

    private static Peer startNode() throws IOException
    {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: the npm ws peer tests are skipped");
        final Path dir = Path.of("target", "ws-peer");
        Files.createDirectories(dir);
        for (final String file : List.of("package.json", "package-lock.json", "ws-peer.js"))
        {
            Files.copy(Path.of("src", "test", "peers", "node", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(dir.resolve("node_modules/ws/package.json")))
        {
            // Nothing of this JVM's standard streams may reach npm: under Surefire they are its command and event
            // channels, and node sets an inherited stdin pipe non-blocking, which breaks the fork's command reader.
            final Path log = dir.resolve("npm-ci.log");
            final Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            install.getOutputStream().close();
            assertThat(waitFor(install)).as("npm ci of the ws peer (see %s)", log.toAbsolutePath()).isZero();
        }
        return Peer.start(new ProcessBuilder("node", "ws-peer.js").directory(dir.toFile()), dir.resolve("ws-peer.err"));
    }

    private static Peer startPython() throws IOException
    {
        final String python = new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";
        assumeTrue(onPath(python), "python3 is not installed: the Python websockets peer tests are skipped");
        assumeTrue(succeeds(new ProcessBuilder(python, "-c", "import websockets")),
            "Python's websockets is not installed (Debian: python3-websockets, which .ci/run installs): " +
            "the Python websockets peer tests are skipped");
        return Peer.start(new ProcessBuilder(python, "-u", Path.of("src", "test", "peers", "websockets_peer.py").toString()),
            Path.of("target", "websockets-peer.err"));
    }

    private static boolean onPath(final String command)
    {
        return succeeds(new ProcessBuilder(command, "--version"));
    }

    private static boolean succeeds(final ProcessBuilder command)
    {
        try
        {
            return waitFor(command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()) == 0;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int waitFor(final Process process)
    {
        try
        {
            if (!process.waitFor(2, TimeUnit.MINUTES))
            {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A running peer: its port, and the lines it printed after it, read by a thread of its own. */
    private static final class Peer
    {
        private final Process process;
        private final int port;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Peer(final Process process, final int port)
        {
            this.process = process;
            this.port = port;
        }

        static Peer start(final ProcessBuilder command, final Path errors) throws IOException
        {
            final Process process = command.redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            final String first = out.readLine();
            assertThat(first).as("the peer's first line (is its WebSocket library installed? see %s)", errors.toAbsolutePath()).startsWith("port ");
            final Peer peer = new Peer(process, Integer.parseInt(first.substring("port ".length()).trim()));
            final Thread reader = new Thread(() ->
            {
                try
                {
                    String line;
                    while ((line = out.readLine()) != null)
                    {
                        peer.lines.add(line);
                    }
                }
                catch (final IOException ignored)
                {
                    // the peer was stopped
                }
            }, "peer-output");
            reader.setDaemon(true);
            reader.start();
            return peer;
        }

        String awaitLine(final String prefix)
        {
            Await.until(() -> lines.stream().anyMatch(line -> line.startsWith(prefix)), TIMEOUT,
                () -> "the peer to print '" + prefix + "...'; it printed " + lines);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
        }
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
