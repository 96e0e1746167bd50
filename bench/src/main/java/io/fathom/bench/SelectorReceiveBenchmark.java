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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
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
 * 0 B/op, the socket read, the framing and the decode together. With {@code scheme=wss} the peer speaks TLS
 * (a self-signed certificate for 127.0.0.1 made by the JDK's keytool at set-up) and the agent decrypts each
 * read through its {@code SSLEngine} before the frames are read in place. {@code -prof gc} counts the whole
 * JVM, the peer's TLS encryption with it, so each iteration also prints what the benchmark thread (the I/O
 * agent's, in invoker mode) allocated itself, per message.
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
    private static final String PASSWORD = "benchmark";

    /** {@code ws}: plain TCP; {@code wss}: TLS through the transport's {@code SSLEngine}. */
    @Param({ "ws", "wss" })
    public String scheme;

    private final DepthMessage message = new DepthMessage(10_000);
    private DecodeCases.FathomDecoder decoder;
    private ServerSocketChannel server;
    private SSLServerSocket tlsServer;
    private Thread peer;
    private volatile boolean running = true;
    private SelectorTransportFactory factory;
    private WebSocketTransport transport;
    private long messages;
    private long decodeFailures;
    private long bytesReceived;
    private long iterationMessages;
    private long iterationAllocatedBytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        decoder = DecodeCases.fathom("binance-spot");
        final byte[] stream = frames(DecodeCases.frames("binance-spot"));
        final boolean tls = "wss".equals(scheme);
        final SSLContext[] contexts = tls ? tlsContexts() : null;
        final int port;
        if (tls)
        {
            tlsServer = (SSLServerSocket)contexts[0].getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
            port = tlsServer.getLocalPort();
            peer = new Thread(() -> serveTls(stream), "benchmark-peer");
        }
        else
        {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress)server.getLocalAddress()).getPort();
            peer = new Thread(() -> serve(stream), "benchmark-peer");
        }
        peer.setDaemon(true);
        peer.start();
        factory = new SelectorTransportFactory(new SelectorSettings(1, IoThreading.INVOKER, tls ? contexts[1] : null),
            new TransportLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(30), 1 << 20),
            NoOpIdleStrategy::new, Throwable::printStackTrace);
        transport = factory.newTransport(URI.create(scheme + "://127.0.0.1:" + port + "/stream"), new Handler());
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

    @Setup(Level.Iteration)
    public void startCounting()
    {
        iterationMessages = messages;
        iterationAllocatedBytes = threadAllocatedBytes();
    }

    /** What this thread alone allocated over the iteration, per message: the peer's allocation is not in it. */
    @TearDown(Level.Iteration)
    public void reportThreadAllocation()
    {
        final long allocated = threadAllocatedBytes() - iterationAllocatedBytes;
        final long delivered = messages - iterationMessages;
        System.out.printf("%n%s: the agent's thread allocated %,d bytes for %,d messages: %.3f B a message%n",
            scheme, allocated, delivered, delivered == 0 ? 0.0 : (double)allocated / delivered);
    }

    private static long threadAllocatedBytes()
    {
        return ((com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean())
            .getCurrentThreadAllocatedBytes();
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
        if (server != null)
        {
            server.close();
        }
        if (tlsServer != null)
        {
            tlsServer.close();
        }
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
            socket.write(ByteBuffer.wrap(upgradeResponse(head)));
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

    /** The same over TLS, through blocking streams: the peer's cost is not what is measured. */
    private void serveTls(final byte[] stream)
    {
        try (Socket socket = tlsServer.accept())
        {
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n"))
            {
                final int b = in.read();
                if (b < 0)
                {
                    throw new IOException("the client closed before its upgrade request ended");
                }
                request.write(b);
            }
            final OutputStream out = socket.getOutputStream();
            out.write(upgradeResponse(request.toString(StandardCharsets.US_ASCII)));
            while (running)
            {
                out.write(stream);
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

    private static byte[] upgradeResponse(final String head) throws java.security.NoSuchAlgorithmException
    {
        final Matcher key = KEY.matcher(head);
        if (!key.find())
        {
            throw new IllegalStateException("no Sec-WebSocket-Key in " + head);
        }
        final String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n" +
            "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The peer's context (a key for 127.0.0.1 made with keytool) and the client's, which trusts that key alone. */
    private static SSLContext[] tlsContexts() throws Exception
    {
        final Path dir = Files.createTempDirectory("selector-benchmark-tls");
        final Path store = dir.resolve("peer.p12");
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=benchmark-peer", "-ext", "SAN=ip:127.0.0.1", "-keystore", store.toString(),
            "-storetype", "PKCS12", "-storepass", PASSWORD));
        final Process keytool = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        keytool.getOutputStream().close();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0)
        {
            throw new IllegalStateException("keytool failed: see " + dir.resolve("keytool.log"));
        }
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store))
        {
            keys.load(in, PASSWORD.toCharArray());
        }
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        final SSLContext peerContext = SSLContext.getInstance("TLS");
        peerContext.init(keyManagers.getKeyManagers(), null, null);

        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("peer", keys.getCertificate("peer"));
        final TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);
        return new SSLContext[]{ peerContext, clientContext };
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
