package io.fathom.engine.subscribe;

/**
 * A book a subscriber rebuilds, named as its publisher defined it: the venue id (lower case, empty when the
 * publisher names none) and the symbol (upper case). Sorted by venue, then symbol.
 */
public record SubscribedBook(String venue, String symbol) implements Comparable<SubscribedBook>
{
    /** {@code venue:SYMBOL}, or the symbol alone when the publisher names no venue. */
    public String label()
    {
        return venue.isEmpty() ? symbol : venue + ':' + symbol;
    }

    @Override
    public int compareTo(final SubscribedBook other)
    {
        final int byVenue = venue.compareTo(other.venue);
        return byVenue != 0 ? byVenue : symbol.compareTo(other.symbol);
    }
}
