package io.fathom.engine.feed;

import java.net.URI;

/**
 * Which connection a {@link FeedConnection} is: its id in the supervisor's slots, where it connects and the
 * instruments whose streams it carries.
 *
 * @param connectionId  the slot's id, used in logs and counters.
 * @param uri           the combined-stream URI it connects to.
 * @param instrumentIds the engine's ids of the instruments it carries.
 */
public record ConnectionIdentity(int connectionId, URI uri, int[] instrumentIds)
{
}
