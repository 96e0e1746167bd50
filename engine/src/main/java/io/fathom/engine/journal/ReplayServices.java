package io.fathom.engine.journal;

import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.NanoClock;

/**
 * What a {@link JournalReplaySource} publishes to, counts with and paces by.
 *
 * @param publisher the ring the replayed messages are published to, from the replay thread.
 * @param counters  the engine's counters; replayed messages count as received.
 * @param clock     paces a replay at recorded speed.
 */
public record ReplayServices(DepthPublisher publisher, EngineCounters counters, NanoClock clock)
{
}
