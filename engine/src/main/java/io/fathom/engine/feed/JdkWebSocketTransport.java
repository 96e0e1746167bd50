package io.fathom.engine.feed;

import io.fathom.codec.json.JsonScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK's {@link java.net.http.WebSocket}: every connection of an engine is read by the one selector
 * thread of a shared {@link HttpClient}, and its messages are delivered, and so decoded and published, on
 * the client's executor: one thread of ours, whatever the number of connections (see {@link JdkWebSocketFactory}).
 *
 * <p>Text arrives as decoded parts, split wherever a read ended; a {@link MessageAssembler} turns them
 * back into one UTF-8 message of at most {@link JsonScanner#MAX_FRAME_LENGTH} bytes. Each part is
 * requested with {@code request(1)} only after the previous one was handled, so a slow feed thread
 * leaves bytes in the socket and backpressure reaches TCP. The JDK checks UTF-8 itself: invalid text
 * fails the connection with 1007 rather than reaching the decoder.
 *
 * <p>The JDK client sends no pings of its own: {@link JdkWebSocketFactory} pings every open connection each
 * interval and aborts one without a pong for 1.5 intervals, as Java-WebSocket's lost-connection timer does.
 */
public final class JdkWebSocketTransport implements WebSocketTransport
{
    private static final Logger LOG = LoggerFactory.getLogger(JdkWebSocketTransport.class);
    /** Most venue frames fit; snapshots grow it once. */
    private static final int INITIAL_MESSAGE_CAPACITY = 16 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    /**
     * RFC 6455's policy violation: the JDK refuses to send 1009 from a client, so a refused frame is
     * closed with this and reported locally as {@link #TOO_BIG}.
     */
    private static final int POLICY_VIOLATION = 1008;
    /** How long a refused connection waits for the peer's close before its socket is aborted. */
    private static final long CLOSE_REPLY_WAIT_MS = 1_000;

    private final JdkWebSocketFactory factory;
    private final URI uri;
    private final Handler handler;
    private final Listener listener = new Listener();
    private final MessageAssembler assembler = new MessageAssembler(INITIAL_MESSAGE_CAPACITY, JsonScanner.MAX_FRAME_LENGTH);
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile CompletableFuture<WebSocket> connecting;
    private volatile WebSocket webSocket;
    private volatile boolean closeRequested;
    private volatile long lastPongNs;
    /** Set on the listener's thread once a message is refused: the rest of the connection is read and dropped. */
    private boolean discarding;
    /** The last text queued: the JDK takes one send at a time, so each waits for the one before. */
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

    JdkWebSocketTransport(final JdkWebSocketFactory factory, final URI uri, final Handler handler)
    {
        this.factory = factory;
        this.uri = uri;
        this.handler = handler;
    }

    @Override
    public void connect()
    {
        final CompletableFuture<WebSocket> attempt = factory.connect(uri, listener);
        connecting = attempt;
        attempt.whenComplete(this::onConnectDone);
    }

    private void onConnectDone(final WebSocket opened, final Throwable error)
    {
        connecting = null;
        if (error == null || webSocket != null)
        {
            return;
        }
        final Throwable cause = unwrap(error);
        if (cause instanceof CancellationException)
        {
            reportClose(NEVER_CONNECTED, "closed while connecting", false);
            return;
        }
        handler.onError(cause);
        reportClose(NEVER_CONNECTED, cause.toString(), false);
    }

    @Override
    public synchronized void sendText(final String text)
    {
        final WebSocket ws = webSocket;
        if (ws == null || ws.isOutputClosed())
        {
            return;
        }
        lastSend = lastSend.handle((previous, error) -> ws)
            .thenCompose(socket -> socket.sendText(text, true))
            .whenComplete(this::onSent);
    }

    private void onSent(final WebSocket ws, final Throwable error)
    {
        if (error != null && !closeRequested)
        {
            LOG.debug("{}: send failed: {}", uri, unwrap(error).toString());
        }
    }

    /**
     * While connecting, cancels the opening handshake, which closes its socket; when open, starts the close
     * handshake and the peer's close ends it. A handshake that completes during the cancel sees the request
     * in {@link Listener#onOpen} and closes itself.
     */
    @Override
    public void close()
    {
        closeRequested = true;
        final WebSocket ws = webSocket;
        if (ws != null)
        {
            sendClose(ws, WebSocket.NORMAL_CLOSURE, "");
            return;
        }
        final CompletableFuture<WebSocket> attempt = connecting;
        if (attempt != null)
        {
            attempt.cancel(true);
        }
    }

    @Override
    public void abort(final String reason)
    {
        closeRequested = true;
        final WebSocket ws = webSocket;
        if (ws != null)
        {
            ws.abort();
        }
        else
        {
            final CompletableFuture<WebSocket> attempt = connecting;
            if (attempt != null)
            {
                attempt.cancel(true);
            }
        }
        reportClose(ABNORMAL_CLOSE, reason, false);
    }

    @Override
    public boolean isOpen()
    {
        final WebSocket ws = webSocket;
        return ws != null && !closeReported.get() && !ws.isOutputClosed() && !ws.isInputClosed();
    }

    private void sendClose(final WebSocket ws, final int code, final String reason)
    {
        if (closeSent.compareAndSet(false, true))
        {
            ws.sendClose(code, reason).whenComplete((socket, error) ->
            {
                if (error != null)
                {
                    ws.abort();
                    reportClose(ABNORMAL_CLOSE, "close failed: " + unwrap(error), false);
                }
            });
        }
    }

    /**
     * Pings an open connection, or aborts it when no pong came for 1.5 intervals. A connection whose close
     * was started is no longer pinged, so a peer that never answers the close is aborted in the same time.
     */
    void keepAlive(final long oldestPongNs)
    {
        final WebSocket ws = webSocket;
        if (ws == null)
        {
            return;
        }
        if (lastPongNs - oldestPongNs < 0)
        {
            ws.abort();
            reportClose(ABNORMAL_CLOSE, closeRequested ? "no close from the peer" : "no pong within 1.5 ping intervals", false);
            return;
        }
        if (!closeRequested)
        {
            ws.sendPing(EMPTY.duplicate());
        }
    }

    /**
     * Refuses a message over the limit: the connection closes with 1008 and 1009 is reported, as Java-WebSocket
     * does. What the peer still sends is read and dropped until its close arrives (or the wait ends): aborting with
     * unread bytes would reset the socket and could destroy the close frame before the peer reads it.
     */
    private void refuse(final WebSocket ws)
    {
        assembler.reset();
        discarding = true;
        handler.onFrameTooLarge();
        closeRequested = true;
        sendClose(ws, POLICY_VIOLATION, "message too big");
        factory.afterDelay(ws::abort, CLOSE_REPLY_WAIT_MS);
        ws.request(1);
        reportClose(TOO_BIG, "message over " + JsonScanner.MAX_FRAME_LENGTH + " bytes", false);
    }

    private void reportClose(final int code, final String reason, final boolean remote)
    {
        if (closeReported.compareAndSet(false, true))
        {
            factory.unregister(this);
            handler.onClose(code, reason, remote);
        }
    }

    private static Throwable unwrap(final Throwable error)
    {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The JDK's callbacks: one at a time for this connection, on the factory's executor. */
    private final class Listener implements WebSocket.Listener
    {
        @Override
        public void onOpen(final WebSocket ws)
        {
            webSocket = ws;
            lastPongNs = System.nanoTime();
            factory.register(JdkWebSocketTransport.this);
            if (closeRequested)
            {
                sendClose(ws, WebSocket.NORMAL_CLOSURE, "");
            }
            else
            {
                handler.onOpen();
            }
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            if (discarding)
            {
                ws.request(1);
                return null;
            }
            if (!assembler.appendText(data))
            {
                refuse(ws);
                return null;
            }
            onPart(ws, last);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket ws, final ByteBuffer data, final boolean last)
        {
            if (discarding)
            {
                ws.request(1);
                return null;
            }
            if (!assembler.appendBinary(data))
            {
                refuse(ws);
                return null;
            }
            onPart(ws, last);
            return null;
        }

        private void onPart(final WebSocket ws, final boolean last)
        {
            if (last)
            {
                handler.onFrame(assembler.message());
                assembler.reset();
            }
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onPong(final WebSocket ws, final ByteBuffer message)
        {
            lastPongNs = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(final WebSocket ws, final ByteBuffer message)
        {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket ws, final int statusCode, final String reason)
        {
            reportClose(statusCode, reason, !closeRequested);
            return null;
        }

        @Override
        public void onError(final WebSocket ws, final Throwable error)
        {
            handler.onError(unwrap(error));
            reportClose(ABNORMAL_CLOSE, unwrap(error).toString(), !closeRequested);
        }
    }
}
