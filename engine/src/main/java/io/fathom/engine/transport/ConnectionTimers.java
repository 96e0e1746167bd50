package io.fathom.engine.transport;

import java.util.concurrent.TimeUnit;

/**
 * A connection's clocks: the deadline of its connect and upgrade or of its close handshake, when it last
 * pinged and when it last heard a pong. The I/O agent's thread only.
 */
final class ConnectionTimers
{
    /** How long a close frame sent waits for the peer's reply before the socket is closed anyway. */
    static final long CLOSE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);

    private final TransportLimits limits;
    private long deadlineNs;
    private long lastPingNs;
    private long lastPongNs;

    ConnectionTimers(final TransportLimits limits)
    {
        this.limits = limits;
    }

    void connecting(final long nowNs)
    {
        deadlineNs = nowNs + limits.connectTimeoutNs();
    }

    void closing(final long nowNs)
    {
        deadlineNs = nowNs + CLOSE_TIMEOUT_NS;
    }

    void opened(final long nowNs)
    {
        lastPingNs = nowNs;
        lastPongNs = nowNs;
    }

    void pong(final long nowNs)
    {
        lastPongNs = nowNs;
    }

    /** @return why the connection must be closed now, or null. */
    String expired(final long nowNs, final boolean handshaking, final boolean closing, final boolean open)
    {
        if (handshaking && nowNs - deadlineNs > 0)
        {
            return "not open within " + TimeUnit.NANOSECONDS.toMillis(limits.connectTimeoutNs()) + " ms";
        }
        if (closing && nowNs - deadlineNs > 0)
        {
            return "no close frame in reply within " + TimeUnit.NANOSECONDS.toMillis(CLOSE_TIMEOUT_NS) + " ms";
        }
        if (open && nowNs - lastPongNs > limits.pingIntervalNs() * 3 / 2)
        {
            return "no pong for " + TimeUnit.NANOSECONDS.toMillis(nowNs - lastPongNs) + " ms";
        }
        return null;
    }

    /** @return true when a ping is due, which the caller then sends. */
    boolean pingDue(final long nowNs)
    {
        if (nowNs - lastPingNs >= limits.pingIntervalNs())
        {
            lastPingNs = nowNs;
            return true;
        }
        return false;
    }
}
