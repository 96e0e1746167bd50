package io.fathom.engine.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Book views added one by one as instruments become known (a subscriber learns them from the stream), each
 * with its own scales, up to a capacity fixed up front so the writer's array never moves. A view is named by its
 * venue and symbol (the venue empty when the stream names none), so the same symbol on two venues is two books.
 * Views are added and written by one thread; any thread looks them up and reads them without locks.
 */
public final class GrowingBookViews
{
    private final BookView[] views;
    private final String[] venues;
    private final Map<String, BookView> byVenueSymbol = new ConcurrentHashMap<>();
    private final Map<String, List<String>> venuesBySymbol = new ConcurrentHashMap<>();
    private final BookViewWriter writer;
    private int size;

    public GrowingBookViews(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive (got " + capacity + ")");
        }
        views = new BookView[capacity];
        venues = new String[capacity];
        writer = new BookViewWriter(views);
    }

    /**
     * Writer thread: adds a view, not valid until its first publish.
     *
     * @param venue the venue id (matched ignoring case), empty when the stream names none.
     * @return its id, the next in order.
     * @throws IllegalStateException when the capacity is reached; IllegalArgumentException for a book already added.
     */
    public int add(final String venue, final String symbol, final ViewSettings settings)
    {
        if (size == views.length)
        {
            throw new IllegalStateException("no room for another book (capacity " + views.length + ")");
        }
        final String upper = symbol.toUpperCase(Locale.ROOT);
        final String lowerVenue = venue.toLowerCase(Locale.ROOT);
        final String key = key(lowerVenue, upper);
        if (byVenueSymbol.containsKey(key))
        {
            throw new IllegalArgumentException("duplicate book: " + key);
        }
        final BookView view = new BookView(size, upper, settings);
        views[size] = view;
        venues[size] = lowerVenue;
        final List<String> held = new ArrayList<>(venuesBySymbol.getOrDefault(upper, List.of()));
        held.add(lowerVenue);
        venuesBySymbol.put(upper, List.copyOf(held));
        byVenueSymbol.put(key, view);
        return size++;
    }

    /**
     * Any thread: the view of a symbol (matched ignoring case) on whichever venue holds it, or null when none was added.
     *
     * @throws IllegalArgumentException naming the venues when several hold the symbol: {@link #find(String, String)}
     *                                  tells them apart.
     */
    public BookView find(final String symbol)
    {
        final String upper = symbol.toUpperCase(Locale.ROOT);
        final List<String> held = venuesBySymbol.get(upper);
        if (held == null)
        {
            return null;
        }
        if (held.size() > 1)
        {
            throw new IllegalArgumentException("symbol " + upper + " is held by venues " + String.join(" and ", held) +
                ": name the venue, bookView(venue, symbol)");
        }
        return byVenueSymbol.get(key(held.get(0), upper));
    }

    /** Any thread: the view of a venue's symbol (both matched ignoring case), or null when none was added. */
    public BookView find(final String venue, final String symbol)
    {
        return byVenueSymbol.get(key(venue.toLowerCase(Locale.ROOT), symbol.toUpperCase(Locale.ROOT)));
    }

    /** Any thread: the venue of the view {@code id} returned by {@link #add}, empty when the stream names none. */
    public String venue(final int id)
    {
        return venues[id];
    }

    /** Any thread: the symbols added so far, once each whatever the venues holding them, in no particular order. */
    public List<String> symbols()
    {
        return List.copyOf(venuesBySymbol.keySet());
    }

    /** Any thread: the views added so far, in no particular order. */
    public List<BookView> views()
    {
        return List.copyOf(byVenueSymbol.values());
    }

    /** Writer thread: views added. */
    public int size()
    {
        return size;
    }

    /** The publishing side, for the thread that adds views alone; ids are those {@link #add} returned. */
    public BookViewWriter writer()
    {
        return writer;
    }

    private static String key(final String lowerVenue, final String upperSymbol)
    {
        return lowerVenue + ':' + upperSymbol;
    }
}
