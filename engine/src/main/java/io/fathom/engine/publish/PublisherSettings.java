package io.fathom.engine.publish;

import org.agrona.concurrent.NanoClock;

import java.util.List;

/** What the book publisher takes besides the ring: symbols by instrument id, the books' shape, the snapshot interval and where to count. */
record PublisherSettings(List<String> symbols, BookShape books, long snapshotIntervalNs, OfferCounters counters, NanoClock clock)
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
