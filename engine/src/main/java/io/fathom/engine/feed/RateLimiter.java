package io.fathom.engine.feed;

/**
 * A token bucket: {@code ratePerSecond} permits a second, at most {@code burst} at once.
 * Single-threaded; the caller passes the time so a duty cycle reads the clock once.
 */
public final class RateLimiter
{
    private final long nanosPerPermit;
    private final long burstNs;
    private long availableAtNs;

    public RateLimiter(final double ratePerSecond, final int burst, final long nowNs)
    {
        if (!(ratePerSecond > 0) || burst < 1)
        {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1: " + ratePerSecond + ", " + burst);
        }
        this.nanosPerPermit = Math.max(1, (long)(1_000_000_000L / ratePerSecond));
        this.burstNs = nanosPerPermit * burst;
        this.availableAtNs = nowNs - burstNs;
    }

    public boolean tryAcquire(final long nowNs)
    {
        if (nowNs - availableAtNs - burstNs > 0)
        {
            availableAtNs = nowNs - burstNs;
        }
        if (nowNs - availableAtNs >= nanosPerPermit)
        {
            availableAtNs += nanosPerPermit;
            return true;
        }
        return false;
    }
}
