package io.fathom.engine.feed;

/**
 * Where one feed (one instrument's subscription) is in its life.
 *
 * <pre>
 * NEW -> CONNECTING -> SYNCING -> LIVE &lt;-> STALE
 *                        ^         |
 *                        |         v
 *                        +---- RESYNCING          (gap or crossed book; connection still open)
 * any open state -- connection lost --> BACKOFF -> CONNECTING -> ...
 * BACKOFF -- attempts exhausted --> FAILED;  any state -- cancel or shutdown --> CLOSED
 * </pre>
 */
public enum FeedState
{
    NEW,
    CONNECTING,
    SYNCING,
    LIVE,
    STALE,
    RESYNCING,
    BACKOFF,
    CLOSED,
    FAILED;

    private static final FeedState[] VALUES = values();

    public static FeedState of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /** CLOSED and FAILED are final until the feed is launched again. */
    public boolean isTerminal()
    {
        return this == CLOSED || this == FAILED;
    }

    /** The name used in progress lines and counters. */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
