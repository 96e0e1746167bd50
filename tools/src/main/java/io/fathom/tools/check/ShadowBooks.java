package io.fathom.tools.check;

import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.sync.BookSync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A copy of each snapshot-on-subscribe book that keeps following the venue's updates, so a book that failed its
 * check can be resynced the only way a recording allows: once the venue has set again every level the failed
 * message touched and the copy matches a checksum, the copy becomes the book's new snapshot.
 */
final class ShadowBooks
{
    private final OrderBook[] shadows;
    private final boolean[] recovering;
    /** Per instrument, the levels (side and price) the failed message set, not yet set again by the venue. */
    private final List<Set<Long>> suspects;
    private final BookSync sync;
    private final DepthMessage snapshot;

    ShadowBooks(
        final int count, final BookScales scales, final int bookCapacity, final BookSync sync, final int maxLevelsPerMessage)
    {
        this.shadows = new OrderBook[count];
        this.recovering = new boolean[count];
        this.suspects = new ArrayList<>(count);
        this.sync = sync;
        this.snapshot = new DepthMessage(maxLevelsPerMessage);
        for (int id = 0; id < count; id++)
        {
            shadows[id] = new OrderBook(id, bookCapacity).scales(scales.priceScale(id), scales.quantityScale(id),
                sync.decimalsFromScale());
            suspects.add(new HashSet<>());
        }
    }

    /** Book {@code id} asked for a snapshot: it is to be loaded from its copy at the next chance. */
    void recover(final int id)
    {
        recovering[id] = true;
    }

    /**
     * Applies {@code message} to the copy of book {@code id}.
     *
     * @param failed whether the message failed the book's check: the levels it set are in doubt until set again.
     * @return a snapshot of the copy to load into the book, when the book is recovering, the copy matches the
     *         message's checksum and no level is in doubt; null otherwise. Valid until the next call.
     */
    DepthMessage follow(final int id, final DepthMessage message, final boolean failed)
    {
        final OrderBook shadow = shadows[id];
        final Set<Long> inDoubt = suspects.get(id);
        if (message.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            shadow.clear();
            inDoubt.clear();
        }
        for (int i = 0; i < message.levelCount(); i++)
        {
            shadow.set(message.side(i), message.price(i), message.quantity(i),
                (byte)message.priceDecimals(i), (byte)message.quantityDecimals(i));
            final Long level = message.price(i) * 2 + message.side(i);
            if (failed)
            {
                inDoubt.add(level);
            }
            else
            {
                inDoubt.remove(level);
            }
        }
        shadow.updateId(message.lastUpdateId());
        final int verdict = sync.verify(shadow, message.hasChecksum(), message.checksum());
        if (!recovering[id] || verdict != BookSync.VERIFY_OK || !inDoubt.isEmpty())
        {
            return null;
        }
        snapshot.reset();
        snapshot.kind(DepthMessage.KIND_SNAPSHOT).scales(shadow.priceScale(), shadow.quantityScale())
            .firstUpdateId(message.lastUpdateId()).lastUpdateId(message.lastUpdateId())
            .checksum(message.checksum()).eventTimeMs(message.eventTimeMs());
        copySide(shadow, DepthMessage.BID);
        copySide(shadow, DepthMessage.ASK);
        recovering[id] = false;
        return snapshot;
    }

    private void copySide(final OrderBook book, final byte side)
    {
        for (int level = 0; level < book.levelCount(side); level++)
        {
            snapshot.addLevel(side, book.price(side, level), book.quantity(side, level),
                book.priceDecimals(side, level), book.quantityDecimals(side, level));
        }
    }
}
