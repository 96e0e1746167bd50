package io.fathom.engine.ring;

import java.time.Duration;

/**
 * The ring between the feeds and the handlers: its size in events (a power of two), the levels each event
 * carries, and how long a feed waits for space before it drops a message and resyncs its book.
 */
public record RingSettings(int size, int levelsPerEvent, Duration fullWait)
{
}
