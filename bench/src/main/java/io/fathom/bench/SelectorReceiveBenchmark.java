package io.fathom.bench;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.transport.IoThreading;
import io.fathom.engine.transport.SelectorSettings;
import io.fathom.engine.transport.SelectorTransportFactory;
import io.fathom.engine.transport.TransportLimits;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The selector transport's receive path over a real loopback socket: a peer thread streams real Binance
 * depth frames as fast as the socket takes them, and each operation is one duty cycle of the I/O agent,
 * driven on the benchmark thread ({@link IoThreading#INVOKER}), that delivered at least one message, each
 * decoded in place from the receive buffer by the venue's decoder. Run with {@code -prof gc}: the claim is
 * 0 B/op, the socket read, the framing and the decode together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true" })
public class SelectorReceiveBenchmark
{
    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: (\\S+)");

    private final DepthMessage message = new DepthMessage(10_000);
    private DecodeCases.FathomDecoder decoder;
    private ServerSocketChannel server;
    private Thread peer;
    private volatile boolean running = true;
    private SelectorTransportFactory factory;
    private WebSocketTransport transport;
    private long messages;
    private long decodeFailures;
    private long bytesReceived;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        decoder = DecodeCases.fathom("binance-spot");
        final byte[] stream = frames(DecodeCases.frames("binance-spot"));
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = new Thread(() -> serve(stream), "benchmark-peer");
        peer.setDaemon(true);
        peer.start();
        factory = new SelectorTransportFactory(new SelectorSettings(1, IoThreading.INVOKER),
            new TransportLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(30), 1 << 20),
            NoOpIdleStrategy::new, Throwable::printStackTrace);
        transport = factory.newTransport(
            URI.create("ws://127.0.0.1:" + ((InetSocketAddress)server.getLocalAddress()).getPort() + "/stream"), new Handler());
        transport.connect();
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (messages == 0)
        {
            factory.invoke();
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("no message from the peer within 10 s");
            }
        }
    }

    /** One duty cycle that delivered at least one message. */
    @Benchmark
    public long dutyCycleDecodingInPlace()
    {
        final long before = messages;
        while (messages == before)
        {
            factory.invoke();
        }
        return messages;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        running = false;
        System.out.printf("%n%,d messages, %,d bytes received and decoded in place%n", messages, bytesReceived);
        transport.abort("benchmark over");
        factory.close();
        server.close();
        peer.join(5_000);
        if (decodeFailures > 0)
        {
            throw new IllegalStateException(decodeFailures + " frames did not decode");
        }
    }

    private final class Handler implements WebSocketTransport.Handler
    {
        @Override
        public void onOpen()
        {
        }

        @Override
        public void onFrame(final ByteBuffer payload)
        {
            throw new IllegalStateException("frames are expected in place");
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            messages++;
            bytesReceived += length;
            if (decoder.decode(buffer, offset, length, message) != DecodeResult.DEPTH)
            {
                decodeFailures++;
            }
        }

        @Override
        public void onFrameTooLarge()
        {
            decodeFailures++;
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
        }

        @Override
        public void onError(final Throwable error)
        {
            error.printStackTrace();
        }
    }

    /** Answers the upgrade, then writes the frames again and again until the benchmark ends. */
    private void serve(final byte[] stream)
    {
        try (SocketChannel socket = server.accept())
        {
            final ByteBuffer request = ByteBuffer.allocate(4096);
            String head = "";
            while (!head.contains("\r\n\r\n") && socket.read(request) > 0)
            {
                head = new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII);
            }
            final Matcher key = KEY.matcher(head);
            if (!key.find())
            {
                throw new IllegalStateException("no Sec-WebSocket-Key in " + head);
            }
            final String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            socket.write(ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n" +
                "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            final ByteBuffer frames = ByteBuffer.allocateDirect(stream.length).put(stream);
            while (running)
            {
                frames.clear();
                while (frames.hasRemaining() && running)
                {
                    socket.write(frames);
                }
            }
        }
        catch (final IOException | java.security.NoSuchAlgorithmException ex)
        {
            if (running)
            {
                ex.printStackTrace();
            }
        }
    }

    /** The recording's frames as unmasked server text frames, repeated to about 1 MiB. */
    private static byte[] frames(final List<byte[]> payloads)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < 1 << 20)
        {
            for (final byte[] payload : payloads)
            {
                out.write(0x81);
                if (payload.length <= 125)
                {
                    out.write(payload.length);
                }
                else if (payload.length <= 0xFFFF)
                {
                    out.write(126);
                    out.write(payload.length >>> 8);
                    out.write(payload.length);
                }
                else
                {
                    out.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8)
                    {
                        out.write((int)((long)payload.length >>> shift));
                    }
                }
                out.writeBytes(payload);
            }
        }
        return out.toByteArray();
    }
}
