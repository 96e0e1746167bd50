package io.fathom.engine.handler;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.sync.BookSync;

/**
 * Applies a message's levels and checks the book after it: the venue's checksum and depth cut through its
 * {@link BookSync} rule, levels lost to a full side, crossing. Counts what it finds; deciding what a failure
 * does to the book is the synchroniser's. Runs on the book handler thread; allocates nothing.
 */
final class BookVerifier
{
    /** The book passed every check the message allows. */
    static final byte VALID = 0;

    private final HandlerCounters counters;

    BookVerifier(final HandlerCounters counters)
    {
        this.counters = counters;
    }

    /**
     * Sets levels {@code offset} to {@code offset + count} of the arrays, counting those a full side could not hold.
     *
     * @param digits the event whose levels' received decimals to keep, or null for levels held without them
     *               (buffered diffs of venues that have no checksum).
     * @return whether the best bid or ask changed.
     */
    boolean applyLevels(
        final OrderBook book,
        final DepthEvent digits,
        final byte[] sides,
        final long[] prices,
        final long[] quantities,
        final int offset,
        final int count)
    {
        boolean topChanged = false;
        for (int i = offset, end = offset + count; i < end; i++)
        {
            final int outcome = digits == null ? book.set(sides[i], prices[i], quantities[i]) :
                book.set(sides[i], prices[i], quantities[i], digits.priceDecimals[i], digits.quantityDecimals[i]);
            if (outcome == OrderBook.TOP_CHANGED)
            {
                topChanged = true;
            }
            else if (outcome == OrderBook.FULL)
            {
                counters.beyondCapacity.incrementRelease();
            }
        }
        return topChanged;
    }

    /**
     * Lets the venue rule cut the book to depth and check the message's checksum.
     *
     * @return {@link #VALID}, {@link BookStateRecord#REASON_CHECKSUM} on a mismatch, or
     * {@link BookStateRecord#REASON_CAPACITY} when the cut finds a level within the depth lost to a full side.
     */
    byte verify(final DepthEvent event, final InstrumentBook instrument)
    {
        final OrderBook book = instrument.book;
        final int verdict = instrument.sync.verify(book, event.hasChecksum, event.checksum);
        if (verdict == BookSync.VERIFY_OK)
        {
            counters.checksumsVerified.incrementRelease();
        }
        else if (verdict == BookSync.VERIFY_MISMATCH)
        {
            counters.checksumFailures.incrementRelease();
            return BookStateRecord.REASON_CHECKSUM;
        }
        else if (verdict == BookSync.VERIFY_INCOMPLETE)
        {
            return BookStateRecord.REASON_CAPACITY;
        }
        return VALID;
    }

    /** Whether the best bid is at or above the best ask; counted when it is. */
    boolean crossed(final OrderBook book)
    {
        if (book.isCrossed())
        {
            counters.crossed.incrementRelease();
            return true;
        }
        return false;
    }
}
