package io.fathom.engine.feed;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Java-WebSocket client: each connection has its own read thread, on which frames are decoded, a
 * write thread and a lost-connection timer. Unfragmented text frames arrive as raw bytes through
 * {@link RawTextDraft}, without a {@code String} in between.
 */
public final class JavaWebSocketTransport implements WebSocketTransport
{
    private static final Logger LOG = LoggerFactory.getLogger(JavaWebSocketTransport.class);

    /** Makes Java-WebSocket transports; they share nothing, so closing it releases nothing. */
    public static final class Factory implements WebSocketTransport.Factory
    {
        private final int connectTimeoutMs;
        private final int pingIntervalSeconds;

        /**
         * @param pingIntervalSeconds how often to ping; a connection without a pong for 1.5 intervals is dropped.
         */
        public Factory(final int connectTimeoutMs, final int pingIntervalSeconds)
        {
            this.connectTimeoutMs = connectTimeoutMs;
            this.pingIntervalSeconds = pingIntervalSeconds;
        }

        @Override
        public WebSocketTransport newTransport(final URI uri, final Handler handler)
        {
            return new JavaWebSocketTransport(uri, handler, connectTimeoutMs, pingIntervalSeconds);
        }

        @Override
        public void close()
        {
        }
    }

    private final Client client;
    private final Handler handler;
    private volatile boolean closeRequested;

    private JavaWebSocketTransport(
        final URI uri, final Handler handler, final int connectTimeoutMs, final int pingIntervalSeconds)
    {
        this.handler = handler;
        this.client = new Client(uri, connectTimeoutMs);
        client.setConnectionLostTimeout(pingIntervalSeconds);
    }

    @Override
    public void connect()
    {
        client.connect();
    }

    @Override
    public void sendText(final String text)
    {
        try
        {
            client.send(text);
        }
        catch (final WebsocketNotConnectedException ex)
        {
            LOG.debug("{}: not open, not sent: {}", client.getURI(), text);
        }
    }

    /**
     * Java-WebSocket ignores {@code close()} until its handshake has been sent, and would then open the
     * connection anyway and keep it: so a close before the open also closes the socket (the attempt then
     * ends with {@code onClose}), and a handshake that completes after it is closed in {@code onOpen}.
     */
    @Override
    public void close()
    {
        closeRequested = true;
        final boolean connecting = client.getReadyState() == ReadyState.NOT_YET_CONNECTED;
        client.close();
        if (connecting)
        {
            closeSocket();
        }
    }

    @Override
    public void abort(final String reason)
    {
        closeRequested = true;
        client.getConnection().closeConnection(ABNORMAL_CLOSE, reason);
    }

    @Override
    public boolean isOpen()
    {
        return client.isOpen();
    }

    private void closeSocket()
    {
        final Socket socket = client.getSocket();
        if (socket != null)
        {
            try
            {
                socket.close();
            }
            catch (final IOException ex)
            {
                LOG.debug("{}: closing its socket: {}", client.getURI(), ex.toString());
            }
        }
    }

    /** The library's client; its read thread is the feed thread. */
    private final class Client extends WebSocketClient
    {
        Client(final URI uri, final int connectTimeoutMs)
        {
            super(uri, new RawTextDraft(), null, connectTimeoutMs);
        }

        @Override
        public void onOpen(final ServerHandshake handshake)
        {
            if (closeRequested)
            {
                close();
                return;
            }
            handler.onOpen();
        }

        @Override
        public void onMessage(final ByteBuffer bytes)
        {
            handler.onFrame(bytes);
        }

        /** A fragmented text message, which the library assembles into a {@code String}: rare enough to copy. */
        @Override
        public void onMessage(final String text)
        {
            handler.onFrame(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }

        /** {@link RawTextDraft}'s frame limit starts a local close with 1009: the frame was refused. */
        @Override
        public void onClosing(final int code, final String reason, final boolean remote)
        {
            if (code == CloseFrame.TOOBIG && !remote)
            {
                handler.onFrameTooLarge();
            }
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
            handler.onClose(code, reason, remote);
        }

        @Override
        public void onError(final Exception ex)
        {
            handler.onError(ex);
        }
    }
}
