package io.fathom.engine.view;

import io.fathom.engine.book.BookScales;

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
        this.settings = settings;
        this.views = new BookView[symbols.size()];
        final Map<String, BookView> bySymbol = new HashMap<>();
        for (int id = 0; id < views.length; id++)
        {
            final String symbol = symbols.get(id).toUpperCase(Locale.ROOT);
            final BookView view = new BookView(id, symbol,
                new ViewSettings(scales.priceScale(id), scales.quantityScale(id), settings.depth()));
            if (bySymbol.putIfAbsent(symbol, view) != null)
            {
                throw new IllegalArgumentException("duplicate symbol: " + symbols.get(id));
            }
            views[id] = view;
        }
        this.bySymbol = bySymbol;
        this.writer = new BookViewWriter(views);
    }

    /** @throws IllegalArgumentException naming the symbol when the engine holds no such instrument. */
    public BookView view(final String symbol)
    {
        BookView view = bySymbol.get(symbol);
        if (view == null)
        {
            view = bySymbol.get(symbol.toUpperCase(Locale.ROOT));
            if (view == null)
            {
                throw new IllegalArgumentException("unknown symbol: " + symbol);
            }
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
