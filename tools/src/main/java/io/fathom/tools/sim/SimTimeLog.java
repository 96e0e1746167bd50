package io.fathom.tools.sim;

/**
 * The most recent {@code capacity} nanosecond stamps of some event, oldest first when read. Recording is
 * synchronized: it is for rare events (handshakes, REST requests), never the depth path.
 */
final class SimTimeLog
{
    private final long[] timesNs;
    private long count;

    SimTimeLog(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        timesNs = new long[capacity];
    }

    synchronized void record(final long timeNs)
    {
        timesNs[(int)(count % timesNs.length)] = timeNs;
        count++;
    }

    /**
     * @return the kept stamps, oldest first; at most the capacity.
     */
    synchronized long[] toArray()
    {
        final int capacity = timesNs.length;
        final int size = (int)Math.min(count, capacity);
        final long[] copy = new long[size];
        final int oldest = count <= capacity ? 0 : (int)(count % capacity);
        final int firstPart = Math.min(size, capacity - oldest);
        System.arraycopy(timesNs, oldest, copy, 0, firstPart);
        System.arraycopy(timesNs, 0, copy, firstPart, size - firstPart);
        return copy;
    }

    /**
     * @return how many stamps were ever recorded, kept or not.
     */
    synchronized long count()
    {
        return count;
    }
}
