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
