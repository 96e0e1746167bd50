package io.fathom.engine.feed;

/**
 * The WebSocket client that carries the feeds; each verifies the venue's certificate and host name.
 */
public enum Transport
{
    /** Java-WebSocket: a read thread (the feed thread) and a write thread per connection (the default). */
    JAVA_WEBSOCKET("java-websocket"),
    /** The JDK's {@code java.net.http.WebSocket}: one selector thread and one feed thread for every connection. */
    JDK("jdk"),
    /**
     * Fathom's own: non-blocking sockets on a few I/O agents ({@code ioThreads}), frames decoded in place from
     * the receive buffer; TLS through an {@code SSLEngine} on the same agents.
     */
    SELECTOR("selector");

    private final String id;

    Transport(final String id)
    {
        this.id = id;
    }

    /** @return the transport of an id ({@code java-websocket}, {@code jdk}, {@code selector}), or null. */
    public static Transport find(final String name)
    {
        for (final Transport transport : values())
        {
            if (transport.id.equalsIgnoreCase(name))
            {
                return transport;
            }
        }
        return null;
    }

    public String id()
    {
        return id;
    }

    /** The ids, as a validation message lists them. */
    public static String ids()
    {
        return JAVA_WEBSOCKET.id + ", " + JDK.id + " or " + SELECTOR.id;
    }
}
