package io.fathom.engine.feed;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest
{
    private static final long BASE_NS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long CAP_NS = TimeUnit.SECONDS.toNanos(30);

    @Test
    void ceilingDoublesPerAttemptUpToTheCap()
    {
        final Backoff backoff = new Backoff(BASE_NS, CAP_NS);
        assertThat(backoff.ceilingNs(0)).isEqualTo(BASE_NS);
        assertThat(backoff.ceilingNs(1)).isEqualTo(2 * BASE_NS);
        assertThat(backoff.ceilingNs(6)).isEqualTo(64 * BASE_NS);
        assertThat(backoff.ceilingNs(7)).isEqualTo(CAP_NS);
        assertThat(backoff.ceilingNs(1_000)).as("no overflow for large attempts").isEqualTo(CAP_NS);
    }

    @Test
    void delaysSpreadOverTheWholeRangeFromZeroToTheCeiling()
    {
        final Backoff backoff = new Backoff(BASE_NS, CAP_NS);
        final int buckets = 10;
        final int[] counts = new int[buckets];
        final int samples = 20_000;
        for (int i = 0; i < samples; i++)
        {
            final long delayNs = backoff.delayNs(3);
            assertThat(delayNs).isBetween(0L, 8 * BASE_NS);
            counts[(int)Math.min(buckets - 1, delayNs * buckets / (8 * BASE_NS + 1))]++;
        }
        for (final int count : counts)
        {
            assertThat(count).as("full jitter: every tenth of the range is used about equally")
                .isBetween(samples / buckets / 2, samples / buckets * 2);
        }
    }

    @Test
    void rejectsABaseAboveTheCap()
    {
        assertThatThrownBy(() -> new Backoff(CAP_NS, BASE_NS)).isInstanceOf(IllegalArgumentException.class);
    }
}
