package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthEvent;
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
    private final HeldFrames heldFrames = new HeldFrames();
    private final HeldFrames.FrameHandler decodeAndPublish = this::decodeAndPublish;

    private final AtomicCounter messages;
    private final AtomicCounter ignored;
    private final AtomicCounter decodeErrors;
    private final AtomicCounter unknownInstrument;
    private final AtomicCounter afterHalt;
    private final AtomicCounter closedFeed;
    private final AtomicCounter sequenceGaps;
    private final AtomicCounter unrepresentable;
    private final DecodeErrorLog errorLog;
    private final AtomicCounter afterRestart;
    private final ConnectionSequence connectionSequence = new ConnectionSequence();
    private boolean restarting;
    private final AttemptFailure failure = new AttemptFailure();

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
        this.afterRestart = counters.get(SystemCounter.MESSAGES_AFTER_RESTART);
        this.unrepresentable = counters.get(SystemCounter.UNREPRESENTABLE_VALUES);
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

    /** The frames this connection holds while it replaces another ({@link HeldFrames}); none unless told to. */
    HeldFrames heldFrames()
    {
        return heldFrames;
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

    /** Closes the socket at once, without a close handshake: at shutdown, or for a connection that did not close in time. */
    public void abort(final String reason)
    {
        transport.abort(reason);
    }

    /** Shutdown's end of the connection ({@link WebSocketTransport#endOnOwnThread}): false when it must be aborted. */
    boolean endOnTransportThread(final String reason)
    {
        return transport.endOnOwnThread(reason);
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
        onFrame(length, receiveNs);
    }

    /** Decodes the frame where the transport received it: no copy. */
    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final long receiveNs = System.nanoTime();
        frame.wrap(buffer, offset, length);
        onFrame(length, receiveNs);
    }

    /** The frame just wrapped: held while this replacement waits for the connection it replaces, else decoded. */
    private void onFrame(final int length, final long receiveNs)
    {
        if (heldFrames.isHolding())
        {
            heldFrames.onFrame(frame, length, receiveNs, decodeAndPublish);
            return;
        }
        decodeAndPublish(frame, length, receiveNs);
    }

    @Override
    public void onFrameTooLarge()
    {
        decodeErrors.increment();
        errorLog.frameTooLarge();
    }

    private void decodeAndPublish(final UnsafeBuffer buffer, final int length, final long receiveNs)
    {
        messages.increment();
        connectionMessages.increment();
        if (capture != null)
        {
            capture.received(buffer, length);
        }
        if (restarting)
        {
            afterRestart.increment();
            return;
        }
        DecodeResult result = decoder.decodeFrame(buffer, 0, length, message);
        final long sequence = decoder.connectionSequence();
        if (!result.isError() && !inSequence(sequence))
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
        if (result == DecodeResult.UNREPRESENTABLE_VALUE && onUnrepresentable(buffer, length, receiveNs))
        {
            return;
        }
        if (result.isError())
        {
            decodeErrors.increment();
            errorLog.decodeError(result, decoder.errorOffset(), buffer, length);
            if (sequence != DepthMessage.NO_ID)
            {
                LOG.warn("connection {}: sequence_num {} taken by a frame not wholly applied ({}): restarting", connectionId,
                    sequence, result);
                restart();
            }
        }
        else if (result == DecodeResult.IGNORED)
        {
            ignored.increment();
        }
    }

    /**
     * A value the instrument's scale cannot hold: counted, logged once per instrument, and the book resynced
     * (its request backs off like any other), since the message it lost leaves the book in doubt.
     *
     * @return false when the failure cannot be put on an instrument held here; it is then a decode error.
     */
    private boolean onUnrepresentable(final UnsafeBuffer buffer, final int length, final long receiveNs)
    {
        final int symbolLength = message.attemptedSymbolLength();
        final int id = symbolLength == 0 ? -1 : instruments.lookup(message.symbolBytes(), 0, symbolLength);
        if (id < 0)
        {
            return false;
        }
        unrepresentable.increment();
        errorLog.unrepresentable(id, instruments.symbol(id), buffer, decoder.errorOffset(), length,
            message.priceScale(), message.quantityScale());
        if (activity.isActive(id))
        {
            publisher.publishControl(DepthEvent.KIND_UNREPRESENTABLE, id, receiveNs, epochClock.nanoTime());
        }
        return true;
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
     * product on this connection was lost, so every book on it is in doubt; the connection is restarted.
     * A frame that took a sequence number but was not wholly applied (an event in it failed) is lost the same way.
     *
     * @return false when the frame must not be used.
     */
    private boolean inSequence(final long sequence)
    {
        final long previous = connectionSequence.gapBefore(sequence);
        if (previous == DepthMessage.NO_ID)
        {
            return true;
        }
        sequenceGaps.increment();
        LOG.warn("connection {}: sequence_num {} after {}: messages lost, reconnecting", connectionId, sequence, previous);
        restart();
        return false;
    }

    /**
     * Condemns the connection after a lost message: every book on it is reset on the ring now, behind the frames
     * already published, so none stays valid until the close completes; later frames are counted, never
     * published; the close brings a reconnect with fresh snapshots. Feed thread only.
     */
    private void restart()
    {
        restarting = true;
        final long receiveNs = System.nanoTime();
        final long receiveEpochNs = epochClock.nanoTime();
        for (final int id : instrumentIds)
        {
            if (activity.isActive(id))
            {
                publisher.publishReset(id, receiveNs, receiveEpochNs);
            }
        }
        close();
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
        failure.onError(error);
    }

    /** The supervisor gives up an attempt that did not open in time: records why, then closes it. */
    void abandon(final String reason)
    {
        failure.onAbandoned(reason);
        close();
    }

    /**
     * Why the connection ended: for an attempt that never opened, the transport's first error, why it was abandoned,
     * or else {@code closeCause}; for one that had opened, its loss for {@code closeCause}.
     */
    String failureText(final boolean opened, final String closeCause)
    {
        return opened ? AttemptFailure.lost(uri, closeCause) : failure.describe(uri, closeCause);
    }
}
