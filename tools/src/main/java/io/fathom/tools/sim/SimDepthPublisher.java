package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Fans one diff out to the subscribers of its symbol as WebSocket text frames: encoded at most once as a
 * combined event and once as a raw event, from reused buffers, through one reused {@link TextFrame}
 * (Java-WebSocket copies the payload into its own frame buffer on send). Generator thread only, except
 * the counters.
 */
final class SimDepthPublisher
{
    static final int SLOW_CONSUMER_CLOSE_CODE = CloseFrame.POLICY_VALIDATION;
    private static final int MAX_STREAM_NAME_LENGTH = 64;

    private final SimSubscriptions subscriptions;
    private final int highWatermarkFrames;
    private final int maxQueuedFrames;
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(SimBook.SCALE, SimBook.SCALE);
    private final UnsafeBuffer streamName = new UnsafeBuffer(new byte[MAX_STREAM_NAME_LENGTH]);
    private final ByteBuffer combinedFrame;
    private final UnsafeBuffer combinedBuffer;
    private final ByteBuffer rawFrame;
    private final UnsafeBuffer rawBuffer;
    private final TextFrame textFrame = new TextFrame();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong slowConsumersDropped = new AtomicLong();
    private Consumer<WebSocket> writeDemand = (connection) -> {};
    private long sentCount;

    SimDepthPublisher(final SimSubscriptions subscriptions, final int highWatermarkFrames, final int maxQueuedFrames)
    {
        this.subscriptions = subscriptions;
        this.highWatermarkFrames = highWatermarkFrames;
        this.maxQueuedFrames = maxQueuedFrames;
        final int frameCapacity = BinanceDepthEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, MAX_STREAM_NAME_LENGTH, SimBook.MAX_DIFF_LEVELS);
        combinedFrame = ByteBuffer.allocate(frameCapacity);
        combinedBuffer = new UnsafeBuffer(combinedFrame);
        rawFrame = ByteBuffer.allocate(frameCapacity);
        rawBuffer = new UnsafeBuffer(rawFrame);
    }

    /**
     * Sets how to ask the server to write a connection's queued frames; call before the generator starts.
     */
    void writeDemand(final Consumer<WebSocket> writeDemand)
    {
        this.writeDemand = writeDemand;
    }

    long framesSent()
    {
        return framesSent.get();
    }

    long slowConsumersDropped()
    {
        return slowConsumersDropped.get();
    }

    void publishCounters()
    {
        framesSent.lazySet(sentCount);
    }

    /**
     * @return true when every live subscriber of {@code symbolIndex} has fewer than the high-watermark
     * frames queued.
     */
    boolean hasRoom(final int symbolIndex)
    {
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        for (int i = 0, count = subscriptions.subscriberCount(symbolIndex); i < count; i++)
        {
            if (!sessions[i].dropped() && sessions[i].queuedFrames() >= highWatermarkFrames)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends {@code diff} to every subscriber of {@code symbolIndex}, dropping any that has more than the
     * max-queued frames unsent.
     */
    void publish(final int symbolIndex, final DepthMessage diff)
    {
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        int combinedLength = -1;
        int rawLength = -1;
        for (int i = 0, count = subscriptions.subscriberCount(symbolIndex); i < count; i++)
        {
            final SimSession session = sessions[i];
            if (session.dropped())
            {
                continue;
            }
            if (session.queuedFrames() >= maxQueuedFrames)
            {
                dropSlowConsumer(session);
                continue;
            }
            if (session.combined())
            {
                if (combinedLength < 0)
                {
                    final int nameLength = putStreamName(symbolIndex);
                    combinedLength = encoder.encodeCombinedDepthUpdate(
                        combinedBuffer, 0, streamName, 0, nameLength, diff);
                }
                send(session, combinedFrame, combinedLength);
            }
            else
            {
                if (rawLength < 0)
                {
                    rawLength = encoder.encodeDepthUpdate(rawBuffer, 0, diff);
                }
                send(session, rawFrame, rawLength);
            }
        }
    }

    /**
     * Works around Java-WebSocket's lost write interest (see {@link SimSession#writeStranded()}).
     *
     * @return the number of connections whose writing was restarted.
     */
    int rearmStrandedWrites()
    {
        int count = 0;
        for (int i = 0, size = subscriptions.openCount(); i < size; i++)
        {
            final SimSession session = subscriptions.open(i);
            if (!session.dropped() && session.writeStranded())
            {
                writeDemand.accept(session.connection);
                count++;
            }
        }
        return count;
    }

    private void send(final SimSession session, final ByteBuffer frame, final int length)
    {
        frame.limit(length).position(0);
        textFrame.setPayload(frame);
        try
        {
            session.connection.sendFrame(textFrame);
            sentCount++;
        }
        catch (final WebsocketNotConnectedException ignore)
        {
            // closing; the close callback unsubscribes it
        }
    }

    private void dropSlowConsumer(final SimSession session)
    {
        session.markDropped();
        slowConsumersDropped.incrementAndGet();
        session.connection.closeConnection(SLOW_CONSUMER_CLOSE_CODE, "slow consumer");
    }

    private int putStreamName(final int symbolIndex)
    {
        int index = streamName.putStringWithoutLengthAscii(0, SimSymbols.STREAM_PREFIX);
        index += streamName.putIntAscii(index, symbolIndex);
        index += streamName.putStringWithoutLengthAscii(index, SimSymbols.DEPTH_STREAM_SUFFIX);
        return index;
    }
}
