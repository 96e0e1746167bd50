package io.fathom.engine.feed;

/**
 * Told of every feed state transition, with its cause and time, on the supervisor thread: no
 * polling needed to follow a feed. Must not block.
 */
@FunctionalInterface
public interface FeedListener
{
    /**
     * @param symbol  the instrument's symbol.
     * @param from    the state left.
     * @param to      the state entered.
     * @param cause   why, in words (for logs and operators).
     * @param epochNs when, wall clock.
     */
    void onTransition(String symbol, FeedState from, FeedState to, String cause, long epochNs);

    FeedListener NONE = (symbol, from, to, cause, epochNs) -> {};
}
