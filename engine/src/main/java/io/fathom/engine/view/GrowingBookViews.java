package io.fathom.engine.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Book views added one by one as instruments become known (a subscriber learns them from the stream), each
 * with its own scales, up to a capacity fixed up front so the writer's array never moves. Views are added and
 * written by one thread; any thread looks them up by symbol and reads them without locks.
 */
public final class GrowingBookViews
{
    private final BookView[] views;
    private final Map<String, BookView> bySymbol = new ConcurrentHashMap<>();
    private final BookViewWriter writer;
    private int size;

    public GrowingBookViews(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive (got " + capacity + ")");
        }
        views = new BookView[capacity];
        writer = new BookViewWriter(views);
    }

    /**
     * Writer thread: adds a view, not valid until its first publish.
     *
     * @return its id, the next in order.
     * @throws IllegalStateException when the capacity is reached; IllegalArgumentException for a symbol already added.
     */
    public int add(final String symbol, final ViewSettings settings)
    {
        if (size == views.length)
        {
            throw new IllegalStateException("no room for another book (capacity " + views.length + ")");
        }
        final String upper = symbol.toUpperCase(Locale.ROOT);
        final BookView view = new BookView(size, upper, settings);
        if (bySymbol.containsKey(upper))
        {
            throw new IllegalArgumentException("duplicate symbol: " + symbol);
        }
        views[size] = view;
        bySymbol.put(upper, view);
        return size++;
    }

    /** Any thread: the view of a symbol (matched ignoring case), or null when none was added. */
    public BookView find(final String symbol)
    {
        final BookView view = bySymbol.get(symbol);
        return view != null ? view : bySymbol.get(symbol.toUpperCase(Locale.ROOT));
    }

    /** Any thread: the symbols added so far, in no particular order. */
    public List<String> symbols()
    {
        return List.copyOf(bySymbol.keySet());
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
}
