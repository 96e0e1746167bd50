package io.fathom.engine.sync;

import io.fathom.engine.book.OrderBook;

/**
 * Binance spot's documented procedure: after the snapshot, drop buffered events with
 * {@code u <= lastUpdateId}; then an event with {@code u <} the book's id is old, one with {@code U >} the
 * book's id + 1 means events were missed, and any other is applied, moving the book's id to {@code u}.
 */
final class BinanceSpotSync extends BinanceSync
{
    @Override
    boolean continues(final long bookId, final long firstUpdateId, final long previousUpdateId)
    {
        return firstUpdateId <= bookId + 1;
    }

    @Override
    public int onBufferedDelta(
        final OrderBook book,
        final long snapshotId,
        final boolean firstAfterSnapshot,
        final long firstUpdateId,
        final long lastUpdateId,
        final long previousUpdateId)
    {
        if (lastUpdateId <= snapshotId)
        {
            return STALE;
        }
        return onDelta(book, firstUpdateId, lastUpdateId, previousUpdateId);
    }
}
