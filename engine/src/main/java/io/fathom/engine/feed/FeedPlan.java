package io.fathom.engine.feed;

import io.fathom.codec.Venue;

import java.util.List;

/**
 * What the supervisor subscribes and where: the instruments, the groups they are launched in, and the
 * venue's streams at a base URL.
 *
 * @param instruments every instrument of the engine, by id.
 * @param groups      the configured feed groups.
 * @param venue       whose stream names and control messages are used.
 * @param venueDepth  the depth of the venue's book stream.
 * @param wsBaseUrl   the venue's WebSocket base URL.
 */
public record FeedPlan(
    InstrumentTable instruments, List<FeedGroupSpec> groups, Venue venue, int venueDepth, String wsBaseUrl)
{
    public FeedPlan
    {
        groups = List.copyOf(groups);
    }
}
