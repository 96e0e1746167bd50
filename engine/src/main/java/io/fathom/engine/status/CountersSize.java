package io.fathom.engine.status;

import org.agrona.concurrent.status.CountersReader;

/**
 * How many counters a run's {@code counters.dat} holds, worked out from the number of feeds and
 * connections before anything starts, and the one limit that remains: the file is mapped as a
 * single buffer, so it cannot exceed {@link #MAX_FILE_LENGTH} bytes (several hundred thousand feeds).
 *
 * @param counterCapacity counters the file holds: system, per feed and per connection.
 * @param errorLogLength  bytes of the distinct-error log.
 */
public record CountersSize(int counterCapacity, int errorLogLength)
{
    /** Counters each feed takes ({@link FeedCounters}). */
    public static final int COUNTERS_PER_FEED = FeedCounters.COUNTERS_PER_FEED;
    /** Counters each connection takes: state, messages, reconnects. */
    public static final int COUNTERS_PER_CONNECTION = 3;
    /** The size of a file for no more than about 1,500 feeds, for tools and tests that make few counters. */
    public static final CountersSize DEFAULT = new CountersSize(8192, 1024 * 1024);
    /** The largest file one mapped buffer can hold. */
    public static final long MAX_FILE_LENGTH = Integer.MAX_VALUE;

    private static final int MIN_ERROR_LOG_LENGTH = 1024 * 1024;
    private static final int MAX_ERROR_LOG_LENGTH = 64 * 1024 * 1024;
    /** Room in the error log for distinct errors that name a feed (a failed snapshot of one symbol). */
    private static final int ERROR_LOG_BYTES_PER_FEED = 1024;

    public CountersSize
    {
        if (counterCapacity < SystemCounter.idCount())
        {
            throw new IllegalArgumentException("counter capacity " + counterCapacity + " is below the " +
                SystemCounter.idCount() + " system counters");
        }
        if (errorLogLength < MIN_ERROR_LOG_LENGTH)
        {
            throw new IllegalArgumentException("error log length " + errorLogLength + " is below " + MIN_ERROR_LOG_LENGTH);
        }
        if (fileLength(counterCapacity, errorLogLength) > MAX_FILE_LENGTH)
        {
            throw new IllegalArgumentException("a counters file of " + counterCapacity + " counters needs " +
                fileLength(counterCapacity, errorLogLength) + " bytes, more than " + MAX_FILE_LENGTH);
        }
    }

    /**
     * The size for a run of {@code feedCount} feeds carried by at most {@code connectionCount}
     * connections at a time.
     *
     * @throws IllegalArgumentException saying how many feeds fit when the file would be too large.
     */
    public static CountersSize forFeeds(final int feedCount, final int connectionCount)
    {
        if (feedCount < 0 || connectionCount < 0)
        {
            throw new IllegalArgumentException("feeds and connections must not be negative (got " + feedCount +
                " feeds, " + connectionCount + " connections)");
        }
        final long counters = SystemCounter.idCount() +
            (long)feedCount * COUNTERS_PER_FEED + (long)connectionCount * COUNTERS_PER_CONNECTION;
        final int errorLogLength = (int)Math.min(MAX_ERROR_LOG_LENGTH,
            Math.max(MIN_ERROR_LOG_LENGTH, (long)feedCount * ERROR_LOG_BYTES_PER_FEED));
        final long length = fileLength(counters, errorLogLength);
        if (length > MAX_FILE_LENGTH)
        {
            final long perFeed = (long)COUNTERS_PER_FEED * bytesPerCounter() +
                (feedCount == 0 ? 0 : (long)connectionCount * COUNTERS_PER_CONNECTION * bytesPerCounter() / feedCount);
            throw new IllegalArgumentException(feedCount + " feeds on " + connectionCount +
                " connections need " + counters + " counters, a " + (length >> 20) + " MB counters file; it is mapped " +
                "as one buffer of at most " + (MAX_FILE_LENGTH >> 20) + " MB, about " +
                ((MAX_FILE_LENGTH - headerAndLog(errorLogLength)) / perFeed) +
                " feeds at these streams per connection: run fewer symbols per engine");
        }
        return new CountersSize((int)counters, errorLogLength);
    }

    /**
     * The most connections a run's feeds can take at once: a connection carries up to
     * {@code streamsPerConnection} feeds of one group, and a relaunched group's new connections may
     * open while its old ones are still closing.
     */
    public static int connectionsFor(final int feedCount, final int streamsPerConnection, final int groupCount)
    {
        final long perLaunch = (feedCount + (long)streamsPerConnection - 1) / streamsPerConnection + Math.max(1, groupCount);
        return (int)Math.min(Integer.MAX_VALUE, 2 * perLaunch);
    }

    public int valuesLength()
    {
        return counterCapacity * CountersReader.COUNTER_LENGTH;
    }

    public int metadataLength()
    {
        return counterCapacity * CountersReader.METADATA_LENGTH;
    }

    /** The whole file: header, values, metadata and error log. */
    public long fileLength()
    {
        return fileLength(counterCapacity, errorLogLength);
    }

    private static long fileLength(final long counters, final int errorLogLength)
    {
        return headerAndLog(errorLogLength) + counters * bytesPerCounter();
    }

    private static long headerAndLog(final int errorLogLength)
    {
        return CountersFile.HEADER_LENGTH + (long)errorLogLength;
    }

    private static long bytesPerCounter()
    {
        return CountersReader.COUNTER_LENGTH + CountersReader.METADATA_LENGTH;
    }
}
