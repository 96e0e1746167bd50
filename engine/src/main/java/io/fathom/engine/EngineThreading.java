package io.fathom.engine;

/**
 * Who runs the engine's work: threads of its own, or the caller's thread through {@link Engine#invoke()}, as Aeron's
 * {@code ThreadingMode.INVOKER} does, so that a test or an embedding process decides the order of every event.
 */
public enum EngineThreading
{
    /**
     * The default: the book and journal handlers, the status agent, the feed supervisor, the snapshot fetcher and the
     * selector transport's I/O agents each run on a thread of their own, idling as the {@link Profile} says.
     */
    DEDICATED,
    /**
     * No thread of the engine's: the caller drives everything with {@link Engine#invoke()}, one duty cycle a call, on
     * the thread that launched the engine, and idles as it likes when a call returns 0; a journal replay's agent is
     * driven the same way. {@link EngineContext#conclude()} refuses what keeps a thread of its own: for live feeds any
     * transport but the selector transport, and the metrics server and handler CPUs. Journal retention is invoked too;
     * publishing over
     * Aeron runs invoked too: the publisher, Aeron's client conductor and the embedded media driver (Aeron's
     * {@code ThreadingMode.INVOKER}); invoke at least every few seconds, or the driver times the client out. What
     * stays asynchronous: the JDK {@code HttpClient} the snapshot fetcher
     * (and the instrument metadata fetch at launch) sends its requests with; its answers are taken up by the
     * fetcher's duty cycle, so every snapshot still enters the ring on the invoking thread; and Chronicle Queue's own
     * threads under the journal (its background resource releaser and disk-space checker, one each per JVM). A producer that finds
     * the ring full polls the handlers itself rather than wait for threads that do not exist.
     */
    INVOKER
}
