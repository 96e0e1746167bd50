package io.fathom.engine.book;

/**
 * The user hook: told on the book handler thread after each message applied to a valid book.
 * Must not block or keep a reference to the book beyond the call.
 */
@FunctionalInterface
public interface BookListener
{
    /**
     * @param book           the book after the update.
     * @param topChanged     whether the best bid or best ask (price or quantity) changed.
     * @param volumePressure bid/ask volume pressure over the configured top levels, in [-1, 1].
     */
    void onBookUpdate(OrderBook book, boolean topChanged, double volumePressure);

    BookListener NONE = (book, topChanged, volumePressure) -> {};
}
