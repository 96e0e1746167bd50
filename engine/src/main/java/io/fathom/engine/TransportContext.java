package io.fathom.engine;

import io.fathom.engine.transport.IoThreading;
import io.fathom.engine.transport.SelectorSettings;

/**
 * The settings of {@link EngineContext} that concern who runs the engine: the threading mode
 * ({@link EngineThreading}), and the selector transport's I/O agents, how many. Under
 * {@link EngineThreading#INVOKER} the I/O agents run on the caller's thread too ({@link IoThreading#INVOKER}).
 * Setters return the context; they conclude into {@link #selector()} and {@link EngineContext#threading()}. Its
 * {@code wss://} connections trust what the JVM's default {@code SSLContext} trusts, as the other transports' do.
 */
abstract sealed class TransportContext permits FeedContext
{
    private int ioThreads = SelectorSettings.DEFAULT_IO_THREADS;
    private EngineThreading engineThreading = EngineThreading.DEDICATED;
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

    /**
     * Threads of the engine's own ({@link EngineThreading#DEDICATED}, the default) or none, the caller driving
     * everything through {@link Engine#invoke()} ({@link EngineThreading#INVOKER}, with the selector transport only).
     */
    public EngineContext engineThreading(final EngineThreading engineThreading)
    {
        this.engineThreading = engineThreading;
        return self();
    }

    public EngineThreading engineThreading()
    {
        return engineThreading;
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
        ContextChecks.require(engineThreading != null, "engineThreading", "must be DEDICATED or INVOKER");
        selector = new SelectorSettings(ioThreads,
            engineThreading == EngineThreading.INVOKER ? IoThreading.INVOKER : IoThreading.DEDICATED);
    }
}
