package io.fathom.engine.view;

import io.fathom.engine.book.BookScales;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The views of every instrument of an engine, by symbol and by instrument id, and the one writer that
 * publishes to them. Lookups are for any thread; each view is read without locks.
 */
public final class BookViews
{
    private final BookView[] views;
    private final Map<String, BookView> bySymbol;
    private final Map<String, BookView> byVenueSymbol;
    private final Map<String, List<String>> venuesBySymbol;
    private final BookViewWriter writer;
    private final ViewSettings settings;

    /**
     * @param symbols in instrument id order (as {@code InstrumentTable.symbols()} lists them); matched ignoring
     *                case, as the engine's instrument table matches them.
     */
    public BookViews(final List<String> symbols, final ViewSettings settings)
    {
        this(symbols, settings, BookScales.uniform(settings.priceScale(), settings.quantityScale()));
    }

    /**
     * @param symbols in instrument id order, matched ignoring case.
     * @param settings the depth published, and the scales of instruments {@code scales} gives none.
     * @param scales   each instrument's own scales by id.
     */
    public BookViews(final List<String> symbols, final ViewSettings settings, final BookScales scales)
    {
        this(Collections.nCopies(symbols.size(), ""), symbols, settings, scales);
    }

    /**
     * Views of the instruments of several venues, where one symbol may be held by more than one venue.
     *
     * @param venues  each instrument's venue in instrument id order, matched ignoring case.
     * @param symbols in instrument id order, matched ignoring case; each once per venue.
     */
    public BookViews(final List<String> venues, final List<String> symbols, final ViewSettings settings, final BookScales scales)
    {
        this.settings = settings;
        this.views = new BookView[symbols.size()];
        final Map<String, BookView> bySymbol = new HashMap<>();
        final Map<String, BookView> byVenueSymbol = new HashMap<>();
        final Map<String, List<String>> venuesBySymbol = new HashMap<>();
        for (int id = 0; id < views.length; id++)
        {
            final String symbol = symbols.get(id).toUpperCase(Locale.ROOT);
            final String venue = venues.get(id).toLowerCase(Locale.ROOT);
            final BookView view = new BookView(id, symbol,
                new ViewSettings(scales.priceScale(id), scales.quantityScale(id), settings.depth()));
            if (byVenueSymbol.putIfAbsent(venue + ":" + symbol, view) != null)
            {
                throw new IllegalArgumentException("duplicate symbol: " + symbols.get(id));
            }
            bySymbol.putIfAbsent(symbol, view);
            venuesBySymbol.computeIfAbsent(symbol, s -> new ArrayList<>(1)).add(venue);
            views[id] = view;
        }
        this.bySymbol = bySymbol;
        this.byVenueSymbol = byVenueSymbol;
        this.venuesBySymbol = venuesBySymbol;
        this.writer = new BookViewWriter(views);
    }

    /**
     * @throws IllegalArgumentException naming the symbol when the engine holds no such instrument, or naming the
     *                                  venues when more than one holds it.
     */
    public BookView view(final String symbol)
    {
        BookView view = bySymbol.get(symbol);
        final String upper = symbol.toUpperCase(Locale.ROOT);
        if (view == null)
        {
            view = bySymbol.get(upper);
            if (view == null)
            {
                throw new IllegalArgumentException("unknown symbol: " + symbol);
            }
        }
        final List<String> venues = venuesBySymbol.get(upper);
        if (venues.size() > 1)
        {
            throw new IllegalArgumentException("symbol " + upper + " is held by venues " + String.join(" and ", venues) +
                ": name the venue, bookView(venue, symbol)");
        }
        return view;
    }

    /** @throws IllegalArgumentException naming the venue, or the symbol, that the engine does not hold. */
    public BookView view(final String venue, final String symbol)
    {
        final String key = venue.toLowerCase(Locale.ROOT);
        final BookView view = byVenueSymbol.get(key + ":" + symbol.toUpperCase(Locale.ROOT));
        if (view == null)
        {
            final boolean venueHeld = venuesBySymbol.values().stream().anyMatch(venues -> venues.contains(key));
            throw new IllegalArgumentException(venueHeld ? "unknown symbol: " + symbol + " on venue " + venue :
                "unknown venue: " + venue);
        }
        return view;
    }

    /** @throws IllegalArgumentException when the id is not 0..{@link #size()}-1. */
    public BookView view(final int instrumentId)
    {
        if (instrumentId < 0 || instrumentId >= views.length)
        {
            throw new IllegalArgumentException(
                "unknown instrument id: " + instrumentId + " (ids are 0.." + (views.length - 1) + ")");
        }
        return views[instrumentId];
    }

    public int size()
    {
        return views.length;
    }

    public ViewSettings settings()
    {
        return settings;
    }

    /** The publishing side: for the book handler thread alone. */
    public BookViewWriter writer()
    {
        return writer;
    }
}
