package io.fathom.engine;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTrackerTest
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void lastIntervalHoldsOnlyTheLastSampledInterval()
    {
        final LatencyTracker tracker = new LatencyTracker();
        tracker.appliedRecorder().recordValue(1_000);
        tracker.appliedRecorder().recordValue(2_000);
        tracker.sample();
        tracker.appliedRecorder().recordValue(50_000);
        tracker.sample();

        final Histogram interval = LatencyTracker.newHistogram();
        tracker.lastInterval(interval);
        assertThat(interval.getTotalCount()).isEqualTo(1);
        assertThat(interval.getMaxValue()).isBetween(49_950L, 50_050L);
        assertThat(tracker.lastInterval().getTotalCount()).isEqualTo(1);
        assertThat(tracker.total().getTotalCount()).isEqualTo(3);
    }

    @Test
    void samplingOnceASecondAllocatesNothingOnceWarm(@TempDir final Path runDir)
    {
        final LatencyTracker tracker = new LatencyTracker();
        tracker.openLog(runDir.toFile(), System.currentTimeMillis());
        final Histogram interval = LatencyTracker.newHistogram();
        for (int i = 0; i < 1_000; i++)
        {
            tracker.appliedRecorder().recordValue(1_000 + i);
            tracker.journaledRecorder().recordValue(2_000 + i);
            tracker.sample();
            tracker.lastInterval(interval);
        }
        final long thread = Thread.currentThread().getId();
        // up to three windows of 100 samples: a one-off allocation in the first (a JVM's lazy set-up met late in a
        // long test run) is let pass, an allocation every sample fails every window
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 3 && allocated >= 1_000; window++)
        {
            final long before = THREADS.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++)
            {
                tracker.appliedRecorder().recordValue(1_000 + i);
                tracker.sample();
                tracker.lastInterval(interval);
            }
            allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        }
        tracker.close();
        // one copy of a histogram this wide is about 0.5 MB, one interval line through the library's log writer
        // several kilobytes; a reading of the counter costs a few dozen bytes
        assertThat(allocated).as("bytes allocated by 100 samples, log lines and reads").isLessThan(1_000);
        assertThat(runDir.resolve(LatencyTracker.LOG_FILE_NAME)).content().contains("Tag=applied,", "Tag=journaled,");
    }
}
