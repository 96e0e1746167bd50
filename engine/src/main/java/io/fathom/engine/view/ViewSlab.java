package io.fathom.engine.view;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One instrument's published book: a sequence lock over a padded {@code long[]}, written by one thread and
 * read by any number without locks.
 *
 * <pre>
 *  index (longs)           content
 *   0 .. 15                padding: 128 bytes, so no other object shares the hot lines (adjacent-line prefetch)
 *  16                      sequence: odd while a write is in progress, +2 per completed write
 *  17                      update id of the last change applied
 *  18                      epoch ns of the last change (a publish or an invalidation)
 *  19                      meta: bits 0-15 bid levels, 16-31 ask levels, 32-39 invalid reason, 40 valid
 *  20 + 4i .. 23 + 4i      level i (0 best): bid price, bid quantity, ask price, ask quantity (mantissas)
 *  20 + 4 depth .. + 15    padding
 * </pre>
 *
 * The sequence, the header and level 0 fill 64 bytes, so a top-of-book read touches one or two lines.
 * Writer: the sequence goes odd (opaque store, then a release fence so no data store moves above it), the
 * data is written with plain stores, the sequence goes even with a release store. Reader: acquire the
 * sequence, copy, acquire fence, read the sequence again; the copy counts only if both reads are the same
 * even value (the optimistic read of {@link java.util.concurrent.locks.StampedLock}, without a CAS since
 * there is one writer). On x86 every one of these is a plain move; only the compiler is constrained.
 */
final class ViewSlab
{
    static final int MAX_DEPTH = 0xFFFF;

    static final int PADDING = 16;
    static final int SEQUENCE = PADDING;
    static final int UPDATE_ID = PADDING + 1;
    static final int EPOCH_NS = PADDING + 2;
    static final int META = PADDING + 3;
    static final int LEVELS = PADDING + 4;
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

    static long[] allocate(final int depth)
    {
        final long[] words = new long[LEVELS + depth * LEVEL_WORDS + PADDING];
        words[UPDATE_ID] = -1L;
        words[META] = meta(false, BookCopy.REASON_NOT_SYNCED, 0, 0);
        return words;
    }

    /** Writer: marks a write in progress; returns the odd sequence to pass to {@link #endWrite}. */
    static long beginWrite(final long[] words)
    {
        final long odd = words[SEQUENCE] + 1;
        WORDS.setOpaque(words, SEQUENCE, odd);
        VarHandle.releaseFence();
        return odd;
    }

    /** Writer: publishes everything written since {@link #beginWrite}. */
    static void endWrite(final long[] words, final long odd)
    {
        WORDS.setRelease(words, SEQUENCE, odd + 1);
    }

    /** Reader: the sequence to copy under; may be odd, and then {@link #validate} fails. */
    static long beginRead(final long[] words)
    {
        return (long)WORDS.getAcquire(words, SEQUENCE);
    }

    /** Reader: true when nothing was written during the copy that began with {@code sequence}. */
    static boolean validate(final long[] words, final long sequence)
    {
        VarHandle.acquireFence();
        if ((sequence & 1) == 0 && (long)WORDS.getAcquire(words, SEQUENCE) == sequence)
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

    static int level(final int index)
    {
        return LEVELS + index * LEVEL_WORDS;
    }
}
