package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

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
 * <p>{@link #connect}, {@link #sendText}, {@link #close} and {@link #endOnOwnThread} may be called from any
 * thread: they leave a request and signal the agent, which acts on it in its next duty cycle. {@link #abort}
 * closes the socket on the calling thread and reports the close there, once.
 */
final class SelectorWebSocket implements WebSocketTransport, FrameReceiver.Sink
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
    private final Handler handler;
    private final TransportLimits limits;
    private final FrameReceiver receiver;
    private final ConnectionTimers timers;
    private final FrameSender sender = new FrameSender();
    private final UpgradeHandshake handshake = new UpgradeHandshake();
    private final ManyToOneConcurrentLinkedQueue<String> outbox = new ManyToOneConcurrentLinkedQueue<>();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private final SocketLink link;
    private final Callable<SSLContext> tlsContext;
    private volatile int state = NEW;
    private volatile boolean connectRequested;
    private volatile boolean closeRequested;
    /** Set at shutdown: the agent ends the socket in its next cycle ({@link #endOnOwnThread}). */
    private volatile String endReason;
    private long nowNs;
    /** Its place in the agent's array; -1 when not held there. Agent thread only. */
    int agentIndex = -1;

    /**
     * @param tlsContext where the {@code SSLContext} of a {@code wss://} connection comes from; null for
     *                   {@code ws://}.
     */
    SelectorWebSocket(
        final IoAgent agent, final URI uri, final Handler handler, final TransportLimits limits,
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

    /**
     * Resolves the host and, for {@code wss://}, makes the TLS engine on the calling thread (the supervisor's),
     * so neither a DNS lookup nor loading a trust store holds up the agent. A failure of either fails the
     * attempt in the agent's next cycle, as a refused connect would.
     */
    @Override
    public void connect()
    {
        link.resolve(uri, tlsContext);
        connectRequested = true;
        agent.signal(this);
    }

    @Override
    public void sendText(final String text)
    {
        if (state == OPEN)
        {
            outbox.offer(text);
            agent.signal(this);
        }
    }

    @Override
    public void close()
    {
        closeRequested = true;
        agent.signal(this);
    }

    @Override
    public void abort(final String reason)
    {
        closeRequested = true;
        if (closeReported.compareAndSet(false, true))
        {
            state = CLOSED;
            link.abort();
            agent.signal(this);
            handler.onClose(ABNORMAL_CLOSE, reason, false);
        }
    }

    /**
     * Leaves the close frame and the abort to the agent, which ends every socket it is signalled this way in
     * its next cycles rather than the caller closing them one by one from its own thread; when the agent has
     * no thread of its own (invoker mode) the caller aborts instead, as the caller is the one driving it.
     */
    @Override
    public boolean endOnOwnThread(final String reason)
    {
        if (!agent.hasOwnThread())
        {
            close();
            return false;
        }
        endReason = reason;
        closeRequested = true;
        agent.signal(this);
        return true;
    }

    @Override
    public boolean isOpen()
    {
        return state == OPEN;
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
        final String end = endReason;
        if (end != null)
        {
            endNow(end);
            return;
        }
        final int current = state;
        if (closeRequested)
        {
            if (current < OPEN)
            {
                closeNow(NEVER_CONNECTED, "closed before it opened", false);
                return;
            }
            startClose(NORMAL_CLOSE, "");
        }
        else if (current == NEW && connectRequested)
        {
            open();
        }
        if (state == OPEN && !outbox.isEmpty())
        {
            String text;
            while ((text = outbox.poll()) != null)
            {
                sender.text(text);
            }
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
            if (closeRequested)
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
