package io.fathom.engine.feed;

import io.fathom.engine.book.BookStateListener;
import org.agrona.BitUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Carries book-state news from the book handler thread to the supervisor thread through a
 * preallocated one-to-one ring, so the handler never allocates or locks to report it.
 */
final class BookStateEvents implements BookStateListener
{
    static final int LIVE = 1;
    static final int INVALID = 2;

    private final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
        ByteBuffer.allocateDirect(BitUtil.findNextPositivePowerOfTwo(256 * 1024) + RingBufferDescriptor.TRAILER_LENGTH)));
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8]);

    @Override
    public void onBookLive(final int instrumentId)
    {
        scratch.putInt(0, instrumentId);
        scratch.putInt(4, 0);
        write(LIVE);
    }

    @Override
    public void onBookInvalid(final int instrumentId, final byte reason)
    {
        scratch.putInt(0, instrumentId);
        scratch.putInt(4, reason);
        write(INVALID);
    }

    private void write(final int type)
    {
        while (!ring.write(type, scratch, 0, 8))
        {
            Thread.onSpinWait();
        }
    }

    /** Supervisor thread: hands up to {@code limit} pending events to the handler; @return how many. */
    int drain(final MessageHandler handler, final int limit)
    {
        return ring.read(handler, limit);
    }
}
