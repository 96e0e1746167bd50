package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket carrying several depth streams. Its read thread is the feed thread: each frame is
 * decoded into a reusable message and published to the ring; nothing on that path allocates
 * beyond what the WebSocket library itself does per frame.
 *
 * <p>Life-cycle events go to a {@link Listener} that must only hand them over to its own thread:
 * nothing reconnects from a library callback.
 */
public final class FeedConnection extends WebSocketClient
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedConnection.class);

    /** Told of this connection's life; called on library threads, so it must not block. */
    public interface Listener
    {
        void onOpen(FeedConnection connection);

        void onClosed(FeedConnection connection, int code, String reason, boolean remote);
    }

    private final int connectionId;
    private final int[] instrumentIds;
    private final InstrumentTable instruments;
    private final FeedActivity activity;
    private final DepthPublisher publisher;
    private final BinanceDepthDecoder decoder;
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
    private final DecodeErrorLog errorLog;

    public FeedConnection(
        final URI uri,
        final int connectionId,
        final int[] instrumentIds,
        final InstrumentTable instruments,
        final FeedActivity activity,
        final DepthPublisher publisher,
        final BinanceDepthDecoder decoder,
        final int maxLevelsPerMessage,
        final EngineCounters counters,
        final AtomicCounter connectionMessages,
        final EpochNanoClock epochClock,
        final int connectTimeoutMs,
        final int pingIntervalSeconds,
        final Listener listener)
    {
        super(uri, new RawTextDraft(), null, connectTimeoutMs);
        this.connectionId = connectionId;
        this.instrumentIds = instrumentIds;
        this.instruments = instruments;
        this.activity = activity;
        this.publisher = publisher;
        this.decoder = decoder;
        this.connectionMessages = connectionMessages;
        this.message = new DepthMessage(maxLevelsPerMessage);
        this.epochClock = epochClock;
        this.listener = listener;
        this.messages = counters.get(SystemCounter.MESSAGES_RECEIVED);
        this.ignored = counters.get(SystemCounter.MESSAGES_IGNORED);
        this.decodeErrors = counters.get(SystemCounter.DECODE_ERRORS);
        this.unknownInstrument = counters.get(SystemCounter.UNKNOWN_INSTRUMENT);
        this.afterHalt = counters.get(SystemCounter.MESSAGES_AFTER_HALT);
        this.closedFeed = counters.get(SystemCounter.MESSAGES_FOR_CLOSED_FEEDS);
        this.errorLog = new DecodeErrorLog(LOG, "connection " + connectionId, counters);
        setConnectionLostTimeout(pingIntervalSeconds);
    }

    public int connectionId()
    {
        return connectionId;
    }

    public int[] instrumentIds()
    {
        return instrumentIds;
    }

    /** Completes when the socket has closed and its read thread has stopped delivering frames. */
    public CompletableFuture<FeedConnection> closeFuture()
    {
        return closeFuture;
    }

    @Override
    public void onOpen(final ServerHandshake handshake)
    {
        listener.onOpen(this);
    }

    @Override
    public void onMessage(final ByteBuffer bytes)
    {
        final long receiveNanos = System.nanoTime();
        final int length = bytes.remaining();
        if (bytes.hasArray())
        {
            frame.wrap(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
        }
        else
        {
            frame.wrap(bytes, bytes.position(), length);
        }
        onFrame(frame, length, receiveNanos);
    }

    @Override
    public void onMessage(final String text)
    {
        final long receiveNanos = System.nanoTime();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        frame.wrap(bytes);
        onFrame(frame, bytes.length, receiveNanos);
    }

    private void onFrame(final UnsafeBuffer buffer, final int length, final long receiveNanos)
    {
        messages.increment();
        connectionMessages.increment();
        final DecodeResult result = decoder.decodeStreamFrame(buffer, 0, length, message);
        if (result == DecodeResult.DEPTH)
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
            final long receiveEpochNs = epochClock.nanoTime();
            activity.onMessage(id, receiveEpochNs);
            if (publisher.publish(id, message, receiveNanos, receiveEpochNs) == 0)
            {
                afterHalt.increment();
            }
        }
        else if (result.isError())
        {
            decodeErrors.increment();
            errorLog.decodeError(result, decoder.errorOffset(), buffer, length);
        }
        else
        {
            ignored.increment();
        }
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
    public void onError(final Exception ex)
    {
        LOG.warn("connection {} to {}: {}", connectionId, getURI(), ex.toString());
    }
}
