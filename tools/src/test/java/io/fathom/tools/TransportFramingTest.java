package io.fathom.tools;

import io.fathom.codec.json.JsonScanner;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each transport makes of frames the simulator never sends, from an independent peer (a Java-WebSocket
 * server on loopback posing as OKX): a text message fragmented with its cuts inside multi-byte characters
 * reaches the decoder as the exact bytes sent, which {@code --capture} records; a message one byte over the
 * 1 MiB frame limit is refused unread, counted as a decode error, and its connection closed and replaced.
 */
class TransportFramingTest
{
    private static final String SYMBOL = "BTC-USDT";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aFragmentedTextMessageReachesTheDecoderAsTheBytesSent(final Transport transport) throws Exception
    {
        final String fragmented = "{\"event\":\"notice\",\"msg\":\"Grüße € 𝄞 " + "x".repeat(100_000) + "\"}";
        final byte[] bytes = fragmented.getBytes(StandardCharsets.UTF_8);
        final int insideUmlaut = bytes.length - bytesAfter(fragmented, "ü") + 1;
        final int insideClef = bytes.length - bytesAfter(fragmented, "𝄞") + 2;
        final String plain = "{\"event\":\"notice\",\"msg\":\"after\"}";

        try (Peer peer = Peer.start(connection ->
        {
            connection.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(bytes, 0, insideUmlaut), false);
            connection.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(bytes, insideUmlaut, insideClef - insideUmlaut), false);
            connection.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(bytes, insideClef, bytes.length - insideClef), true);
            connection.send(plain);
        }))
        {
            final Engine engine = Engine.launch(config(peer, transport).captureFile(dir.resolve("capture.txt").toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.counters().value(SystemCounter.MESSAGES_RECEIVED) == 2, "both messages received");
            }
            finally
            {
                report = engine.shutdown();
            }

            assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
            assertThat(engine.counters().value(SystemCounter.MESSAGES_IGNORED)).as("messages decoded as not depth").isEqualTo(2);
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            final String captured = Files.readString(dir.resolve("capture.txt"), StandardCharsets.ISO_8859_1);
            assertThat(captured).as("the captured frames, byte for byte")
                .contains(": " + new String(bytes, StandardCharsets.ISO_8859_1) + "\n")
                .contains(": " + plain + "\n");
            assertThat(captured.indexOf(plain)).as("the plain message after the fragmented one")
                .isGreaterThan(captured.indexOf("Gr"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMessageOverTheFrameLimitIsRefusedCountedAndItsConnectionReplaced(final Transport transport)
        throws Exception
    {
        final String prefix = "{\"event\":\"notice\",\"msg\":\"";
        final String oversized = prefix + "x".repeat(JsonScanner.MAX_FRAME_LENGTH + 1 - prefix.length() - 2) + "\"}";
        assertThat(oversized.length()).isEqualTo(JsonScanner.MAX_FRAME_LENGTH + 1);

        try (Peer peer = Peer.start(connection -> connection.send(oversized)))
        {
            final Engine engine = Engine.launch(config(peer, transport));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.counters().value(SystemCounter.DECODE_ERRORS) == 1, "the oversized message counted");
                Await.until(() -> peer.opens.get() >= 2, "the connection replaced");
                // every connection is sent the oversized message; on a starved host one may also end abnormally (1006)
                final int refusal = transport == Transport.JDK ? 1008 : 1009;
                Await.until(() -> peer.closeCodes.contains(refusal), Duration.ofSeconds(10), () -> "close code " + refusal + " among " + peer.closeCodes);
            }
            finally
            {
                report = engine.shutdown();
            }

            assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isEqualTo(1);
            assertThat(engine.counters().value(SystemCounter.MESSAGES_RECEIVED)).as("frames that reached the decoder").isZero();
            assertThat(engine.counters().value(SystemCounter.RECONNECTS)).isPositive();
        }
    }

    private EngineContext config(final Peer peer, final Transport transport)
    {
        return new EngineContext()
            .transport(transport)
            .venue("okx")
            .symbols(List.of(SYMBOL))
            .url("ws://127.0.0.1:" + peer.getPort())
            .restUrl("http://127.0.0.1:" + peer.getPort())
            .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(200))
            .shutdownTimeout(Duration.ofSeconds(3))
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }

    /** UTF-8 bytes from the start of {@code part}'s first occurrence to the end of {@code text}. */
    private static int bytesAfter(final String text, final String part)
    {
        return text.substring(text.indexOf(part)).getBytes(StandardCharsets.UTF_8).length;
    }

    /** A WebSocket server on loopback that runs a script on its first connection and records closes. */
    private static final class Peer extends LoopbackWebSocketServer
    {
        private final Consumer<WebSocket> firstConnection;
        private final AtomicInteger opens = new AtomicInteger();
        private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

        private Peer(final Consumer<WebSocket> firstConnection)
        {
            this.firstConnection = firstConnection;
        }

        static Peer start(final Consumer<WebSocket> firstConnection) throws Exception
        {
            final Peer peer = new Peer(firstConnection);
            peer.startAndAwait();
            return peer;
        }

        @Override
        public void onOpen(final WebSocket connection, final ClientHandshake handshake)
        {
            if (opens.getAndIncrement() == 0)
            {
                firstConnection.accept(connection);
            }
        }

        @Override
        public void onClose(final WebSocket connection, final int code, final String reason, final boolean remote)
        {
            closeCodes.add(code);
        }
    }
}
