package io.fathom.codec.instrument;

import io.fathom.codec.decimal.FixedPoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One instrument's decimals: its prices are mantissas at {@code priceScale}, its quantities at
 * {@code quantityScale}. Immutable; the symbol is kept as the venue spells it in messages.
 *
 * @param symbol        the venue's symbol, for example {@code SHIBUSDT} or {@code BTC/USD}.
 * @param priceScale    decimals of its prices, 0..{@link FixedPoint#MAX_SCALE}.
 * @param quantityScale decimals of its quantities, 0..{@link FixedPoint#MAX_SCALE}.
 * @param venue         the venue id the entry is for (as {@code --venue} takes it, e.g. {@code binance-usdm}), or
 *                      null for every venue holding the symbol.
 */
public record InstrumentScales(String symbol, int priceScale, int quantityScale, String venue)
{
    /**
     * @throws IllegalArgumentException for an empty or non-ASCII symbol, or a scale outside
     * 0..{@link FixedPoint#MAX_SCALE}.
     */
    public InstrumentScales
    {
        if (null == symbol || symbol.isEmpty() || !symbol.chars().allMatch(c -> c > ' ' && c < 0x7F))
        {
            throw new IllegalArgumentException("symbol must be non-empty printable ASCII: " + symbol);
        }
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "price_scale of " + symbol + " must be 0.." + FixedPoint.MAX_SCALE + ": " + priceScale);
        }
        if (quantityScale < 0 || quantityScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "quantity_scale of " + symbol + " must be 0.." + FixedPoint.MAX_SCALE + ": " + quantityScale);
        }
    }

    /** An entry for every venue holding the symbol. */
    public InstrumentScales(final String symbol, final int priceScale, final int quantityScale)
    {
        this(symbol, priceScale, quantityScale, null);
    }

    /** The symbol as the catalogue matches it: ASCII upper case. */
    public String key()
    {
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** Whether the entry applies to {@code venueId}: it names that venue, or none. */
    public boolean appliesTo(final String venueId)
    {
        return venue == null || venue.equalsIgnoreCase(venueId);
    }

    /**
     * The entries that apply to one venue, one per symbol: an entry naming the venue wins over one naming none for
     * the same symbol; entries naming other venues are left out. Order kept.
     */
    public static List<InstrumentScales> forVenue(final List<InstrumentScales> entries, final String venueId)
    {
        final Set<String> named = new HashSet<>();
        for (final InstrumentScales entry : entries)
        {
            if (entry.venue != null && entry.venue.equalsIgnoreCase(venueId))
            {
                named.add(entry.key());
            }
        }
        final List<InstrumentScales> applying = new ArrayList<>(entries.size());
        for (final InstrumentScales entry : entries)
        {
            if (entry.venue == null ? !named.contains(entry.key()) : entry.venue.equalsIgnoreCase(venueId))
            {
                applying.add(entry);
            }
        }
        return applying;
    }
}
