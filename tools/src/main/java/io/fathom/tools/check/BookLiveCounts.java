package io.fathom.tools.check;

import io.fathom.engine.book.BookStateListener;

/** Counts each book's resyncs in its check: every time it becomes valid after the first. */
final class BookLiveCounts implements BookStateListener
{
    private final InstrumentCheck[] checks;
    private final boolean[] everLive;

    BookLiveCounts(final InstrumentCheck[] checks)
    {
        this.checks = checks;
        this.everLive = new boolean[checks.length];
    }

    @Override
    public void onBookLive(final int instrumentId)
    {
        if (everLive[instrumentId])
        {
            checks[instrumentId].resyncs++;
        }
        everLive[instrumentId] = true;
        checks[instrumentId].everValid = true;
    }

    @Override
    public void onBookInvalid(final int instrumentId, final byte reason)
    {
    }
}
