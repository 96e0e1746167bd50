package io.fathom.engine.journal;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.ring.DepthEvent;

/** Turns journal records back into the messages a feed would have published. */
final class ReplayMessages
{
    private ReplayMessages()
    {
    }

    /** A snapshot as an authoritative journal snapshot message; a new message when {@code into} is too small. */
    static DepthMessage load(final SnapshotRecord record, final DepthMessage into)
    {
        final int levels = record.bidCount() + record.askCount();
        final DepthMessage message = levels > into.levelCapacity() ? new DepthMessage(levels) : clear(into);
        message.kind(DepthEvent.KIND_JOURNAL_SNAPSHOT);
        message.lastUpdateId(record.updateId());
        for (int i = 0; i < record.bidCount(); i++)
        {
            message.addLevel(DepthMessage.BID, record.bidPrice(i), record.bidQuantity(i));
        }
        for (int i = 0; i < record.askCount(); i++)
        {
            message.addLevel(DepthMessage.ASK, record.askPrice(i), record.askQuantity(i));
        }
        return message;
    }

    /** Appends a delta part to a message, growing it when needed; the first part sets the ids. */
    static DepthMessage addPart(final DepthMessage message, final DeltaRecord record)
    {
        DepthMessage target = message;
        final int needed = target.levelCount() + record.levelCount();
        if (needed > target.levelCapacity())
        {
            target = new DepthMessage(Math.max(needed, 2 * target.levelCapacity()))
                .kind(message.kind())
                .firstUpdateId(message.firstUpdateId())
                .lastUpdateId(message.lastUpdateId())
                .previousUpdateId(message.previousUpdateId())
                .eventTimeMs(message.eventTimeMs());
            for (int i = 0; i < message.levelCount(); i++)
            {
                target.addLevel(message.side(i), message.price(i), message.quantity(i));
            }
        }
        if (record.partIndex() == 0)
        {
            target.kind(DepthMessage.KIND_DELTA)
                .firstUpdateId(record.firstUpdateId())
                .lastUpdateId(record.lastUpdateId())
                .previousUpdateId(record.previousUpdateId())
                .eventTimeMs(record.eventTimeMs());
        }
        for (int i = 0; i < record.levelCount(); i++)
        {
            target.addLevel(record.side(i), record.price(i), record.quantity(i));
        }
        return target;
    }

    static DepthMessage clear(final DepthMessage message)
    {
        message.reset();
        return message;
    }
}
