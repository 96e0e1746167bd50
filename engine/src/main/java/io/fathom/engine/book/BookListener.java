package io.fathom.engine.book;

/**
 * The user hook: told on the book handler thread, in order, of each message applied to a valid book and of
 * each change of a book's validity, so that a listener sees a book's whole story on one thread: updates,
 * then {@link #onBookInvalid} before the first update that follows a resync, then {@link #onBookValid}.
 * Must not block or keep a reference to the book beyond the call.
 */
@FunctionalInterface
public interface BookListener
{
    /**
     * @param book           the book after the update.
     * @param topChanged     whether the best bid or best ask (price or quantity) changed.
     * @param volumePressure bid/ask volume pressure over the configured top levels, in [-1, 1].
     */
    void onBookUpdate(OrderBook book, boolean topChanged, double volumePressure);

    /**
     * As {@link #onBookUpdate(OrderBook, boolean, double)}, with the instrument's symbol (upper case); what the
     * handler calls. Override this one to have the symbol; by default it forwards without it.
     */
    default void onBookUpdate(
        final String symbol, final OrderBook book, final boolean topChanged, final double volumePressure)
    {
        onBookUpdate(book, topChanged, volumePressure);
    }

    /** The book became valid (synced); its updates follow. */
    default void onBookValid(final String symbol, final int instrumentId)
    {
    }

    /**
     * The book stopped being valid: no update follows until {@link #onBookValid}.
     *
     * @param reason one of the {@code io.fathom.codec.journal.BookStateRecord} reasons, or
     *               {@code io.fathom.engine.view.BookCopy#REASON_NOT_SYNCED} when a journal snapshot replaces it.
     */
    default void onBookInvalid(final String symbol, final int instrumentId, final int reason)
    {
    }

    BookListener NONE = (book, topChanged, volumePressure) -> {};
}
