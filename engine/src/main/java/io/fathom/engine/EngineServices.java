package io.fathom.engine;

import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

/**
 * What every part the engine builds shares: the concluded context, the instruments of every venue, the counters and the
 * clocks, and the list of what was built (closed newest first when the engine closes or fails to launch).
 */
record EngineServices(
    EngineContext context,
    VenueInstruments instruments,
    EngineCounters counters,
    NanoClock clock,
    EpochNanoClock epochClock,
    BuiltParts built)
{
    <T extends AutoCloseable> T track(final T closeable)
    {
        return built.track(closeable);
    }
}
