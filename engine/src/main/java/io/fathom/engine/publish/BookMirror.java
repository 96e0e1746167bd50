package io.fathom.engine.publish;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;

/**
 * The publisher's copy of every book, kept from what the book handler did (applied deltas, the books it handed
 * over in snapshot slots, invalidations), so a book can be sent whole whenever a subscriber needs it without
 * touching the book handler's books. A book the mirror could not follow (a sync snapshot it never saw) stays
 * invalid until the book handler's next periodic snapshot of it. Owned by the publisher thread.
 */
final class BookMirror
{
    private final OrderBook[] books;
    private final boolean[] valid;

    BookMirror(final int instrumentCount, final int capacityPerSide, final BookScales scales)
    {
        books = new OrderBook[instrumentCount];
        valid = new boolean[instrumentCount];
        for (int id = 0; id < instrumentCount; id++)
        {
            books[id] = new OrderBook(id, capacityPerSide).scales(scales.priceScale(id), scales.quantityScale(id), true);
        }
    }

    int size()
    {
        return books.length;
    }

    OrderBook book(final int instrumentId)
    {
        return books[instrumentId];
    }

    boolean valid(final int instrumentId)
    {
        return valid[instrumentId];
    }

    /** Applies one part of an applied delta; returns whether the mirror followed it (the book was valid). */
    boolean applyDelta(final DepthEvent event)
    {
        final int id = event.instrumentId;
        if (!valid[id])
        {
            return false;
        }
        final OrderBook book = books[id];
        for (int i = 0; i < event.levelCount; i++)
        {
            book.set(event.sides[i], event.prices[i], event.quantities[i]);
        }
        if (event.isLastPart())
        {
            book.updateId(event.lastUpdateId);
        }
        return true;
    }

    /**
     * Replaces a book with the slot's copy and the deltas applied on top of it.
     *
     * @return whether the book was not valid before (a subscriber needs it whole).
     */
    boolean load(final SnapshotSlots.Slot slot)
    {
        final int id = slot.instrumentId;
        final boolean wasValid = valid[id];
        final OrderBook book = books[id];
        book.clear();
        for (int i = 0; i < slot.bidCount; i++)
        {
            book.set(DepthMessage.BID, slot.prices[i], slot.quantities[i]);
        }
        for (int i = 0; i < slot.askCount; i++)
        {
            book.set(DepthMessage.ASK, slot.prices[slot.bidCount + i], slot.quantities[slot.bidCount + i]);
        }
        book.updateId(slot.updateId);
        for (int d = 0; d < slot.deltaCount; d++)
        {
            final int start = slot.deltaLevelStart[d];
            for (int i = start; i < start + slot.deltaLevelCount[d]; i++)
            {
                book.set(slot.deltaSides[i], slot.deltaPrices[i], slot.deltaQuantities[i]);
            }
            if (slot.deltaPartIndex[d] == slot.deltaPartCount[d] - 1)
            {
                book.updateId(slot.deltaLastUpdateId[d]);
            }
        }
        valid[id] = slot.valid;
        return slot.valid && !wasValid;
    }

    void invalidate(final int instrumentId)
    {
        valid[instrumentId] = false;
        books[instrumentId].clear();
    }
}
