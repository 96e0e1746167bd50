package io.fathom.engine.sync;

import io.fathom.engine.book.OrderBook;

/**
 * Binance USD-M and COIN-M futures: drop buffered events with {@code u < lastUpdateId}; the first event
 * applied must have {@code U <= lastUpdateId <= u}; after it, each event's {@code pu} must equal the
 * previous event's {@code u}, otherwise the book starts over from a new snapshot. An implausible id jump
 * ({@link BinanceSync#implausible}) is a gap there too.
 */
final class BinanceFuturesSync extends BinanceSync
{
    @Override
    boolean continues(final long bookId, final long firstUpdateId, final long previousUpdateId)
    {
        return previousUpdateId == bookId;
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
        if (lastUpdateId < snapshotId)
        {
            return STALE;
        }
        if (firstAfterSnapshot)
        {
            return firstUpdateId <= snapshotId && !implausible(snapshotId, firstUpdateId, lastUpdateId) ?
                CONTINUE : GAP;
        }
        return onDelta(book, firstUpdateId, lastUpdateId, previousUpdateId);
    }
}
