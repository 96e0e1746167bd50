package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A Java-WebSocket client for fault tests: keeps every text frame with its arrival time, how the connection
 * ended (code, who closed it, whether a close frame came first) and how many pongs it got.
 */
final class SimFaultClient extends WebSocketClient
{
    /** A text frame and when it arrived. */
    static final class Received
    {
        final String text;
        final long arrivalNs;

        Received(final String text, final long arrivalNs)
        {
            this.text = text;
            this.arrivalNs = arrivalNs;
        }
    }

    /** A frame run through {@link BinanceDepthDecoder}: its result and, when it decoded, its ids. */
    static final class Decoded
    {
        final DecodeResult result;
        final long firstUpdateId;
        final long lastUpdateId;
        final long arrivalNs;

        Decoded(final DecodeResult result, final long firstUpdateId, final long lastUpdateId, final long arrivalNs)
        {
            this.result = result;
            this.firstUpdateId = firstUpdateId;
            this.lastUpdateId = lastUpdateId;
            this.arrivalNs = arrivalNs;
        }
    }

    final LinkedBlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    final AtomicInteger pongs = new AtomicInteger();
    volatile int closeCode = -1;
    volatile boolean closedByRemote;
    /** The code of a close frame received before the connection ended; -1 when none came. */
    volatile int closeFrameCode = -1;

    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SimBook.SCALE, SimBook.SCALE);
    private final DepthMessage message = new DepthMessage(SimBook.MAX_DIFF_LEVELS);

    SimFaultClient(final String url)
    {
        super(URI.create(url));
        setTcpNoDelay(true);
        setConnectionLostTimeout(0);
    }

    static SimFaultClient connect(final String url) throws InterruptedException
    {
        final SimFaultClient client = new SimFaultClient(url);
        assertThat(client.connectBlocking(SimTestSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            .as("connect " + url).isTrue();
        return client;
    }

    public void onOpen(final ServerHandshake handshake)
    {
    }

    public void onMessage(final String text)
    {
        messages.add(new Received(text, System.nanoTime()));
    }

    public void onClosing(final int code, final String reason, final boolean remote)
    {
        closeFrameCode = code;
    }

    public void onClose(final int code, final String reason, final boolean remote)
    {
        closedByRemote = remote;
        closeCode = code;
    }

    public void onError(final Exception ex)
    {
    }

    public void onWebsocketPong(final WebSocket connection, final Framedata frame)
    {
        pongs.incrementAndGet();
    }

    /** The next {@code count} frames, decoded; fails at the deadline. */
    List<Decoded> nextDecoded(final int count) throws InterruptedException
    {
        final List<Decoded> decoded = new ArrayList<>(count);
        final long deadlineNs = System.nanoTime() + SimTestSupport.TIMEOUT.toNanos();
        while (decoded.size() < count)
        {
            final Received received = messages.poll(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (received == null)
            {
                fail("only " + decoded.size() + " of " + count + " frames within " + SimTestSupport.TIMEOUT);
            }
            decoded.add(decode(received));
        }
        return decoded;
    }

    Decoded decode(final Received received)
    {
        final byte[] bytes = received.text.getBytes(StandardCharsets.UTF_8);
        final DecodeResult result = decoder.decodeStreamFrame(new UnsafeBuffer(bytes), 0, bytes.length, message);
        return result == DecodeResult.DEPTH ?
            new Decoded(result, message.firstUpdateId(), message.lastUpdateId(), received.arrivalNs) :
            new Decoded(result, -1, -1, received.arrivalNs);
    }
}
