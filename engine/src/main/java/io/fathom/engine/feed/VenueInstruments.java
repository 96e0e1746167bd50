package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.engine.book.BookScales;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every instrument of an engine across its venues, with engine-wide ids: the first venue's instruments take ids
 * 0..n-1 in the order of its symbols, the next venue's follow, and so on. Each venue's feeds work on an
 * {@link InstrumentTable} of their own, whose ids start at 0; {@link #base(int)} turns them into the engine's.
 * The same symbol on two venues is two instruments. Immutable; read from any thread.
 */
public final class VenueInstruments
{
    private final List<VenueGroup> groups;
    private final List<InstrumentTable> tables;
    private final int[] bases;
    private final int[] groupById;
    private final List<String> symbols;
    private final BookScales scales;

    /** One table per group, in the order of {@code groups}, each built with its group's scales. */
    public VenueInstruments(final List<VenueGroup> groups)
    {
        final ScaleCatalogue catalogue = groups.get(0).scales();
        this.groups = List.copyOf(groups);
        final List<InstrumentTable> tables = new ArrayList<>(groups.size());
        final List<String> symbols = new ArrayList<>();
        this.bases = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++)
        {
            final InstrumentTable table = new InstrumentTable(groups.get(g).symbols(), groups.get(g).scales());
            bases[g] = symbols.size();
            tables.add(table);
            symbols.addAll(table.symbols());
        }
        this.tables = Collections.unmodifiableList(tables);
        this.symbols = Collections.unmodifiableList(symbols);
        this.groupById = new int[symbols.size()];
        final int[] priceScales = new int[symbols.size()];
        final int[] quantityScales = new int[symbols.size()];
        for (int g = 0; g < tables.size(); g++)
        {
            final InstrumentTable table = tables.get(g);
            for (int local = 0; local < table.size(); local++)
            {
                groupById[bases[g] + local] = g;
                priceScales[bases[g] + local] = table.scales().priceScale(local);
                quantityScales[bases[g] + local] = table.scales().quantityScale(local);
            }
        }
        this.scales = BookScales.of(priceScales, quantityScales, catalogue.defaultPriceScale(), catalogue.defaultQuantityScale());
    }

    /** One venue's instruments at the default scales, 8 and 8, where its endpoints do not matter (offline use). */
    public static VenueInstruments of(final String venue, final List<String> symbols)
    {
        return new VenueInstruments(List.of(new VenueGroup(new VenueEndpoints(venue, Venue.find(venue), null, null, 0), symbols,
            ScaleCatalogue.uniform(8, 8))));
    }

    public int size()
    {
        return symbols.size();
    }

    /** Each instrument's symbol (upper case) by engine-wide id; a symbol held by two venues appears twice. */
    public List<String> symbols()
    {
        return symbols;
    }

    public String symbol(final int id)
    {
        return symbols.get(id);
    }

    /** The id of the venue the instrument belongs to, as given, e.g. {@code binance-usdm}. */
    public String venue(final int id)
    {
        return groups.get(groupById[id]).venue();
    }

    /** Each instrument's venue by engine-wide id. */
    public List<String> venues()
    {
        final List<String> venues = new ArrayList<>(size());
        for (int id = 0; id < size(); id++)
        {
            venues.add(venue(id));
        }
        return venues;
    }

    /** Each instrument's scales by engine-wide id. */
    public BookScales scales()
    {
        return scales;
    }

    /** The venue groups, the context's first venue first. */
    public List<VenueGroup> groups()
    {
        return groups;
    }

    /** A group's own table, whose ids start at 0. */
    public InstrumentTable table(final int group)
    {
        return tables.get(group);
    }

    /** The engine-wide id of a group's first instrument. */
    public int base(final int group)
    {
        return bases[group];
    }

    /** The group holding an instrument. */
    public int groupOf(final int id)
    {
        return groupById[id];
    }

    /** @return the group of a venue, matched ignoring case, or -1. */
    public int group(final String venue)
    {
        for (int g = 0; g < groups.size(); g++)
        {
            if (groups.get(g).venue().equalsIgnoreCase(venue))
            {
                return g;
            }
        }
        return -1;
    }

    /** @return the engine-wide id of a venue's symbol, both matched ignoring case, or -1; allocates. */
    public int id(final String venue, final String symbol)
    {
        final int group = group(venue);
        if (group < 0)
        {
            return -1;
        }
        final int local = tables.get(group).lookup(symbol);
        return local < 0 ? -1 : bases[group] + local;
    }

    /** The venues holding a symbol (ignoring case), in group order; allocates. */
    public List<String> venuesOf(final String symbol)
    {
        final List<String> venues = new ArrayList<>(2);
        for (int g = 0; g < groups.size(); g++)
        {
            if (tables.get(g).lookup(symbol) >= 0)
            {
                venues.add(groups.get(g).venue());
            }
        }
        return venues;
    }

    /**
     * The engine-wide id of a symbol held by one venue.
     *
     * @throws IllegalArgumentException naming the symbol when no venue holds it, or naming the venues when more than
     *                                  one does.
     */
    public int id(final String symbol)
    {
        final List<String> venues = venuesOf(symbol);
        if (venues.isEmpty())
        {
            throw new IllegalArgumentException("unknown symbol: " + symbol);
        }
        if (venues.size() > 1)
        {
            throw new IllegalArgumentException("symbol " + symbol.toUpperCase(Locale.ROOT) + " is held by venues " +
                String.join(" and ", venues) + ": name the venue, bookView(venue, symbol)");
        }
        return id(venues.get(0), symbol);
    }

    /**
     * The engine-wide id of a venue's symbol.
     *
     * @throws IllegalArgumentException naming the venue or the symbol the engine does not hold.
     */
    public int require(final String venue, final String symbol)
    {
        final int group = group(venue);
        if (group < 0)
        {
            final List<String> held = new ArrayList<>();
            groups.forEach(g -> held.add(g.venue()));
            throw new IllegalArgumentException("unknown venue: " + venue + " (the engine holds " + String.join(", ", held) + ")");
        }
        final int id = id(venue, symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("unknown symbol: " + symbol + " on venue " + groups.get(group).venue());
        }
        return id;
    }
}
