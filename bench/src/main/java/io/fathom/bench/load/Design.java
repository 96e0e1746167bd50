package io.fathom.bench.load;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the load harness runs against the simulator, each in its own process. Fathom and the transport
 * alone run once over each WebSocket client the engine offers, so the two can be compared in one run.
 */
enum Design
{
    FATHOM("fathom", "Fathom", "#1f77b4"),
    FATHOM_JDK("fathom-jdk", "Fathom, JDK WebSocket", "#17becf"),
    FATHOM_SELECTOR("fathom-selector", "Fathom, selector transport", "#ff7f0e"),
    FATHOM_INVOKER("fathom-invoker", "Fathom, selector transport, invoker mode", "#e377c2"),
    TRANSPORT("transport", "transport alone", "#7f7f7f"),
    TRANSPORT_JDK("transport-jdk", "transport alone, JDK WebSocket", "#bcbd22"),
    TRANSPORT_NETTY("transport-netty", "transport alone, Netty (epoll)", "#9467bd"),
    TRANSPORT_SELECTOR("transport-selector", "transport alone, selector", "#8c564b"),
    CONVENTIONAL("conventional", "conventional Java", "#d62728"),
    ASYNCIO("asyncio", "Python asyncio", "#2ca02c");

    final String id;
    final String label;
    final String colour;

    Design(final String id, final String label, final String colour)
    {
        this.id = id;
        this.label = label;
        this.colour = colour;
    }

    boolean isJava()
    {
        return this != ASYNCIO;
    }

    /** Receives frames and drops them: no book, so no receipt-to-applied latency. */
    boolean isTransportAlone()
    {
        return this == TRANSPORT || this == TRANSPORT_JDK || this == TRANSPORT_NETTY || this == TRANSPORT_SELECTOR;
    }

    static Design of(final String id)
    {
        for (final Design design : values())
        {
            if (design.id.equalsIgnoreCase(id.trim()))
            {
                return design;
            }
        }
        throw new IllegalArgumentException("unknown design '" + id + "' (" + ids() + ")");
    }

    /** Every design's id, comma-separated. */
    static String ids()
    {
        return Arrays.stream(values()).map(design -> design.id).collect(Collectors.joining(", "));
    }
}
