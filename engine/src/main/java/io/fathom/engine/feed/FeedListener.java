package io.fathom.engine.feed;

/**
 * Told of every feed state transition, with its venue, cause and time, on the supervisor thread: no
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

    /**
     * The engine calls this form, naming the feed's venue (its id, e.g. {@code binance-usdm}), so that in an engine
     * of several venues the same symbol's feeds are told apart; by default it forwards to the form without a venue.
     *
     * @param venue the venue id of the feed, as the context names it.
     */
    default void onTransition(
        final String venue, final String symbol, final FeedState from, final FeedState to, final String cause, final long epochNs)
    {
        onTransition(symbol, from, to, cause, epochNs);
    }

    /** A listener for one venue's feeds that calls {@code listener} with that venue named. */
    static FeedListener ofVenue(final String venue, final FeedListener listener)
    {
        return (symbol, from, to, cause, epochNs) -> listener.onTransition(venue, symbol, from, to, cause, epochNs);
    }

    FeedListener NONE = (symbol, from, to, cause, epochNs) -> {};
}
