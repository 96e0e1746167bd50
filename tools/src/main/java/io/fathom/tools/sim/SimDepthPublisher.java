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
 *
 * <p>While {@link SimFaults#deliveryFaulty()} a diff may be withheld (stall, skipped sequence) or a frame
 * corrupted on its way out, from a copy: the encoded frame other subscribers get is untouched.
 */
final class SimDepthPublisher
{
    static final int SLOW_CONSUMER_CLOSE_CODE = CloseFrame.POLICY_VALIDATION;
    private static final int MAX_STREAM_NAME_LENGTH = 64;

    private final SimSubscriptions subscriptions;
    private final SimFaults faults;
    private final int highWatermarkFrames;
    private final int maxQueuedFrames;
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(SimBook.SCALE, SimBook.SCALE);
    private final UnsafeBuffer streamName = new UnsafeBuffer(new byte[MAX_STREAM_NAME_LENGTH]);
    private final ByteBuffer combinedFrame;
    private final UnsafeBuffer combinedBuffer;
    private final ByteBuffer rawFrame;
    private final UnsafeBuffer rawBuffer;
    private final ByteBuffer corruptFrame;
    private final TextFrame textFrame = new TextFrame();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong slowConsumersDropped = new AtomicLong();
    private Consumer<WebSocket> writeDemand = (connection) -> {};
    private long sentCount;

    SimDepthPublisher(
        final SimSubscriptions subscriptions,
        final SimFaults faults,
        final int highWatermarkFrames,
        final int maxQueuedFrames)
    {
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.highWatermarkFrames = highWatermarkFrames;
        this.maxQueuedFrames = maxQueuedFrames;
        final int frameCapacity = BinanceDepthEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, MAX_STREAM_NAME_LENGTH, SimBook.MAX_DIFF_LEVELS);
        combinedFrame = ByteBuffer.allocate(frameCapacity);
        combinedBuffer = new UnsafeBuffer(combinedFrame);
        rawFrame = ByteBuffer.allocate(frameCapacity);
        rawBuffer = new UnsafeBuffer(rawFrame);
        corruptFrame = ByteBuffer.allocate(frameCapacity);
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
     * max-queued frames unsent, unless a fault withholds it.
     */
    void publish(final int symbolIndex, final DepthMessage diff)
    {
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        final int count = subscriptions.subscriberCount(symbolIndex);
        final boolean faulty = faults.deliveryFaulty();
        if (faulty && faults.withholdDiff(count > 0))
        {
            return;
        }
        int combinedLength = -1;
        int rawLength = -1;
        for (int i = 0; i < count; i++)
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
                send(session, combinedFrame, combinedLength, faulty);
            }
            else
            {
                if (rawLength < 0)
                {
                    rawLength = encoder.encodeDepthUpdate(rawBuffer, 0, diff);
                }
                send(session, rawFrame, rawLength, faulty);
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

    private void send(final SimSession session, final ByteBuffer frame, final int length, final boolean faulty)
    {
        final int corruption = faulty ? faults.nextCorruption() : SimFaults.CORRUPT_NONE;
        if (corruption == SimFaults.CORRUPT_NONE)
        {
            frame.limit(length).position(0);
            textFrame.setPayload(frame);
        }
        else
        {
            final int corruptLength = corrupt(frame.array(), length, corruption, corruptFrame.array());
            corruptFrame.limit(corruptLength).position(0);
            textFrame.setPayload(corruptFrame);
        }
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

    /**
     * Copies an encoded depth frame into {@code out} and spoils it: {@link SimFaults#CORRUPT_PRICE} puts
     * {@code x} in place of the first level's leading price digit, anything else (or a frame without
     * levels) keeps only the first half. Either is ASCII, so still valid text.
     *
     * @return the corrupted frame's length.
     */
    static int corrupt(final byte[] frame, final int length, final int corruption, final byte[] out)
    {
        System.arraycopy(frame, 0, out, 0, length);
        if (corruption == SimFaults.CORRUPT_PRICE)
        {
            for (int i = 0; i + 3 < length; i++)
            {
                if (out[i] == '[' && out[i + 1] == '[' && out[i + 2] == '"')
                {
                    out[i + 3] = 'x';
                    return length;
                }
            }
        }
        return length / 2;
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
