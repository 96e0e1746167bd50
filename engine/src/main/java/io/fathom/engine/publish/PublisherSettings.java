package io.fathom.engine.publish;

import io.fathom.codec.wire.InstrumentDefinition;
import org.agrona.concurrent.NanoClock;

import java.util.List;

/** What the book publisher takes besides the ring: venue and symbol by instrument id, the books' shape, the snapshot interval and where to count. */
record PublisherSettings(List<InstrumentDefinition.Names> names, BookShape books, long snapshotIntervalNs, OfferCounters counters, NanoClock clock)
{
    int capacityPerSide()
    {
        return books.capacityPerSide();
    }

    int levelsPerEvent()
    {
        return books.levelsPerEvent();
    }
}
