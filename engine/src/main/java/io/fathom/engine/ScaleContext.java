package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.codec.instrument.ScaleCatalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@link EngineContext} that give prices and quantities their decimals: each instrument's
 * own scales, and the run-wide scales of any instrument without its own. Setters return the context; they
 * conclude into {@link #scaleCatalogue()}, which the decoders, books, views and journal take.
 */
abstract sealed class ScaleContext extends VenueFeedsContext permits JournalDiskContext
{
    private int priceScale = 8;
    private int quantityScale = 8;
    private List<InstrumentScales> instruments = List.of();
    private ScaleCatalogue scaleCatalogue;
    private boolean instrumentMetadata;
    private Duration instrumentMetadataTimeout = Duration.ofSeconds(5);
    private final Map<String, List<InstrumentScales>> venueInstruments = new HashMap<>();

    /**
     * Decimals of price mantissas of an instrument without scales of its own, 0..{@link FixedPoint#MAX_SCALE};
     * default 8.
     */
    public EngineContext priceScale(final int priceScale)
    {
        this.priceScale = priceScale;
        return self();
    }

    public int priceScale()
    {
        return priceScale;
    }

    /**
     * Decimals of quantity mantissas of an instrument without scales of its own,
     * 0..{@link FixedPoint#MAX_SCALE}; default 8.
     */
    public EngineContext quantityScale(final int quantityScale)
    {
        this.quantityScale = quantityScale;
        return self();
    }

    public int quantityScale()
    {
        return quantityScale;
    }

    /**
     * Instruments with scales of their own (as the venue spells them); the others take {@link #priceScale()} and
     * {@link #quantityScale()}. An entry naming a venue ({@link InstrumentScales#venue()}) applies to that venue only
     * and wins there over an entry naming none, which applies to every venue holding the symbol; a symbol is listed
     * once per venue and once without one. Default none. An entry for a symbol the engine does not hold (on its
     * venue) is allowed (a catalogue may list more) and has no effect; {@link #unheldInstruments()} names them.
     */
    public EngineContext instruments(final List<InstrumentScales> instruments)
    {
        this.instruments = instruments == null ? null : List.copyOf(instruments);
        return self();
    }

    public List<InstrumentScales> instruments()
    {
        return instruments;
    }

    /** The {@link #instruments()} that apply to {@code venue}, one per symbol. */
    public List<InstrumentScales> instrumentsFor(final String venue)
    {
        return InstrumentScales.forVenue(instruments, venue);
    }

    /**
     * Whether {@link Engine#launch} fetches the Binance venues' {@code exchangeInfo} from the REST base before the
     * feeds start, taking each held instrument's scales from its tick and step sizes; {@link #instruments()} entries
     * win, and a failed fetch falls back to the run-wide scales with one warning. Default off; ignored in replay.
     */
    public EngineContext instrumentMetadata(final boolean instrumentMetadata)
    {
        this.instrumentMetadata = instrumentMetadata;
        return self();
    }

    public boolean instrumentMetadata()
    {
        return instrumentMetadata;
    }

    /** How long the {@link #instrumentMetadata(boolean)} fetch may take, connection included; default 5 s. */
    public EngineContext instrumentMetadataTimeout(final Duration instrumentMetadataTimeout)
    {
        this.instrumentMetadataTimeout = instrumentMetadataTimeout;
        return self();
    }

    public Duration instrumentMetadataTimeout()
    {
        return instrumentMetadataTimeout;
    }

    /** Each instrument's scales with the run-wide fallback, once concluded. */
    public ScaleCatalogue scaleCatalogue()
    {
        return scaleCatalogue;
    }

    /**
     * The symbols of {@link #instruments()} that are not among the symbols held (on the entry's venue, where it names
     * one: then as {@code venue:SYMBOL}), in the order given.
     */
    public List<String> unheldInstruments()
    {
        final List<String> unheld = new ArrayList<>();
        if (instruments != null)
        {
            for (final InstrumentScales instrument : instruments)
            {
                final List<String> held = instrument.venue() == null ? allSymbols() : venueSymbols(instrument.venue());
                if (held.stream().noneMatch(s -> s.equalsIgnoreCase(instrument.symbol())))
                {
                    unheld.add(instrument.venue() == null ? instrument.symbol() : instrument.venue() + ":" + instrument.symbol());
                }
            }
        }
        return unheld;
    }

    /**
     * The scales of one venue's instruments in an engine of several venues, where a symbol's scales may differ from
     * venue to venue: {@link #instruments()} merged with what the venue's metadata gave; set by the launch.
     */
    void venueInstruments(final String venue, final List<InstrumentScales> instruments)
    {
        venueInstruments.put(venue, List.copyOf(instruments));
    }

    void concludeScales()
    {
        ContextChecks.require(ContextChecks.inRange(priceScale, 0, FixedPoint.MAX_SCALE), "priceScale",
            "must be 0.." + FixedPoint.MAX_SCALE + " (got " + priceScale + ")");
        ContextChecks.require(ContextChecks.inRange(quantityScale, 0, FixedPoint.MAX_SCALE), "quantityScale",
            "must be 0.." + FixedPoint.MAX_SCALE + " (got " + quantityScale + ")");
        ContextChecks.require(instruments != null, "instruments", "must not be null");
        instruments.stream().filter(i -> i.venue() != null && Venue.find(i.venue()) == null).findFirst().ifPresent(i ->
        {
            throw new InvalidSettingException("instruments", "venue of " + i.symbol() + " must be one of: " + Venue.ids() +
                " (got '" + i.venue() + "')");
        });
        ContextChecks.require(instrumentMetadataTimeout != null && !instrumentMetadataTimeout.isNegative() &&
            !instrumentMetadataTimeout.isZero(), "instrumentMetadataTimeout", "must be positive");
        try
        {
            scaleCatalogue = ScaleCatalogue.of(priceScale, quantityScale, instrumentsFor(venue()));
        }
        catch (final IllegalArgumentException e)
        {
            throw new InvalidSettingException("instruments", e.getMessage());
        }
        concludeVenueGroups(endpoints -> ScaleCatalogue.of(priceScale, quantityScale, venueInstruments.containsKey(
            endpoints.venue()) ? venueInstruments.get(endpoints.venue()) : instrumentsFor(endpoints.venue())));
    }
}
