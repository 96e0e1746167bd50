package io.fathom.engine.view;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.OrderBook;

import static io.fathom.engine.view.ViewSlab.ASK_PRICE;
import static io.fathom.engine.view.ViewSlab.ASK_QUANTITY;
import static io.fathom.engine.view.ViewSlab.BID_PRICE;
import static io.fathom.engine.view.ViewSlab.BID_QUANTITY;
import static io.fathom.engine.view.ViewSlab.EPOCH_NS;
import static io.fathom.engine.view.ViewSlab.LEVEL_WORDS;
import static io.fathom.engine.view.ViewSlab.META;
import static io.fathom.engine.view.ViewSlab.UPDATE_ID;

/**
 * Publishes books to their {@link BookView}s. Owned by one thread, the book handler's: it never waits for
 * readers and never allocates; a publish copies up to the view's depth of levels a side.
 */
public final class BookViewWriter
{
    private final BookView[] views;

    BookViewWriter(final BookView[] views)
    {
        this.views = views;
    }

    /** The upper-case symbol of an instrument, as its view names it. */
    public String symbol(final int instrumentId)
    {
        return views[instrumentId].symbol();
    }

    /** Views written, one per instrument id. */
    public int size()
    {
        return views.length;
    }

    /**
     * Publishes a valid book as it is now, with its update id; {@code epochNs} is the time of the change. Each side
     * is copied into the view in one walk from its best level ({@code BookSide.copyTop}), not level by level.
     */
    public void publish(final int instrumentId, final OrderBook book, final long epochNs)
    {
        final BookView view = views[instrumentId];
        final int depth = view.depth();
        final long[] words = view.words;
        final long odd = ViewSlab.beginWrite(words);
        final int buffer = ViewSlab.writeBuffer(odd, view.bufferWords);
        try
        {
            final int levels = buffer + ViewSlab.LEVELS;
            final int bidCount =
                book.bids().copyTop(depth, words, levels + BID_PRICE, words, levels + BID_QUANTITY, LEVEL_WORDS);
            final int askCount =
                book.asks().copyTop(depth, words, levels + ASK_PRICE, words, levels + ASK_QUANTITY, LEVEL_WORDS);
            words[buffer + UPDATE_ID] = book.updateId();
            words[buffer + EPOCH_NS] = epochNs;
            words[buffer + META] = ViewSlab.meta(true, BookCopy.REASON_NOT_SYNCED, bidCount, askCount);
        }
        catch (final RuntimeException ex)
        {
            words[buffer + META] = ViewSlab.meta(false, BookCopy.REASON_NOT_SYNCED, 0, 0);
            throw ex;
        }
        finally
        {
            ViewSlab.endWrite(words, odd);
        }
    }

    /**
     * Publishes a valid book: its best levels up to the view's depth, the venue's id of the last change applied,
     * and the time of that change, epoch ns.
     */
    public void publish(final int instrumentId, final BookLevelSource book, final long updateId, final long epochNs)
    {
        final BookView view = views[instrumentId];
        final int depth = view.depth();
        final int bidCount = Math.min(book.levelCount(DepthMessage.BID), depth);
        final int askCount = Math.min(book.levelCount(DepthMessage.ASK), depth);
        final long[] words = view.words;
        final long odd = ViewSlab.beginWrite(words);
        final int buffer = ViewSlab.writeBuffer(odd, view.bufferWords);
        try
        {
            words[buffer + UPDATE_ID] = updateId;
            words[buffer + EPOCH_NS] = epochNs;
            words[buffer + META] = ViewSlab.meta(true, BookCopy.REASON_NOT_SYNCED, bidCount, askCount);
            for (int i = 0, index = buffer + ViewSlab.LEVELS; i < bidCount; i++, index += LEVEL_WORDS)
            {
                words[index + BID_PRICE] = book.price(DepthMessage.BID, i);
                words[index + BID_QUANTITY] = book.quantity(DepthMessage.BID, i);
            }
            for (int i = 0, index = buffer + ViewSlab.LEVELS; i < askCount; i++, index += LEVEL_WORDS)
            {
                words[index + ASK_PRICE] = book.price(DepthMessage.ASK, i);
                words[index + ASK_QUANTITY] = book.quantity(DepthMessage.ASK, i);
            }
        }
        catch (final RuntimeException ex)
        {
            words[buffer + META] = ViewSlab.meta(false, BookCopy.REASON_NOT_SYNCED, 0, 0);
            throw ex;
        }
        finally
        {
            ViewSlab.endWrite(words, odd);
        }
    }

    /**
     * Marks a book not valid from {@code epochNs} on, keeping its last update id; readers get no levels
     * until the next {@link #publish}.
     *
     * @param reason a {@code io.fathom.codec.journal.BookStateRecord} reason, or a {@link BookCopy} one; 0..255.
     */
    public void invalidate(final int instrumentId, final int reason, final long epochNs)
    {
        if (reason < 0 || reason > 0xFF)
        {
            throw new IllegalArgumentException("reason must be 0..255 (got " + reason + ")");
        }
        final BookView view = views[instrumentId];
        final long[] words = view.words;
        final long updateId = words[ViewSlab.lastBuffer(words, view.bufferWords) + UPDATE_ID];
        final long odd = ViewSlab.beginWrite(words);
        final int buffer = ViewSlab.writeBuffer(odd, view.bufferWords);
        words[buffer + UPDATE_ID] = updateId;
        words[buffer + EPOCH_NS] = epochNs;
        words[buffer + META] = ViewSlab.meta(false, reason, 0, 0);
        ViewSlab.endWrite(words, odd);
    }

    /** Marks every book not valid, e.g. {@link BookCopy#REASON_CLOSED} when the engine stops. */
    public void invalidateAll(final int reason, final long epochNs)
    {
        for (int id = 0; id < views.length; id++)
        {
            invalidate(id, reason, epochNs);
        }
    }
}
