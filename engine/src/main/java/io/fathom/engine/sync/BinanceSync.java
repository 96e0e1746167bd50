package io.fathom.engine.sync;

import io.fathom.engine.book.OrderBook;

/**
 * What Binance spot and futures share: a book syncs from a REST snapshot plus the diffs buffered while it
 * was fetched, and a diff whose {@code u} is below the book's id is old. They differ in how a diff that
 * is not old continues the book, and in which buffered diffs join the snapshot.
 */
abstract class BinanceSync extends BookSync
{
    @Override
    public final boolean restSnapshot()
    {
        return true;
    }

    @Override
    public final int onDelta(
        final OrderBook book, final long firstUpdateId, final long lastUpdateId, final long previousUpdateId)
    {
        if (lastUpdateId < book.updateId())
        {
            return STALE;
        }
        return continues(book.updateId(), firstUpdateId, previousUpdateId) ? CONTINUE : GAP;
    }

    /** Whether a diff that is not old continues a book whose last applied id is {@code bookId}. */
    abstract boolean continues(long bookId, long firstUpdateId, long previousUpdateId);
}
