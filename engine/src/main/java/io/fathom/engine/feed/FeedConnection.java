package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket carrying several depth streams. The thread its {@link WebSocketTransport} delivers frames
 * on is the feed thread: each frame is decoded into a reusable message and published to the ring; nothing
 * on that path allocates beyond what the WebSocket library itself does per frame.
 *
 * <p>Life-cycle events go to a {@link Listener} that must only hand them over to its own thread:
 * nothing reconnects from a library callback.
 */
public final class FeedConnection implements WebSocketTransport.Handler
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedConnection.class);

    /** Told of this connection's life; called on library threads, so it must not block. */
    public interface Listener
    {
        void onOpen(FeedConnection connection);

        void onClosed(FeedConnection connection, int code, String reason, boolean remote);
    }

    private final URI uri;
    private final WebSocketTransport transport;
    private final int connectionId;
    private final int[] instrumentIds;
    private final InstrumentTable instruments;
    private final FeedActivity activity;
    private final DepthPublisher publisher;
    private final FrameDecoder decoder;
    private final FrameCapture capture;
    private final AtomicCounter connectionMessages;
    private final DepthMessage message;
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final EpochNanoClock epochClock;
    private final Listener listener;
    private final CompletableFuture<FeedConnection> closeFuture = new CompletableFuture<>();

    private final AtomicCounter messages;
    private final AtomicCounter ignored;
    private final AtomicCounter decodeErrors;
    private final AtomicCounter unknownInstrument;
    private final AtomicCounter afterHalt;
    private final AtomicCounter closedFeed;
    private final AtomicCounter sequenceGaps;
    private final DecodeErrorLog errorLog;
    private long lastConnectionSequence = DepthMessage.NO_ID;

    /**
     * @param connectionMessages counts this connection's messages.
     * @param listener           told when the connection opens and closes.
     */
    public FeedConnection(
        final ConnectionIdentity identity,
        final AtomicCounter connectionMessages,
        final FeedConnectionServices services,
        final Listener listener)
    {
        final EngineCounters counters = services.counters();
        this.uri = identity.uri();
        this.connectionId = identity.connectionId();
        this.instrumentIds = identity.instrumentIds();
        this.instruments = services.instruments();
        this.activity = services.activity();
        this.publisher = services.publishers().get();
        this.decoder = services.decoders().get();
        this.capture = services.capture();
        this.connectionMessages = connectionMessages;
        this.message = new DepthMessage(services.maxLevelsPerMessage());
        this.epochClock = services.epochClock();
        this.listener = listener;
        this.messages = counters.get(SystemCounter.MESSAGES_RECEIVED);
        this.ignored = counters.get(SystemCounter.MESSAGES_IGNORED);
        this.decodeErrors = counters.get(SystemCounter.DECODE_ERRORS);
        this.unknownInstrument = counters.get(SystemCounter.UNKNOWN_INSTRUMENT);
        this.afterHalt = counters.get(SystemCounter.MESSAGES_AFTER_HALT);
        this.closedFeed = counters.get(SystemCounter.MESSAGES_FOR_CLOSED_FEEDS);
        this.sequenceGaps = counters.get(SystemCounter.CONNECTION_SEQUENCE_GAPS);
        this.errorLog = new DecodeErrorLog(LOG, "connection " + connectionId, counters);
        this.transport = services.transports().newTransport(uri, this);
    }

    public int connectionId()
    {
        return connectionId;
    }

    public int[] instrumentIds()
    {
        return instrumentIds;
    }

    /** Completes when the socket has closed and its transport has stopped delivering frames. */
    public CompletableFuture<FeedConnection> closeFuture()
    {
        return closeFuture;
    }

    /** Starts the opening handshake; returns at once. */
    public void connect()
    {
        transport.connect();
    }

    public boolean isOpen()
    {
        return transport.isOpen();
    }

    /**
     * Closes the connection, also while it is still connecting: the transport then ends the attempt (which
     * ends with {@link #onClose}), and closes a handshake that completes after it without {@link #onOpen}.
     */
    public void close()
    {
        transport.close();
    }

    /** Closes the socket at once, without a close handshake: for a connection that did not close in time. */
    public void abort(final String reason)
    {
        transport.abort(reason);
    }

    public void send(final String text)
    {
        if (capture != null)
        {
            capture.sent(uri.toString(), text);
        }
        transport.sendText(text);
    }

    @Override
    public void onOpen()
    {
        if (capture != null)
        {
            capture.connected(uri.toString());
        }
        listener.onOpen(this);
    }

    @Override
    public void onFrame(final ByteBuffer bytes)
    {
        final long receiveNs = System.nanoTime();
        final int length = bytes.remaining();
        if (bytes.hasArray())
        {
            frame.wrap(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
        }
        else
        {
            frame.wrap(bytes, bytes.position(), length);
        }
        onFrame(frame, length, receiveNs);
    }

    /** Decodes the frame where the transport received it: no copy. */
    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final long receiveNs = System.nanoTime();
        frame.wrap(buffer, offset, length);
        onFrame(frame, length, receiveNs);
    }

    @Override
    public void onFrameTooLarge()
    {
        decodeErrors.increment();
        errorLog.frameTooLarge();
    }

    private void onFrame(final UnsafeBuffer buffer, final int length, final long receiveNs)
    {
        messages.increment();
        connectionMessages.increment();
        if (capture != null)
        {
            capture.received(buffer, length);
        }
        DecodeResult result = decoder.decodeFrame(buffer, 0, length, message);
        if (!result.isError() && !inSequence(decoder.connectionSequence()))
        {
            return;
        }
        if (result == DecodeResult.DEPTH)
        {
            final long receiveEpochNs = epochClock.nanoTime();
            publish(receiveNs, receiveEpochNs);
            for (int i = 1, n = decoder.messageCount(); i < n; i++)
            {
                result = decoder.decodeMessage(i, message);
                if (result != DecodeResult.DEPTH)
                {
                    break;
                }
                publish(receiveNs, receiveEpochNs);
            }
        }
        if (result.isError())
        {
            decodeErrors.increment();
            errorLog.decodeError(result, decoder.errorOffset(), buffer, length);
        }
        else if (result == DecodeResult.IGNORED)
        {
            ignored.increment();
        }
    }

    private void publish(final long receiveNs, final long receiveEpochNs)
    {
        final int id = instruments.lookup(message.symbolBytes(), 0, message.symbolLength());
        if (id < 0)
        {
            unknownInstrument.increment();
            errorLog.unknownSymbol(message);
            return;
        }
        if (!activity.isActive(id))
        {
            closedFeed.increment();
            return;
        }
        activity.onMessage(id, receiveEpochNs);
        if (publisher.publish(id, message, receiveNs, receiveEpochNs) == 0)
        {
            afterHalt.increment();
        }
    }

    /**
     * Checks a connection-wide sequence (Coinbase's {@code sequence_num}): a gap means a message of some
     * product on this connection was lost, so every book on it is in doubt; the connection is closed and
     * the supervisor reconnects, which resubscribes and brings fresh snapshots.
     *
     * @return false when the frame must not be used.
     */
    private boolean inSequence(final long sequence)
    {
        if (sequence == DepthMessage.NO_ID)
        {
            return true;
        }
        final long expected = lastConnectionSequence + 1;
        final boolean first = lastConnectionSequence == DepthMessage.NO_ID;
        lastConnectionSequence = sequence;
        if (first || sequence == expected)
        {
            return true;
        }
        sequenceGaps.increment();
        LOG.warn("connection {}: sequence_num {} after {}: messages lost, reconnecting", connectionId, sequence,
            expected - 1);
        lastConnectionSequence = DepthMessage.NO_ID;
        close();
        return false;
    }

    @Override
    public void onClose(final int code, final String reason, final boolean remote)
    {
        try
        {
            listener.onClosed(this, code, reason, remote);
        }
        finally
        {
            publisher.retire();
            closeFuture.complete(this);
        }
    }

    @Override
    public void onError(final Throwable error)
    {
        LOG.warn("connection {} to {}: {}", connectionId, uri, error.toString());
    }
}
