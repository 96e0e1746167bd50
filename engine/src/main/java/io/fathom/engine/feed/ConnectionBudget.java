package io.fathom.engine.feed;

/**
 * The connect limits and what counts against them: handshakes in flight and open connections, both kept
 * up to date on transitions so a launch decision never scans the connections. Supervisor thread only.
 */
final class ConnectionBudget
{
    private final RateLimiter connectLimiter;
    private final int maxConnectsInFlight;
    private final int maxConnections;
    private int connectsInFlight;
    private int open;

    ConnectionBudget(final ConnectionLimits limits)
    {
        this.connectLimiter = limits.connectLimiter();
        this.maxConnectsInFlight = limits.maxConnectsInFlight();
        this.maxConnections = limits.maxConnections();
    }

    /** Whether another handshake may start (before asking for a permit). */
    boolean hasRoomInFlight()
    {
        return connectsInFlight < maxConnectsInFlight;
    }

    /** Takes a connect permit when the connection cap and the connect rate allow one. */
    boolean tryAcquire(final long nowNs)
    {
        return connectsInFlight + open < maxConnections && connectLimiter.tryAcquire(nowNs);
    }

    void onConnectStarted()
    {
        connectsInFlight++;
    }

    void onConnectEnded()
    {
        connectsInFlight--;
    }

    /** A connection moved between states; only OPEN ones count against the cap beside handshakes. */
    void onState(final ConnectionSlot.State from, final ConnectionSlot.State to)
    {
        if (from == ConnectionSlot.State.OPEN)
        {
            open--;
        }
        if (to == ConnectionSlot.State.OPEN)
        {
            open++;
        }
    }

    int connectsInFlight()
    {
        return connectsInFlight;
    }

    int open()
    {
        return open;
    }
}
