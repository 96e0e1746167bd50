package io.fathom.engine.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The feeds one connection carries and which of them are still subscribed (a cancelled feed is
 * unsubscribed; the connection closes when none is left). Owned by its {@link ConnectionSlot};
 * supervisor thread only.
 */
final class SlotFeeds
{
    private final int connectionId;
    private final int[] instrumentIds;
    private final boolean[] subscribed;
    private int subscribedCount;

    SlotFeeds(final int connectionId, final int[] instrumentIds)
    {
        this.connectionId = connectionId;
        this.instrumentIds = instrumentIds;
        this.subscribed = new boolean[instrumentIds.length];
        Arrays.fill(subscribed, true);
        this.subscribedCount = instrumentIds.length;
    }

    int[] instrumentIds()
    {
        return instrumentIds;
    }

    /**
     * Unsubscribes one feed; unsubscribing one already unsubscribed changes nothing.
     *
     * @return how many feeds remain subscribed.
     */
    int unsubscribe(final int instrumentId)
    {
        final int index = indexOf(instrumentId);
        if (subscribed[index])
        {
            subscribed[index] = false;
            subscribedCount--;
        }
        return subscribedCount;
    }

    boolean isSubscribed(final int instrumentId)
    {
        return subscribed[indexOf(instrumentId)];
    }

    int subscribedCount()
    {
        return subscribedCount;
    }

    void forEachSubscribed(final IntConsumer action)
    {
        forEach(true, action);
    }

    void forEachUnsubscribed(final IntConsumer action)
    {
        forEach(false, action);
    }

    List<String> subscribedSymbols(final InstrumentTable instruments)
    {
        final List<String> symbols = new ArrayList<>(subscribedCount);
        forEachSubscribed(id -> symbols.add(instruments.symbol(id)));
        return symbols;
    }

    private void forEach(final boolean isSubscribed, final IntConsumer action)
    {
        for (int i = 0; i < instrumentIds.length; i++)
        {
            if (subscribed[i] == isSubscribed)
            {
                action.accept(instrumentIds[i]);
            }
        }
    }

    private int indexOf(final int instrumentId)
    {
        for (int i = 0; i < instrumentIds.length; i++)
        {
            if (instrumentIds[i] == instrumentId)
            {
                return i;
            }
        }
        throw new IllegalStateException("instrument " + instrumentId + " not on connection " + connectionId);
    }
}
