package io.fathom.engine;

import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.metadata.InstrumentMetadata;
import io.fathom.engine.metadata.InstrumentMetadataException;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link EngineContext#instrumentMetadata(boolean)} step of a launch: fetches each venue's instrument metadata
 * into a concluded live context, before anything is built. Runs on the launching thread.
 */
final class StartMetadata
{
    private static final Logger LOG = LoggerFactory.getLogger(StartMetadata.class);

    /**
     * What the fetches gave, for the counters once they exist.
     *
     * @param fetched  held instruments whose scales came from metadata, over every venue.
     * @param failures why each failed request failed (already logged once as a warning), in venue order.
     */
    record Result(int fetched, List<InstrumentMetadataException> failures)
    {
        static final Result NONE = new Result(0, List.of());

        /** Counts the instruments and failures and records each failure in the distinct-error log. */
        void record(final EngineCounters counters)
        {
            counters.get(SystemCounter.INSTRUMENT_METADATA_INSTRUMENTS).getAndAdd(fetched);
            counters.get(SystemCounter.INSTRUMENT_METADATA_FAILURES).getAndAdd(failures.size());
            failures.forEach(counters::recordError);
        }
    }

    private StartMetadata()
    {
    }

    /**
     * Fetches the metadata of every venue that serves it (a venue with a metadata source and a REST base), each
     * merged under the instruments given; with several venues each venue's scales are its own, so the same symbol on
     * two venues may have different scales. A failed request leaves its instruments at the scales given or the
     * run-wide ones.
     */
    static Result apply(final EngineContext concluded)
    {
        if (!concluded.instrumentMetadata() || concluded.replay() != null)
        {
            return Result.NONE;
        }
        final List<InstrumentMetadataException> failures = new ArrayList<>();
        int fetched = 0;
        for (final VenueGroup group : concluded.venueGroups())
        {
            if (!InstrumentMetadata.supports(group.endpoints()))
            {
                continue;
            }
            final InstrumentMetadata.Outcome outcome = InstrumentMetadata.fetch(group.endpoints(),
                concluded.instrumentsFor(group.venue()), group.symbols(), concluded.instrumentMetadataTimeout());
            if (outcome.failure() != null)
            {
                LOG.warn("{}", outcome.failure().getMessage());
                failures.add(outcome.failure());
            }
            if (outcome.fetched() == 0)
            {
                continue;
            }
            fetched += outcome.fetched();
            LOG.info("instrument metadata: scales of {} instruments from {}", outcome.fetched(),
                InstrumentMetadata.urls(group.endpoints(), group.symbols()));
            if (concluded.venueGroups().size() == 1)
            {
                concluded.instruments(outcome.instruments());
            }
            else
            {
                concluded.venueInstruments(group.venue(), outcome.instruments()); // a symbol's scales may differ by venue
            }
            concluded.concludeScales(); // the rest of the context is concluded already
        }
        return new Result(fetched, failures);
    }
}
