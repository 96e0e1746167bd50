package io.fathom.engine.sync;

import io.fathom.engine.book.OrderBook;

/**
 * What Binance spot and futures share: a book syncs from a REST snapshot plus the diffs buffered while it
 * was fetched, and a diff whose {@code u} is below the book's id is old. They differ in how a diff that
 * is not old continues the book, and in which buffered diffs join the snapshot.
 *
 * <p>Both also refuse an implausible id: a diff whose {@code u} is more than {@link #MAX_ID_JUMP} above its
 * own {@code U} or above the book's id is treated as a gap. Applied, such a diff would move the book's id so
 * far ahead that every later diff looks old and the book freezes while it stays valid.
 */
abstract class BinanceSync extends BookSync
{
    /**
     * The largest advance of the update id one diff may make, over its own range or from the book's id:
     * 10^9, months of updates on Binance's busiest symbol, far beyond any real diff after a snapshot.
     */
    static final long MAX_ID_JUMP = 1_000_000_000L;

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
        if (implausible(book.updateId(), firstUpdateId, lastUpdateId))
        {
            return GAP;
        }
        return continues(book.updateId(), firstUpdateId, previousUpdateId) ? CONTINUE : GAP;
    }

    /**
     * Whether a diff that is not older than {@code bookId} advances the id implausibly far: its {@code u} is
     * more than {@link #MAX_ID_JUMP} above {@code bookId} or above its own {@code U} (when it has one). Ids
     * are non-negative (the decoder refuses others), so the differences cannot overflow.
     */
    static boolean implausible(final long bookId, final long firstUpdateId, final long lastUpdateId)
    {
        return lastUpdateId - bookId > MAX_ID_JUMP ||
            (!isAbsent(firstUpdateId) && lastUpdateId - firstUpdateId > MAX_ID_JUMP);
    }

    /** Whether a diff that is not old continues a book whose last applied id is {@code bookId}. */
    abstract boolean continues(long bookId, long firstUpdateId, long previousUpdateId);
}
