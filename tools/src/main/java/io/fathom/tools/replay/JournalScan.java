package io.fathom.tools.replay;

import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.journal.JournalReader;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code run --source journal:DIR} needs before it starts: every instrument of a venue the
 * journal's sessions held, in order of first appearance, and the configuration its signals were
 * computed with. Reads only session starts, skipping everything else without copying it.
 *
 * @param symbols  the venue's symbols, upper case, in order of first appearance.
 * @param sessions session starts, continuations included.
 * @param config   the first session's configuration that says anything (version 2), or {@link SessionRecords.SessionConfig#UNKNOWN}.
 * @param mixedConfigs whether sessions disagree on pressure depth or book capacity.
 * @param scales   each symbol's scales as its first session journaled them, in the order of {@code symbols}.
 */
public record JournalScan(
    List<String> symbols,
    int sessions,
    SessionRecords.SessionConfig config,
    boolean mixedConfigs,
    List<InstrumentScales> scales)
{
    public static JournalScan scan(final File directory, final String venue)
    {
        final Map<String, InstrumentScales> symbols = new LinkedHashMap<>();
        final List<SessionRecords.SessionConfig> configs = new ArrayList<>();
        try (JournalReader reader = new JournalReader(directory))
        {
            final JournalReader.Visitor visitor = (template, buffer, length, index) -> onStart(
                SessionRecords.decodeStart(buffer, 0, length), venue, symbols, configs);
            while (reader.readOne(visitor, JournalTemplate.SESSION_START))
            {
                // session starts only
            }
        }
        SessionRecords.SessionConfig config = SessionRecords.SessionConfig.UNKNOWN;
        boolean mixed = false;
        for (final SessionRecords.SessionConfig candidate : configs)
        {
            if (candidate.pressureDepth() <= 0)
            {
                continue;
            }
            if (config.pressureDepth() <= 0)
            {
                config = candidate;
            }
            mixed |= candidate.pressureDepth() != config.pressureDepth() ||
                candidate.bookCapacityPerSide() != config.bookCapacityPerSide();
        }
        return new JournalScan(List.copyOf(symbols.keySet()), configs.size(), config, mixed,
            List.copyOf(symbols.values()));
    }

    private static void onStart(
        final SessionRecords.SessionStart start,
        final String venue,
        final Map<String, InstrumentScales> symbols,
        final List<SessionRecords.SessionConfig> configs)
    {
        configs.add(start.config());
        for (final SessionRecords.Instrument instrument : start.instruments())
        {
            if (instrument.venue().equalsIgnoreCase(venue))
            {
                final String symbol = instrument.symbol().toUpperCase(Locale.ROOT);
                symbols.putIfAbsent(symbol, new InstrumentScales(symbol, instrument.priceScale(), instrument.quantityScale()));
            }
        }
    }
}
