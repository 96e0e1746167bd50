package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;

/**
 * One venue's protocol on the simulator's sockets: which handshakes it accepts, what a client's frames
 * ask, and how each diff of a {@link SimBook} reaches the subscribers of its instrument. One instance per
 * simulator; {@link #route} and {@link #parse} run on WebSocket threads and must only read immutable
 * state, everything else runs on the generator thread.
 */
abstract class SimWire
{
    protected final SimSymbols symbols;
    protected final SimBook[] books;
    protected final SimSubscriptions subscriptions;
    protected final SimFrameSender sender;
    protected final SimFaults faults;

    SimWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        this.symbols = symbols;
        this.books = books;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.faults = faults;
    }

    /** The wire of {@code venue}. */
    static SimWire create(
        final Venue venue,
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        switch (venue)
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                return new SimBinanceWire(venue, symbols, books, subscriptions, sender, faults);
            case KRAKEN:
                return new SimKrakenWire(symbols, books, subscriptions, sender, faults);
            case KRAKEN_V1:
                return new SimKrakenV1Wire(symbols, books, subscriptions, sender, faults);
            case OKX:
                return new SimOkxWire(symbols, books, subscriptions, sender, faults);
            case BITGET:
                return new SimBitgetWire(symbols, books, subscriptions, sender, faults);
            case COINBASE:
                return new SimCoinbaseWire(symbols, books, subscriptions, sender, faults);
            case HYPERLIQUID:
                return new SimHyperliquidWire(symbols, books, subscriptions, sender, faults);
            default:
                throw new IllegalArgumentException("no simulator wire for venue " + venue);
        }
    }

    /**
     * WebSocket thread: what a handshake for {@code resource} (path and query) subscribes to, or null to
     * refuse it with HTTP 404. By default any path is accepted with no subscription, as the venues that
     * subscribe by message do.
     */
    SimWebSocketServer.Route route(final String resource)
    {
        return SimWebSocketServer.Route.NONE;
    }

    /** WebSocket thread: what a client's text frame asks for. */
    abstract SimControl parse(String text);

    /** Generator thread: a connection opened; {@code session} is registered and holds its route's symbols. */
    void onOpen(final SimSession session)
    {
    }

    /** Generator thread: {@code book} is about to move by one diff. */
    void beforeDiff(final int symbolIndex, final SimBook book)
    {
    }

    /** Generator thread: {@code book} moved by {@code diff}; tell its subscribers, faults permitting. */
    abstract void publish(int symbolIndex, DepthMessage diff, SimBook book);

    /**
     * Generator thread, every few milliseconds: heartbeats and other timed frames.
     *
     * @return the frames sent.
     */
    int onTimer(final long nowMs)
    {
        return 0;
    }

    /**
     * Generator thread: the body of a REST depth snapshot of the top {@code limit} levels, or null when the
     * venue has none.
     */
    byte[] restSnapshot(final int symbolIndex, final int limit, final long nowMs)
    {
        return null;
    }
}
