package io.fathom.engine.feed;

import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

/**
 * What a {@link SnapshotFetcher} decodes with and publishes to; the publisher and decoder are its own, used
 * only on its thread.
 *
 * @param instruments the engine's instruments, by id.
 * @param publisher   publishes each snapshot to the ring.
 * @param decoder     decodes the venue's snapshot responses.
 * @param capture     records each response; null when not recording.
 * @param counters    the engine's counters.
 * @param clock       times retries and the rate limit.
 * @param epochClock  stamps received snapshots.
 */
public record SnapshotFetchServices(
    InstrumentTable instruments,
    DepthPublisher publisher,
    FrameDecoder decoder,
    FrameCapture capture,
    EngineCounters counters,
    NanoClock clock,
    EpochNanoClock epochClock)
{
}
