package io.fathom.tools.replay;

/**
 * Which records {@code replay} prints and counts: {@code --symbol}, {@code --venue}, {@code --from},
 * {@code --to}. Records of no instrument (sessions, a whole connection's state) pass unless a symbol
 * or venue is asked for.
 */
record RecordFilter(String symbol, String venue, long fromEpochNs, long toEpochNs)
{
    static final RecordFilter ALL = new RecordFilter(null, null, Long.MIN_VALUE, Long.MAX_VALUE);

    boolean accepts(final JournalWalker.Instrument instrument, final long epochNs)
    {
        if (epochNs < fromEpochNs || epochNs > toEpochNs)
        {
            return false;
        }
        if (instrument == null)
        {
            return symbol == null && venue == null;
        }
        return (symbol == null || instrument.symbol().equalsIgnoreCase(symbol)) &&
            (venue == null || instrument.venue().equalsIgnoreCase(venue));
    }

    /** Whether a record of no instrument at this time passes. */
    boolean acceptsUnkeyed(final long epochNs)
    {
        return accepts(null, epochNs);
    }

    boolean inTime(final long epochNs)
    {
        return epochNs >= fromEpochNs && epochNs <= toEpochNs;
    }
}
