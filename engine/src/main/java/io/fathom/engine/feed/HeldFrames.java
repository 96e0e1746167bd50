package io.fathom.engine.feed;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The frames a replacement connection receives while the connection it replaces is still delivering its
 * last ones. Both carry the same streams; were both published at once, a lagging old connection would put
 * older frames on the ring after newer ones of the replacement, and the books would see a gap that is not
 * one. So the replacement holds its frames, in order, until the supervisor has seen the old connection
 * close ({@link #release}); its feed thread then hands them on before anything newer, and the books drop
 * what the old connection already delivered by its update ids.
 *
 * <p>Held bytes are bounded: past {@link #MAX_HELD_BYTES} the frames are let go at once, and a gap, if
 * any, is found and resynced by the books as any other. Holding, adding and draining happen on the feed
 * thread; {@link #release} on the supervisor's.
 */
final class HeldFrames
{
    /** Far more than a round trip of frames at any venue's rate; a bound, not an expected size. */
    static final int MAX_HELD_BYTES = 16 * 1024 * 1024;
    private static final int HEADER_LENGTH = Integer.BYTES + Long.BYTES;

    /** Handles one frame, as the connection does with a frame just received. */
    @FunctionalInterface
    interface FrameHandler
    {
        void onFrame(UnsafeBuffer frame, int length, long receiveNs);
    }

    /**
     * Plain: set before the connection connects (which happens-before its feed thread's first frame) and
     * cleared by the feed thread itself, so the feed path pays a plain read, not a volatile one.
     */
    private boolean holding;
    private volatile boolean released;
    private MutableDirectBuffer held;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private int heldBytes;

    /** A replacement's frames are held from now until {@link #release}; called before the connection connects. */
    void hold()
    {
        held = new ExpandableArrayBuffer(64 * 1024);
        holding = true;
    }

    /** Feed thread: whether frames are still being held or wait to be handed on. */
    boolean isHolding()
    {
        return holding;
    }

    /** Supervisor thread: the replaced connection has closed, so the held frames may follow its last ones. */
    void release()
    {
        released = true;
    }

    /**
     * Feed thread, while {@link #isHolding}: keeps the frame, or once released (or over the bound) hands on
     * every held frame and then this one.
     */
    void onFrame(final UnsafeBuffer frame, final int length, final long receiveNs, final FrameHandler handler)
    {
        if (!released && heldBytes + HEADER_LENGTH + length <= MAX_HELD_BYTES)
        {
            held.putInt(heldBytes, length);
            held.putLong(heldBytes + Integer.BYTES, receiveNs);
            held.putBytes(heldBytes + HEADER_LENGTH, frame, 0, length);
            heldBytes += HEADER_LENGTH + length;
            return;
        }
        holding = false;
        for (int at = 0; at < heldBytes; )
        {
            final int heldLength = held.getInt(at);
            view.wrap(held, at + HEADER_LENGTH, heldLength);
            handler.onFrame(view, heldLength, held.getLong(at + Integer.BYTES));
            at += HEADER_LENGTH + heldLength;
        }
        held = null;
        heldBytes = 0;
        handler.onFrame(frame, length, receiveNs);
    }
}
