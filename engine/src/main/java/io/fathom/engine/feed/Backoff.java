package io.fathom.engine.feed;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} is uniform in
 * {@code [0, min(cap, base x 2^n)]}, so clients that failed together spread out instead of
 * retrying in step (the thundering herd).
 */
public final class Backoff
{
    private final long baseNs;
    private final long capNs;

    public Backoff(final long baseNs, final long capNs)
    {
        if (baseNs <= 0 || capNs < baseNs)
        {
            throw new IllegalArgumentException("backoff base must be positive and not above the cap: " + baseNs + ", " + capNs);
        }
        this.baseNs = baseNs;
        this.capNs = capNs;
    }

    /** The ceiling of the wait before retry {@code attempt} (0 for the first retry). */
    public long ceilingNs(final int attempt)
    {
        final int shift = Math.min(Math.max(attempt, 0), 62 - (63 - Long.numberOfLeadingZeros(baseNs)));
        return Math.min(capNs, baseNs << shift);
    }

    /** A random wait in {@code [0, ceilingNs(attempt)]}. */
    public long delayNs(final int attempt)
    {
        return ThreadLocalRandom.current().nextLong(ceilingNs(attempt) + 1);
    }
}
