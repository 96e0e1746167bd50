package io.fathom.engine.book;

/**
 * Told by the book handler, on its thread, when a book becomes valid or stops being valid.
 * Must not block or allocate: implementations hand the news to another thread.
 */
public interface BookStateListener
{
    void onBookLive(int instrumentId);

    /** @param reason one of the {@code io.fathom.codec.journal.BookStateRecord} reasons. */
    void onBookInvalid(int instrumentId, byte reason);

    /** As {@link #onBookLive(int)}, with the symbol (upper case); what the handler calls. Forwards by default. */
    default void onBookLive(final int instrumentId, final String symbol)
    {
        onBookLive(instrumentId);
    }

    /** As {@link #onBookInvalid(int, byte)}, with the symbol (upper case); what the handler calls. Forwards. */
    default void onBookInvalid(final int instrumentId, final String symbol, final byte reason)
    {
        onBookInvalid(instrumentId, reason);
    }

    BookStateListener NONE = new BookStateListener()
    {
        @Override
        public void onBookLive(final int instrumentId)
        {
        }

        @Override
        public void onBookInvalid(final int instrumentId, final byte reason)
        {
        }
    };
}
