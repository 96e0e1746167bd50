package io.fathom.engine.transport;

import javax.net.ssl.SSLContext;

/**
 * The selector transport's threading and TLS: how many I/O agents share the connections (each a thread with
 * its own selector, connections dealt out in turn), whether they run on threads of their own, and the
 * {@code SSLContext} whose trust checks a {@code wss://} server's certificate.
 *
 * @param ioThreads  1..{@link #MAX_IO_THREADS}.
 * @param tlsContext null: the JVM's default context ({@code SSLContext.getDefault()}, which the
 *                   {@code javax.net.ssl.trustStore} properties configure), as the other transports use.
 */
public record SelectorSettings(int ioThreads, IoThreading threading, SSLContext tlsContext)
{
    /** One agent keeps up with hundreds of connections; more than the host's cores only adds switching. */
    public static final int MAX_IO_THREADS = 64;
    /**
     * One agent: on the 2-core hosts Fathom is sized for, the book and journal handlers need the other core.
     * Not yet chosen by measuring more agents against it.
     */
    public static final int DEFAULT_IO_THREADS = 1;

    /** With the JVM's default TLS context. */
    public SelectorSettings(final int ioThreads, final IoThreading threading)
    {
        this(ioThreads, threading, null);
    }
}
