package io.fathom.engine.feed;

/**
 * How hard the supervisor may push a venue and how long it waits; see {@code EngineContext} for meanings
 * and defaults. The limiter is used on the supervisor thread only.
 *
 * @param streamsPerConnection    feeds carried by one connection.
 * @param connectLimiter          connects (and rotations) a second, with a burst.
 * @param maxConnectsInFlight     opening handshakes under way at once.
 * @param maxConnections          open connections plus handshakes under way.
 * @param backoffBaseNs           first reconnect's ceiling; also the wait before a failed rotation is retried.
 * @param backoffCapNs            highest reconnect ceiling.
 * @param maxConnectAttempts      connects in a row without opening before a connection's feeds fail.
 * @param staleAfterNs            a live feed without data this long is stale; zero to never call it stale.
 * @param maxConnectionLifetimeNs the venue's limit on a connection's life; zero for none.
 * @param connectTimeoutNs        how long an opening handshake may take.
 */
public record ConnectionLimits(
    int streamsPerConnection,
    RateLimiter connectLimiter,
    int maxConnectsInFlight,
    int maxConnections,
    long backoffBaseNs,
    long backoffCapNs,
    int maxConnectAttempts,
    long staleAfterNs,
    long maxConnectionLifetimeNs,
    long connectTimeoutNs)
{
}
