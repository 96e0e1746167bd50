package io.fathom.engine.feed;

import io.fathom.codec.Venue;

/**
 * Where the feeds connect and what they subscribe: the venue's id as given (e.g. {@code binance-usdm}),
 * its depth protocol, the WebSocket and REST bases (no trailing slash) and the book depth subscribed
 * where the venue takes one.
 *
 * @param restBaseUrl null where the venue's snapshots do not come over REST and none was given.
 */
public record VenueEndpoints(String venue, Venue protocol, String wsBaseUrl, String restBaseUrl, int venueDepth)
{
}
