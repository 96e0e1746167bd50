package io.fathom.engine;

import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.metadata.InstrumentMetadata;
import io.fathom.engine.metadata.InstrumentMetadataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EngineContext#instrumentMetadata(boolean)} step of a launch: fetches each venue's instrument metadata
 * into a concluded live context, before anything is built. Runs on the launching thread.
 */
final class StartMetadata
{
    private static final Logger LOG = LoggerFactory.getLogger(StartMetadata.class);

    private StartMetadata()
    {
    }

    /**
     * Fetches the metadata of every venue that serves it, each merged under the instruments given; with several
     * venues each venue's scales are its own, so the same symbol on two venues may have different scales.
     *
     * @return why a fetch failed (already logged once as a warning; that venue's instruments keep the run-wide
     * scales), the last when several did, or null when every fetch worked or none was asked for.
     */
    static InstrumentMetadataException apply(final EngineContext concluded)
    {
        if (!concluded.instrumentMetadata() || concluded.replay() != null)
        {
            return null;
        }
        InstrumentMetadataException failure = null;
        for (final VenueGroup group : concluded.venueGroups())
        {
            if (!InstrumentMetadata.supports(group.endpoints()))
            {
                continue;
            }
            final InstrumentMetadata.Outcome outcome = InstrumentMetadata.fetch(group.endpoints(),
                concluded.instruments(), group.symbols(), concluded.instrumentMetadataTimeout());
            if (outcome.failure() != null)
            {
                LOG.warn("{}", outcome.failure().getMessage());
                failure = outcome.failure();
                continue;
            }
            LOG.info("instrument metadata: scales of {} instruments from {}", outcome.fetched(),
                InstrumentMetadata.url(group.endpoints()));
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
        return failure;
    }
}
