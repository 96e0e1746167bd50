package io.fathom.tools.sim;

import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands encoded depth frames to connections as WebSocket text frames through one reused {@link TextFrame}
 * (Java-WebSocket copies the payload into its own frame buffer on send), drops slow consumers, and counts.
 * Every venue's wire sends through it; generator thread only, except the counters.
 *
 * <p>While {@link SimFaults#deliveryFaulty()} a frame may be corrupted on its way out, from a copy: the
 * encoded frame other subscribers get is untouched.
 */
final class SimFrameSender
{
    static final int SLOW_CONSUMER_CLOSE_CODE = CloseFrame.POLICY_VALIDATION;
    private static final byte[][] PRICE_MARKERS = {
        ascii("[[\""), ascii("\"price_level\":\""), ascii("\"px\":\""), ascii("\"price\":") };

    private final SimSubscriptions subscriptions;
    private final SimFaults faults;
    private final int highWatermarkFrames;
    private final int maxQueuedFrames;
    private final TextFrame textFrame = new TextFrame();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong slowConsumersDropped = new AtomicLong();
    private ByteBuffer corruptFrame = ByteBuffer.allocate(0);
    private Consumer<WebSocket> writeDemand = (connection) -> {};
    private long sentCount;
    private long nowMs;

    SimFrameSender(
        final SimSubscriptions subscriptions,
        final SimFaults faults,
        final int highWatermarkFrames,
        final int maxQueuedFrames)
    {
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.highWatermarkFrames = highWatermarkFrames;
        this.maxQueuedFrames = maxQueuedFrames;
    }

    /**
     * Sets how to ask the server to write a connection's queued frames; call before the generator starts.
     */
    void writeDemand(final Consumer<WebSocket> writeDemand)
    {
        this.writeDemand = writeDemand;
    }

    /** Makes room for corrupting frames of up to {@code frameLength} bytes without allocating later. */
    void reserve(final int frameLength)
    {
        if (corruptFrame.capacity() < frameLength)
        {
            corruptFrame = ByteBuffer.allocate(frameLength);
        }
    }

    /** The epoch time of the generator's current duty cycle, stamped on each session as it is sent to. */
    void nowMs(final long nowMs)
    {
        this.nowMs = nowMs;
    }

    long nowMs()
    {
        return nowMs;
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
     * @return true when {@code session} is to get nothing: dropped already, or dropped now as a slow
     * consumer because it has more than the max-queued frames unsent.
     */
    boolean skip(final SimSession session)
    {
        if (session.dropped())
        {
            return true;
        }
        if (session.queuedFrames() >= maxQueuedFrames)
        {
            session.markDropped();
            slowConsumersDropped.incrementAndGet();
            session.connection.closeConnection(SLOW_CONSUMER_CLOSE_CODE, "slow consumer");
            return true;
        }
        return false;
    }

    /**
     * Sends the first {@code length} bytes of {@code frame}, corrupted when {@code faulty} and a malformed
     * frame is pending.
     */
    void send(final SimSession session, final ByteBuffer frame, final int length, final boolean faulty)
    {
        final int corruption = faulty ? faults.nextCorruption() : SimFaults.CORRUPT_NONE;
        if (corruption == SimFaults.CORRUPT_NONE)
        {
            frame.limit(length).position(0);
            textFrame.setPayload(frame);
        }
        else
        {
            reserve(length);
            final int corruptLength = corrupt(frame.array(), length, corruption, corruptFrame.array());
            corruptFrame.limit(corruptLength).position(0);
            textFrame.setPayload(corruptFrame);
        }
        try
        {
            session.connection.sendFrame(textFrame);
            session.lastSentMs(nowMs);
            sentCount++;
        }
        catch (final WebsocketNotConnectedException ignore)
        {
            // closing; the close callback unsubscribes it
        }
    }

    /** Sends a control-plane text frame (acks, errors, heartbeats); allocates, as control frames may. */
    void reply(final SimSession session, final String text)
    {
        if (session.dropped())
        {
            return;
        }
        try
        {
            session.connection.send(text);
            session.lastSentMs(nowMs);
        }
        catch (final WebsocketNotConnectedException ignore)
        {
            // the close is already on its way to the generator
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

    /**
     * Copies an encoded depth frame into {@code out} and spoils it: {@link SimFaults#CORRUPT_PRICE} spoils the
     * first level's price (its leading digit becomes {@code x} in a string, {@code -} in a JSON number, so
     * the JSON stays valid), anything else (or a frame without levels) keeps only the first half. Either
     * is ASCII, so still valid text.
     *
     * @return the corrupted frame's length.
     */
    static int corrupt(final byte[] frame, final int length, final int corruption, final byte[] out)
    {
        System.arraycopy(frame, 0, out, 0, length);
        if (corruption == SimFaults.CORRUPT_PRICE)
        {
            for (int i = 0; i < length; i++)
            {
                for (final byte[] marker : PRICE_MARKERS)
                {
                    final int digit = i + marker.length;
                    if (digit < length && startsWith(out, i, marker) && out[digit] >= '0' && out[digit] <= '9')
                    {
                        out[digit] = (byte)(marker[marker.length - 1] == '"' ? 'x' : '-');
                        return length;
                    }
                }
            }
        }
        return length / 2;
    }

    private static boolean startsWith(final byte[] bytes, final int offset, final byte[] prefix)
    {
        for (int i = 0; i < prefix.length; i++)
        {
            if (bytes[offset + i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
