package io.fathom.engine;

import io.fathom.engine.transport.IoThreading;
import io.fathom.engine.transport.SelectorSettings;

/**
 * The settings of {@link EngineContext} that concern the selector transport's I/O agents: how many. They
 * run on threads of their own: the engine does not yet drive them, its supervisor and its handlers on the
 * caller's thread ({@link IoThreading#INVOKER} is the transport's alone). Setters return the context; they
 * conclude into {@link #selector()}. Its {@code wss://} connections trust what the JVM's default
 * {@code SSLContext} trusts, as the other transports' do.
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

    /** Validates the transport settings. */
    void concludeTransport()
    {
        ContextChecks.require(ioThreads >= 1 && ioThreads <= SelectorSettings.MAX_IO_THREADS, "ioThreads",
            "must be 1.." + SelectorSettings.MAX_IO_THREADS + " (got " + ioThreads + ")");
        selector = new SelectorSettings(ioThreads, IoThreading.DEDICATED);
    }
}
