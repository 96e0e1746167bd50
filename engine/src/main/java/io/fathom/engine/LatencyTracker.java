package io.fathom.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Latency from frame receipt to book applied and to journaled, in nanoseconds. Handlers record
 * into wait-free {@link Recorder}s; {@link #sample} (once a second, on the status thread) takes
 * the interval histograms, appends them to an HdrHistogram interval log ({@code latency.hlog} in
 * the run directory, tags {@code applied} and {@code journaled}, readable by HdrHistogram's log
 * tools) and keeps running totals.
 */
public final class LatencyTracker implements AutoCloseable
{
    public static final String LOG_FILE_NAME = "latency.hlog";
    public static final String APPLIED_TAG = "applied";
    public static final String JOURNALED_TAG = "journaled";
    private static final long HIGHEST_TRACKABLE_NS = 3_600_000_000_000L;
    private static final byte[] APPLIED_TAG_BYTES = APPLIED_TAG.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JOURNALED_TAG_BYTES = JOURNALED_TAG.getBytes(StandardCharsets.US_ASCII);

    private final Recorder applied = new Recorder(HIGHEST_TRACKABLE_NS, 3);
    private final Recorder journaled = new Recorder(HIGHEST_TRACKABLE_NS, 3);
    private final Histogram appliedTotal = newHistogram();
    private final Histogram journaledTotal = newHistogram();
    private Histogram appliedInterval;
    private Histogram journaledInterval;
    private final Histogram lastApplied = newHistogram();
    private PrintStream logStream;
    private IntervalLogLines logLines;
    private long logBaseTimeMs;

    /** Starts the interval log in {@code runDir}; without it, totals are still kept. */
    synchronized void openLog(final File runDir, final long startEpochMs)
    {
        try
        {
            logStream = new PrintStream(new File(runDir, LOG_FILE_NAME), StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot write " + new File(runDir, LOG_FILE_NAME), ex);
        }
        final HistogramLogWriter header = new HistogramLogWriter(logStream);
        header.outputLogFormatVersion();
        header.outputStartTime(startEpochMs);
        header.outputLegend();
        logLines = new IntervalLogLines();
        logBaseTimeMs = startEpochMs;
    }

    /** Book handler thread. */
    Recorder appliedRecorder()
    {
        return applied;
    }

    /** Journal handler thread. */
    Recorder journaledRecorder()
    {
        return journaled;
    }

    /** A histogram of the range and precision this tracker records, to pass to {@link #lastInterval(Histogram)}. */
    public static Histogram newHistogram()
    {
        return new Histogram(HIGHEST_TRACKABLE_NS, 3);
    }

    /**
     * Takes the interval since the last call into the totals and the log. It runs once a second for the
     * engine's life, so its histograms are reused: a copy a second of a histogram this wide (about 0.5 MB)
     * was most of what the engine process allocated in steady state.
     */
    synchronized void sample()
    {
        appliedInterval = applied.getIntervalHistogram(appliedInterval);
        journaledInterval = journaled.getIntervalHistogram(journaledInterval);
        appliedTotal.add(appliedInterval);
        journaledTotal.add(journaledInterval);
        appliedInterval.copyInto(lastApplied);
        if (logLines != null)
        {
            try
            {
                logLines.write(appliedInterval, APPLIED_TAG_BYTES, logBaseTimeMs, logStream);
                logLines.write(journaledInterval, JOURNALED_TAG_BYTES, logBaseTimeMs, logStream);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            logStream.flush();
        }
    }

    /** Receipt to applied over the last sampled interval (about a second); a new histogram each call. */
    public synchronized Histogram lastInterval()
    {
        return lastApplied.copy();
    }

    /**
     * Receipt to applied over the last sampled interval (about a second), copied into {@code into}, which
     * {@link #newHistogram()} made: for a caller that reads it periodically without allocating.
     */
    public synchronized void lastInterval(final Histogram into)
    {
        lastApplied.copyInto(into);
    }

    /** Receipt to applied, everything recorded so far. */
    public synchronized Histogram total()
    {
        return appliedTotal.copy();
    }

    /** Receipt to journaled, everything recorded so far. */
    public synchronized Histogram journaledTotal()
    {
        return journaledTotal.copy();
    }

    @Override
    public synchronized void close()
    {
        if (logStream != null)
        {
            logStream.close();
            logLines.close();
            logStream = null;
            logLines = null;
        }
    }
}
