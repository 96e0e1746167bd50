package io.fathom.engine.transport;

/** Who runs the selector transport's I/O agents. */
public enum IoThreading
{
    /** Each I/O agent on its own thread, {@code fathom-io-N} (the default). */
    DEDICATED,
    /**
     * No thread: the caller drives every agent through {@link SelectorTransportFactory#invoke()}, as Aeron's
     * {@code ThreadingMode.INVOKER}, which makes a test's order of events its own.
     */
    INVOKER
}
