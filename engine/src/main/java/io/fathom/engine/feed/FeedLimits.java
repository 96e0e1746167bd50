package io.fathom.engine.feed;

import java.time.Duration;

/**
 * The limits the feeds keep to: streams per connection, how fast and how many connections are opened,
 * how they back off, when a feed is stale and a connection is replaced, the largest message decoded, and
 * how REST snapshots are asked for.
 *
 * @param staleAfter            zero: never stale.
 * @param maxConnectionLifetime zero: never replaced.
 */
public record FeedLimits(
    int streamsPerConnection,
    double connectRatePerSecond,
    int connectBurst,
    int maxConnectsInFlight,
    int maxConnections,
    Duration backoffBase,
    Duration backoffCap,
    int maxConnectAttempts,
    Duration staleAfter,
    Duration maxConnectionLifetime,
    int maxLevelsPerMessage,
    int snapshotDepthLimit,
    double snapshotRatePerSecond,
    Duration snapshotTimeout)
{
}
