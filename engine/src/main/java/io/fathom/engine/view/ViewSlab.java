package io.fathom.engine.view;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One instrument's published book: two copies of it under one sequence counter in a padded {@code long[]},
 * written by one thread and read by any number without locks and without waiting for the writer.
 *
 * <pre>
 *  index (longs)                 content
 *   0 .. 15                      padding: 128 bytes, so no other object shares these lines (adjacent-line prefetch)
 *  16                            sequence s: 2n once write n is complete, 2n - 1 while it is in progress
 *  17 + b * W .. 16 + (b+1) * W  buffer b (0 or 1), W = 3 + 4 * depth words; write n fills buffer n % 2:
 *    +0                            update id of the last change applied
 *    +1                            epoch ns of the last change (a publish or an invalidation)
 *    +2                            meta: bits 0-15 bid levels, 16-31 ask levels, 32-39 invalid reason, 40 valid
 *    +3 + 4i .. +6 + 4i            level i (0 best): bid price, bid quantity, ask price, ask quantity (mantissas)
 *  17 + 2W .. + 15               padding
 * </pre>
 *
 * A reader takes s, copies buffer (s / 2) % 2, which holds the last complete write m = s / 2, then reads the
 * sequence again: the copy is whole unless write m + 2, the next to fill that buffer, has begun (the sequence
 * reached 2m + 3). So a read retries only when it spans more than a whole publish, never because a write
 * is in progress, and the writer never waits. The writer stores the odd sequence (release, so a reader that
 * sees it sees write m), a release fence (no data store moves above it), the data with plain stores, then
 * the even sequence (release); the reader acquires the sequence, copies, and orders its copy before the
 * second read with an acquire fence: the optimistic read of {@link java.util.concurrent.locks.StampedLock}
 * without a CAS, since there is one writer, and over two buffers. On x86 all of these are plain moves.
 */
final class ViewSlab
{
    static final int MAX_DEPTH = 0xFFFF;

    static final int PADDING = 16;
    static final int SEQUENCE = PADDING;
    static final int BUFFERS = PADDING + 1;
    static final int UPDATE_ID = 0;
    static final int EPOCH_NS = 1;
    static final int META = 2;
    static final int LEVELS = 3;
    static final int LEVEL_WORDS = 4;
    static final int BID_PRICE = 0;
    static final int BID_QUANTITY = 1;
    static final int ASK_PRICE = 2;
    static final int ASK_QUANTITY = 3;

    private static final int COUNT_MASK = 0xFFFF;
    private static final int ASK_COUNT_SHIFT = 16;
    private static final int REASON_SHIFT = 32;
    private static final long VALID_BIT = 1L << 40;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private ViewSlab()
    {
    }

    static int bufferWords(final int depth)
    {
        return LEVELS + depth * LEVEL_WORDS;
    }

    static long[] allocate(final int depth)
    {
        final int bufferWords = bufferWords(depth);
        final long[] words = new long[BUFFERS + 2 * bufferWords + PADDING];
        for (int buffer = BUFFERS; buffer < BUFFERS + 2 * bufferWords; buffer += bufferWords)
        {
            words[buffer + UPDATE_ID] = -1L;
            words[buffer + META] = meta(false, BookCopy.REASON_NOT_SYNCED, 0, 0);
        }
        return words;
    }

    /** Writer: marks write n in progress; returns its odd sequence, for {@link #writeBuffer} and {@link #endWrite}. */
    static long beginWrite(final long[] words)
    {
        final long odd = words[SEQUENCE] + 1;
        WORDS.setRelease(words, SEQUENCE, odd);
        VarHandle.releaseFence();
        return odd;
    }

    /** Writer: index of the buffer the write with odd sequence {@code odd} fills. */
    static int writeBuffer(final long odd, final int bufferWords)
    {
        return BUFFERS + (int)(((odd + 1) >>> 1) & 1) * bufferWords;
    }

    /** Writer: index of the buffer holding the last complete write, while none is in progress. */
    static int lastBuffer(final long[] words, final int bufferWords)
    {
        return BUFFERS + (int)((words[SEQUENCE] >>> 1) & 1) * bufferWords;
    }

    /** Writer: publishes everything written since {@link #beginWrite}. */
    static void endWrite(final long[] words, final long odd)
    {
        WORDS.setRelease(words, SEQUENCE, odd + 1);
    }

    /** Reader: the sequence to copy under, for {@link #readBuffer} and {@link #validate}. */
    static long beginRead(final long[] words)
    {
        return (long)WORDS.getAcquire(words, SEQUENCE);
    }

    /** Reader: index of the buffer holding the last write complete at {@code sequence}. */
    static int readBuffer(final long sequence, final int bufferWords)
    {
        return BUFFERS + (int)((sequence >>> 1) & 1) * bufferWords;
    }

    /** Reader: true when no write began to refill the buffer copied since {@code sequence} was read. */
    static boolean validate(final long[] words, final long sequence)
    {
        VarHandle.acquireFence();
        if ((long)WORDS.getAcquire(words, SEQUENCE) - (sequence & ~1L) <= 2)
        {
            return true;
        }
        Thread.onSpinWait();
        return false;
    }

    static long meta(final boolean valid, final int reason, final int bidCount, final int askCount)
    {
        return (valid ? VALID_BIT : 0L) | (long)(reason & 0xFF) << REASON_SHIFT |
            (long)askCount << ASK_COUNT_SHIFT | bidCount;
    }

    static boolean valid(final long meta)
    {
        return (meta & VALID_BIT) != 0;
    }

    static int reason(final long meta)
    {
        return (int)(meta >>> REASON_SHIFT) & 0xFF;
    }

    static int bidCount(final long meta)
    {
        return (int)meta & COUNT_MASK;
    }

    static int askCount(final long meta)
    {
        return (int)(meta >>> ASK_COUNT_SHIFT) & COUNT_MASK;
    }
}
