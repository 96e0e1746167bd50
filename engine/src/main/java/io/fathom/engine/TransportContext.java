package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.transport.IoThreading;
import io.fathom.engine.transport.SelectorSettings;

/**
 * The settings of {@link EngineContext} that concern the selector transport's I/O agents: how many. They
 * run on threads of their own: the engine does not yet drive them, its supervisor and its handlers on the
 * caller's thread ({@link IoThreading#INVOKER} is the transport's alone). Setters return the context; they
 * conclude into {@link #selector()}. A {@code wss://} URL with {@link Transport#SELECTOR} is refused here, before
 * anything starts.
 */
abstract sealed class TransportContext permits FeedContext
{
    private int ioThreads = SelectorSettings.DEFAULT_IO_THREADS;
    private SelectorSettings selector;

    abstract EngineContext self();

    /**
     * I/O agents of the selector transport, each a thread with its own selector sharing the connections;
     * 1..{@value SelectorSettings#MAX_IO_THREADS}, default {@value SelectorSettings#DEFAULT_IO_THREADS}.
     */
    public EngineContext ioThreads(final int ioThreads)
    {
        this.ioThreads = ioThreads;
        return self();
    }

    public int ioThreads()
    {
        return ioThreads;
    }

    /** The selector transport's threading; valid after {@link EngineContext#conclude()}. */
    public SelectorSettings selector()
    {
        return ContextChecks.requireConcluded(self(), selector);
    }

    /** Validates the transport settings; after the feed settings, so the venue is known. */
    void concludeTransport()
    {
        final EngineContext c = self();
        ContextChecks.require(ioThreads >= 1 && ioThreads <= SelectorSettings.MAX_IO_THREADS, "ioThreads",
            "must be 1.." + SelectorSettings.MAX_IO_THREADS + " (got " + ioThreads + ")");
        final String wsUrl = c.url() != null ? c.url() : Venue.find(c.venue()).wsUrl();
        ContextChecks.require(c.transport() != Transport.SELECTOR || wsUrl.regionMatches(true, 0, "ws://", 0, 5),
            "transport", "selector carries ws:// only, not wss:// (" + wsUrl + "): use java-websocket or jdk for TLS", "url");
        selector = new SelectorSettings(ioThreads, IoThreading.DEDICATED);
    }
}
