package io.fathom.engine.feed;

import org.agrona.DirectBuffer;

import java.net.URI;
import java.nio.ByteBuffer;

/**
 * One client WebSocket as a {@link FeedConnection} uses it, whichever library carries it. The transport
 * owns the socket and its threads; the connection owns what is done with each frame, so frame handling
 * exists once for every transport.
 *
 * <p>Every call may come from any thread. {@link Handler} methods are called on the transport's threads,
 * one at a time for one transport, and must not block for longer than a ring claim.
 */
public interface WebSocketTransport
{
    /** The close code reported for an attempt that never opened (Java-WebSocket's {@code NEVER_CONNECTED}). */
    int NEVER_CONNECTED = -1;
    /** RFC 6455: the connection was lost without a close handshake. */
    int ABNORMAL_CLOSE = 1006;
    /** RFC 6455: a message too big to process; sent when a frame exceeds the frame limit. */
    int TOO_BIG = 1009;

    /** Told of one transport's life; frames arrive complete, however the library received them. */
    interface Handler
    {
        /** The opening handshake completed; frames may follow. */
        void onOpen();

        /**
         * A complete text or binary message: the payload as UTF-8 bytes between position and limit. The
         * buffer is reused once this returns.
         */
        void onFrame(ByteBuffer payload);

        /**
         * A complete text or binary message as a range of the transport's receive buffer, for transports
         * that read frames in place; the range is reused once this returns. The default copies it.
         */
        default void onFrame(DirectBuffer buffer, int offset, int length)
        {
            final ByteBuffer copy = ByteBuffer.allocate(length);
            buffer.getBytes(offset, copy, length);
            onFrame(copy.flip());
        }

        /** A message longer than {@link io.fathom.codec.json.JsonScanner#MAX_FRAME_LENGTH} was refused; the connection closes. */
        void onFrameTooLarge();

        /**
         * The socket has closed, or the attempt ended without opening; called once, after the last frame.
         *
         * @param remote the peer started the close.
         */
        void onClose(int code, String reason, boolean remote);

        /** An error the transport met; {@link #onClose} follows when it ends the connection. */
        void onError(Throwable error);
    }

    /** Makes transports of one kind and owns what they share; closed after every transport it made is closed. */
    interface Factory extends AutoCloseable
    {
        WebSocketTransport newTransport(URI uri, Handler handler);

        @Override
        void close();
    }

    /** Starts the opening handshake; returns at once. */
    void connect();

    /** Queues a text message; dropped when the transport is not open. */
    void sendText(String text);

    /**
     * Starts a close handshake; while still connecting, closes the socket instead, and a handshake that
     * completes afterwards is closed at once without {@link Handler#onOpen}.
     */
    void close();

    /**
     * Closes the socket at once, without a close handshake, and reports the close as 1006 on the calling
     * thread; a frame already being delivered may still finish, so call it only when the ring's producers
     * are halted or the frames no longer matter.
     */
    void abort(String reason);

    /**
     * Ends the connection at shutdown, once the ring's producers are halted: a close frame where the socket
     * takes it at once, then the socket closed without waiting on the peer, the close reported as 1006. A
     * transport whose own thread owns its sockets does both there, in one pass over them, reports the close
     * on that thread and returns true. Otherwise this only starts the close ({@link #close}) and returns
     * false: the caller then calls {@link #abort}, after starting the others, so their close frames go out
     * meanwhile.
     */
    default boolean endOnOwnThread(final String reason)
    {
        close();
        return false;
    }

    boolean isOpen();
}
