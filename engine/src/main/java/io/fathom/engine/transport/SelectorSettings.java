package io.fathom.engine.transport;

/**
 * The selector transport's threading: how many I/O agents share the connections (each a thread with its
 * own selector, connections dealt out in turn) and whether they run on threads of their own.
 *
 * @param ioThreads 1..{@link #MAX_IO_THREADS}.
 */
public record SelectorSettings(int ioThreads, IoThreading threading)
{
    /** One agent keeps up with hundreds of connections; more than the host's cores only adds switching. */
    public static final int MAX_IO_THREADS = 64;
    /**
     * One agent: on the 2-core hosts Fathom is sized for, the book and journal handlers need the other core.
     * Not yet chosen by measuring more agents against it.
     */
    public static final int DEFAULT_IO_THREADS = 1;
}
