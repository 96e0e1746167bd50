package io.fathom.engine.transport;

import static io.fathom.engine.feed.WebSocketTransport.ABNORMAL_CLOSE;
import static io.fathom.engine.feed.WebSocketTransport.NEVER_CONNECTED;
import static io.fathom.engine.feed.WebSocketTransport.TOO_BIG;

import io.fathom.engine.feed.WebSocketTransport;
import org.agrona.DirectBuffer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client WebSocket on a non-blocking socket, driven by its {@link IoAgent}: TCP connect, for
 * {@code wss://} a TLS handshake ({@link TlsChannel}), HTTP upgrade, then RFC 6455 frames read in place by a
 * {@link FrameReceiver} (decrypted into its buffer first over TLS) and handed to the handler on the agent's
 * thread. Pings go out every ping interval and a connection without a pong for 1.5 intervals is dropped.
 *
 * <p>The agent's side of the connection: other threads reach it through its {@link SelectorConnection}, which
 * leaves requests ({@link ConnectionRequests}) that the agent acts on in its next duty cycle.
 */
final class SelectorWebSocket implements FrameReceiver.Sink
{
    private static final int NEW = 0;
    private static final int CONNECTING = 1;
    private static final int UPGRADING = 2;
    private static final int OPEN = 3;
    private static final int CLOSING = 4;
    private static final int CLOSED = 5;
    private static final int NORMAL_CLOSE = 1000;
    private static final int PROTOCOL_ERROR = 1002;
    private static final int NO_STATUS = 1005;
    private static final byte[] EMPTY = new byte[0];

    private final IoAgent agent;
    private final URI uri;
    private final WebSocketTransport.Handler handler;
    private final TransportLimits limits;
    private final FrameReceiver receiver;
    private final ConnectionTimers timers;
    private final FrameSender sender = new FrameSender();
    private final UpgradeHandshake handshake = new UpgradeHandshake();
    private final ConnectionRequests requests = new ConnectionRequests();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private final SocketLink link;
    private final Callable<SSLContext> tlsContext;
    private volatile int state = NEW;
    private long nowNs;
    /** Its place in the agent's array; -1 when not held there. Agent thread only. */
    int agentIndex = -1;

    /**
     * @param tlsContext where the {@code SSLContext} of a {@code wss://} connection comes from; null for
     *                   {@code ws://}.
     */
    SelectorWebSocket(
        final IoAgent agent, final URI uri, final WebSocketTransport.Handler handler, final TransportLimits limits,
        final Callable<SSLContext> tlsContext)
    {
        this.agent = agent;
        this.uri = uri;
        this.handler = handler;
        this.limits = limits;
        this.tlsContext = tlsContext;
        this.receiver = new FrameReceiver(limits.maxMessageBytes());
        this.timers = new ConnectionTimers(limits);
        this.link = new SocketLink(agent);
    }

    /** Any thread: resolves the host and, for {@code wss://}, makes the TLS engine ({@link SelectorConnection#connect}). */
    void resolve()
    {
        link.resolve(uri, tlsContext);
    }

    /** Any thread: closes the socket on the caller's thread and reports the close there, once. */
    void abort(final String reason)
    {
        if (closeReported.compareAndSet(false, true))
        {
            state = CLOSED;
            link.abort();
            agent.signal(this);
            handler.onClose(ABNORMAL_CLOSE, reason, false);
        }
    }

    boolean isOpen()
    {
        return state == OPEN;
    }

    /** What other threads ask of this socket, through its {@link SelectorConnection}. */
    ConnectionRequests requests()
    {
        return requests;
    }

    /** Acts on what other threads asked for: connect, send, close; and lets go of an aborted socket. */
    void onSignal(final long nowNs)
    {
        this.nowNs = nowNs;
        if (closeReported.get())
        {
            release();
            return;
        }
        final String end = requests.endReason();
        if (end != null)
        {
            endNow(end);
            return;
        }
        final int current = state;
        if (requests.closeAsked())
        {
            if (current < OPEN)
            {
                closeNow(NEVER_CONNECTED, "closed before it opened", false);
                return;
            }
            startClose(NORMAL_CLOSE, "");
        }
        else if (current == NEW && requests.connectAsked())
        {
            open();
        }
        if (state == OPEN && requests.takeTexts(sender))
        {
            flush();
        }
    }

    /** The socket is ready for what {@code readyOps} says. */
    void onReady(final int readyOps, final long nowNs)
    {
        this.nowNs = nowNs;
        try
        {
            if ((readyOps & SelectionKey.OP_CONNECT) != 0)
            {
                if (!link.finishConnect())
                {
                    return;
                }
                onConnected();
            }
            if ((readyOps & SelectionKey.OP_WRITE) != 0)
            {
                flush();
            }
            if ((readyOps & SelectionKey.OP_READ) != 0 && state != CLOSED)
            {
                onReadable();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            fail(ex);
        }
    }

    /** Connect and close deadlines, pings and missing pongs; a few times a second. */
    void onTimer(final long nowNs)
    {
        this.nowNs = nowNs;
        final int current = state;
        final String expired = timers.expired(nowNs, current == CONNECTING || current == UPGRADING, current == CLOSING,
            current == OPEN);
        if (expired != null)
        {
            closeNow(current < OPEN ? NEVER_CONNECTED : ABNORMAL_CLOSE, expired, false);
        }
        else if (current == OPEN && timers.pingDue(nowNs))
        {
            sender.frame(FrameSender.OP_PING, EMPTY, 0, 0);
            flush();
        }
    }

    /** The agent is stopping: the socket goes without a handshake. */
    void onAgentClose()
    {
        closeNow(ABNORMAL_CLOSE, "transport closed", false);
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (state == OPEN)
        {
            handler.onFrame(buffer, offset, length);
        }
    }

    @Override
    public void onControl(final int opcode, final DirectBuffer buffer, final int offset, final int length)
    {
        if (opcode == FrameSender.OP_PING)
        {
            sender.frame(FrameSender.OP_PONG, buffer, offset, length);
            flush();
        }
        else if (opcode == FrameSender.OP_PONG)
        {
            timers.pong(nowNs);
        }
        else if (length == 1)
        {
            onProtocolError("a close frame with a one-byte payload");
        }
        else
        {
            final int code = length >= 2 ? buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF : NO_STATUS;
            final String reason = length > 2 ? buffer.getStringWithoutLengthUtf8(offset + 2, length - 2) : "";
            final boolean remote = state == OPEN;
            if (remote)
            {
                sender.frame(FrameSender.OP_CLOSE, buffer, offset, Math.min(length, 2));
                flush();
            }
            closeNow(code, reason, remote);
        }
    }

    @Override
    public void onTooLarge()
    {
        handler.onFrameTooLarge();
        startClose(TOO_BIG, "message over " + limits.maxMessageBytes() + " bytes");
    }

    @Override
    public void onProtocolError(final String reason)
    {
        handler.onError(new ProtocolException(uri + ": " + reason));
        if (state == OPEN || state == CLOSING)
        {
            sender.close(PROTOCOL_ERROR, reason);
            flush();
        }
        closeNow(PROTOCOL_ERROR, reason, false);
    }

    @Override
    public boolean accepting()
    {
        return state != CLOSED;
    }

    private void open()
    {
        state = CONNECTING;
        timers.connecting(nowNs);
        try
        {
            agent.add(this);
            if (link.open(this))
            {
                onConnected();
            }
        }
        catch (final Exception ex)
        {
            fail(ex);
        }
    }

    /** TCP is up: the upgrade request waits in the sender while a TLS handshake, if any, goes first. */
    private void onConnected() throws IOException
    {
        state = UPGRADING;
        link.connected();
        sender.raw(handshake.request(uri));
        flush();
    }

    private void onReadable() throws IOException
    {
        final int read = link.read(receiver);
        if (read < 0)
        {
            closeNow(state < OPEN ? NEVER_CONNECTED : ABNORMAL_CLOSE, "the peer closed the connection without a close frame", true);
            return;
        }
        if (link.hasPendingOutput(sender))
        {
            flush();
        }
        if (state == UPGRADING)
        {
            final int head = handshake.parse(receiver.buffer(), receiver.readIndex(), receiver.available());
            if (head == 0)
            {
                return;
            }
            receiver.consume(head);
            state = OPEN;
            timers.opened(nowNs);
            if (requests.closeAsked())
            {
                startClose(NORMAL_CLOSE, "");
            }
            else
            {
                handler.onOpen();
            }
        }
        receiver.parse(this);
    }

    private void startClose(final int code, final String reason)
    {
        if (state == OPEN)
        {
            state = CLOSING;
            timers.closing(nowNs);
            sender.close(code, reason);
            flush();
        }
    }

    /** Shutdown: a close frame if the socket takes it in one write, then the socket closed without waiting on the peer. */
    private void endNow(final String reason)
    {
        if (state == OPEN && link.isOpened())
        {
            sender.close(NORMAL_CLOSE, "");
            try
            {
                link.flush(sender);
            }
            catch (final IOException | RuntimeException ignored)
            {
                // best effort: the socket is closed next whatever the peer can still be told
            }
        }
        closeNow(ABNORMAL_CLOSE, reason, false);
    }

    private void flush()
    {
        if (!link.isOpened() || state == CLOSED || !link.hasPendingOutput(sender))
        {
            return;
        }
        try
        {
            link.flush(sender);
        }
        catch (final IOException | RuntimeException ex)
        {
            fail(ex);
        }
    }

    private void fail(final Exception ex)
    {
        if (!closeReported.get())
        {
            handler.onError(ex);
            closeNow(state < OPEN ? NEVER_CONNECTED : ABNORMAL_CLOSE, ex.toString(), false);
        }
    }

    /**
     * Closes the socket and reports it, once; on the agent's thread. A close after a close frame or a protocol
     * error ends TLS with close_notify first; a lost or aborted connection does not wait for it.
     */
    private void closeNow(final int code, final String reason, final boolean remote)
    {
        final boolean report = closeReported.compareAndSet(false, true);
        if (report && code != ABNORMAL_CLOSE && code != NEVER_CONNECTED)
        {
            link.closeNotify();
        }
        state = CLOSED;
        release();
        if (report)
        {
            handler.onClose(code, reason, remote);
        }
    }

    private void release()
    {
        link.release();
        sender.clear();
        agent.remove(this);
    }
}
