package io.fathom.bench.load;

/** What the load harness runs against the simulator, each in its own process. */
enum Design
{
    FATHOM("fathom", "Fathom", "#1f77b4"),
    TRANSPORT("transport", "transport alone", "#7f7f7f"),
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

    static Design of(final String id)
    {
        for (final Design design : values())
        {
            if (design.id.equalsIgnoreCase(id.trim()))
            {
                return design;
            }
        }
        throw new IllegalArgumentException("unknown design '" + id + "' (fathom, transport, conventional, asyncio)");
    }
}
