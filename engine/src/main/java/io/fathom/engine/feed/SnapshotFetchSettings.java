package io.fathom.engine.feed;

import java.time.Duration;

/**
 * Where and how a {@link SnapshotFetcher} asks the venue's REST API for depth snapshots.
 *
 * @param restBaseUrl the venue's REST base URL; a trailing slash is dropped.
 * @param depthPath   the depth endpoint's path under it.
 * @param depthLimit  levels asked for per side.
 * @param timeout     bounds the connect and each request.
 */
public record SnapshotFetchSettings(String restBaseUrl, String depthPath, int depthLimit, Duration timeout)
{
}
