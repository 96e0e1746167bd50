package io.fathom.engine.feed;

import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

/**
 * What the supervisor reports to and reads time from.
 *
 * @param activity         per-instrument state shared with the feed threads.
 * @param controlPublisher publishes open, reset and close events to the ring from the supervisor thread.
 * @param listener         told of every feed transition.
 * @param journal          records every feed transition; the supervisor's thread owns it while it runs.
 * @param counters         system counters, connection counters and the error log.
 * @param clock            monotonic time for deadlines.
 * @param epochClock       wall-clock time for events and staleness.
 */
public record FeedServices(
    FeedActivity activity,
    DepthPublisher controlPublisher,
    FeedListener listener,
    JournalWriter journal,
    EngineCounters counters,
    NanoClock clock,
    EpochNanoClock epochClock)
{
}
