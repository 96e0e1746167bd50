package io.fathom.bench.load;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * This JVM's cost over a window: process CPU time, bytes allocated by all its threads, and its GC
 * pauses. Pauses come from JFR's {@code jdk.GarbageCollection} events (nanosecond sums and the longest
 * pause of each collection; the collector MXBeans only give milliseconds), which arrive up to a second
 * late, so {@link #pausesBetween} waits for the stream to pass the window's end.
 */
final class ProcessStats implements AutoCloseable
{
    private static final String GC_EVENT = "jdk.GarbageCollection";
    private static final long FLUSH_WAIT_NS = TimeUnit.SECONDS.toNanos(5);

    /** What the JVM had spent at one instant. */
    record Sample(long wallNs, long epochNs, long cpuNs, long allocatedBytes)
    {
    }

    /** GC pauses in a window. */
    record Pauses(long count, long totalNs, long maxNs)
    {
    }

    private record Collection(long startEpochNs, long pauseNs, long longestPauseNs)
    {
    }

    private final OperatingSystemMXBean os =
        (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final ConcurrentLinkedQueue<Collection> collections = new ConcurrentLinkedQueue<>();
    private final RecordingStream stream = new RecordingStream();
    private volatile long lastFlushEpochNs;

    ProcessStats()
    {
        threads.setThreadAllocatedMemoryEnabled(true);
        stream.enable(GC_EVENT);
        stream.onEvent(GC_EVENT, this::onCollection);
        stream.onFlush(() -> lastFlushEpochNs = epochNs(Instant.now()));
        stream.startAsync();
    }

    Sample sample()
    {
        return new Sample(System.nanoTime(), epochNs(Instant.now()), os.getProcessCpuTime(), allocatedBytes());
    }

    /** The pauses of collections that started in {@code [from, to)}; waits for JFR to deliver them. */
    Pauses pausesBetween(final Sample from, final Sample to)
    {
        final long deadlineNs = System.nanoTime() + FLUSH_WAIT_NS;
        while (lastFlushEpochNs <= to.epochNs() && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        long count = 0;
        long total = 0;
        long max = 0;
        for (final Collection collection : collections)
        {
            if (collection.startEpochNs() >= from.epochNs() && collection.startEpochNs() < to.epochNs())
            {
                count++;
                total += collection.pauseNs();
                max = Math.max(max, collection.longestPauseNs());
            }
        }
        return new Pauses(count, total, max);
    }

    /**
     * CPU time by thread group (a thread's name with its digits dropped), for the log: where a design's
     * CPU goes. Threads that ended are not counted.
     */
    java.util.Map<String, Long> cpuByThreadGroup()
    {
        final java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        final long[] ids = threads.getAllThreadIds();
        final java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++)
        {
            final long cpuNs = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpuNs > 0)
            {
                groups.merge(infos[i].getThreadName().replaceAll("[0-9]+", "#"), cpuNs, Long::sum);
            }
        }
        return groups;
    }

    @Override
    public void close()
    {
        stream.close();
    }

    private void onCollection(final RecordedEvent event)
    {
        collections.add(new Collection(
            epochNs(event.getStartTime()),
            event.getDuration("sumOfPauses").toNanos(),
            event.getDuration("longestPause").toNanos()));
    }

    private long allocatedBytes()
    {
        long total = 0;
        for (final long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        {
            if (bytes > 0)
            {
                total += bytes;
            }
        }
        return total;
    }

    private static long epochNs(final Instant instant)
    {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
