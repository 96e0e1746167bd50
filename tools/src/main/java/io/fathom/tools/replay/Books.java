package io.fathom.tools.replay;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.sync.BookSync;

/** Books rebuilt from journal records with the engine's own {@link OrderBook}, and compared with journaled ones. */
final class Books
{
    /** Levels a side keeps when a version 1 journal does not say: the engine's default then. */
    static final int DEFAULT_CAPACITY = 2_048;

    private Books()
    {
    }

    /** A book as the snapshot holds it, with the capacity its session's books had. */
    static OrderBook load(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot)
    {
        final int capacity = instrument.bookCapacity() > 0 ? instrument.bookCapacity() : DEFAULT_CAPACITY;
        final OrderBook book = new OrderBook(snapshot.instrumentId(), Math.max(capacity, 1));
        for (int i = 0; i < snapshot.bidCount(); i++)
        {
            book.set(DepthMessage.BID, snapshot.bidPrice(i), snapshot.bidQuantity(i));
        }
        for (int i = 0; i < snapshot.askCount(); i++)
        {
            book.set(DepthMessage.ASK, snapshot.askPrice(i), snapshot.askQuantity(i));
        }
        book.updateId(snapshot.updateId());
        return book;
    }

    /**
     * Applies a delta record's levels; the last part of a message moves the update id and, as the engine
     * does, lets the venue's rule cut the book to its depth (Kraken).
     */
    static void apply(final OrderBook book, final DeltaRecord delta, final BookSync sync)
    {
        for (int i = 0; i < delta.levelCount(); i++)
        {
            book.set(delta.side(i), delta.price(i), delta.quantity(i));
        }
        if (delta.partIndex() == delta.partCount() - 1)
        {
            book.updateId(delta.lastUpdateId());
            sync.verify(book, false, 0);
        }
    }

    /**
     * Whether a delta follows on from the book by the venue's rule, as the engine checked it; only the first
     * part of a message carries the check. The first delta after a sync snapshot may also join it the way a
     * buffered one does (Binance futures: {@code U <= lastUpdateId <= u}).
     *
     * @param joined a delta has been applied since the book's snapshot.
     * @return null when it does, else what is wrong.
     */
    static String chainProblem(final OrderBook book, final DeltaRecord delta, final BookSync sync, final boolean joined)
    {
        if (delta.partIndex() != 0)
        {
            return null;
        }
        int verdict = sync.onDelta(book, delta.firstUpdateId(), delta.lastUpdateId(), delta.previousUpdateId());
        if (verdict != BookSync.CONTINUE && !joined && sync.restSnapshot())
        {
            verdict = sync.onBufferedDelta(
                book, book.updateId(), true, delta.firstUpdateId(), delta.lastUpdateId(), delta.previousUpdateId());
        }
        if (verdict == BookSync.GAP)
        {
            return "gap: delta U=" + delta.firstUpdateId() + " pu=" + delta.previousUpdateId() +
                " does not follow the book's update id " + book.updateId();
        }
        if (verdict == BookSync.STALE)
        {
            return "stale: delta u=" + delta.lastUpdateId() + " is older than the book's update id " + book.updateId();
        }
        return null;
    }

    /** @return null when the rebuilt book equals the journaled snapshot level for level, else the first difference. */
    static String difference(final OrderBook rebuilt, final SnapshotRecord journaled, final JournalWalker.Instrument instrument)
    {
        if (rebuilt.updateId() != journaled.updateId())
        {
            return "update id: journal " + journaled.updateId() + ", rebuilt " + rebuilt.updateId();
        }
        final String bids = sideDifference("bid", rebuilt.bids(), journaled, true, instrument);
        return bids != null ? bids : sideDifference("ask", rebuilt.asks(), journaled, false, instrument);
    }

    private static String sideDifference(
        final String name,
        final BookSide side,
        final SnapshotRecord journaled,
        final boolean bid,
        final JournalWalker.Instrument instrument)
    {
        final int count = bid ? journaled.bidCount() : journaled.askCount();
        final int common = Math.min(count, side.size());
        for (int i = 0; i < common; i++)
        {
            final long price = bid ? journaled.bidPrice(i) : journaled.askPrice(i);
            final long quantity = bid ? journaled.bidQuantity(i) : journaled.askQuantity(i);
            if (price != side.price(i) || quantity != side.quantity(i))
            {
                return name + " level " + i + ": journal " + level(quantity, price, instrument) +
                    ", rebuilt " + level(side.quantity(i), side.price(i), instrument);
            }
        }
        if (count != side.size())
        {
            return name + " levels: journal " + count + ", rebuilt " + side.size();
        }
        return null;
    }

    static String level(final long quantity, final long price, final JournalWalker.Instrument instrument)
    {
        return FixedPoint.format(quantity, instrument.quantityScale()) + "@" + FixedPoint.format(price, instrument.priceScale());
    }
}
