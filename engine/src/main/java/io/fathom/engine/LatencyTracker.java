package io.fathom.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Receipt-to-applied latency: the book handler records into a wait-free {@link Recorder};
 * a reader takes interval histograms and this keeps their running total.
 */
public final class LatencyTracker
{
    private static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NS, 3);
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, 3);
    private Histogram interval;

    Recorder recorder()
    {
        return recorder;
    }

    /** The values recorded since the previous call (nanoseconds). */
    public synchronized Histogram sampleInterval()
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval.copy();
    }

    /** Everything recorded so far (nanoseconds). */
    public synchronized Histogram total()
    {
        sampleInterval();
        return total.copy();
    }
}
