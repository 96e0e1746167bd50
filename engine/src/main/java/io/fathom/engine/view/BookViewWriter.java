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
        write(instrumentId, book, null, book.updateId(), epochNs);
    }

    /**
     * Publishes a valid book: its best levels up to the view's depth, the venue's id of the last change applied,
     * and the time of that change, epoch ns.
     */
    public void publish(final int instrumentId, final BookLevelSource book, final long updateId, final long epochNs)
    {
        write(instrumentId, null, book, updateId, epochNs);
    }

    /**
     * One publish under the view's sequence, from whichever of {@code book} and {@code source} is given; a copy that
     * throws leaves the view not valid rather than half written.
     */
    private void write(
        final int instrumentId, final OrderBook book, final BookLevelSource source, final long updateId, final long epochNs)
    {
        final BookView view = views[instrumentId];
        final int depth = view.depth();
        final long[] words = view.words;
        final long odd = ViewSlab.beginWrite(words);
        final int buffer = ViewSlab.writeBuffer(odd, view.bufferWords);
        try
        {
            final int levels = buffer + ViewSlab.LEVELS;
            final int bidCount = null != book ?
                book.bids().copyTop(depth, words, levels + BID_PRICE, words, levels + BID_QUANTITY, LEVEL_WORDS) :
                copy(source, DepthMessage.BID, depth, words, levels + BID_PRICE, levels + BID_QUANTITY);
            final int askCount = null != book ?
                book.asks().copyTop(depth, words, levels + ASK_PRICE, words, levels + ASK_QUANTITY, LEVEL_WORDS) :
                copy(source, DepthMessage.ASK, depth, words, levels + ASK_PRICE, levels + ASK_QUANTITY);
            words[buffer + UPDATE_ID] = updateId;
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

    /** Copies a side's best levels, up to {@code depth}, level by level; @return how many. */
    private static int copy(
        final BookLevelSource source, final byte side, final int depth, final long[] words, final int price, final int quantity)
    {
        final int count = Math.min(source.levelCount(side), depth);
        for (int i = 0, offset = 0; i < count; i++, offset += LEVEL_WORDS)
        {
            words[price + offset] = source.price(side, i);
            words[quantity + offset] = source.quantity(side, i);
        }
        return count;
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
