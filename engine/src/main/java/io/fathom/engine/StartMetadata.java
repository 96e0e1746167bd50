package io.fathom.engine;

import io.fathom.engine.metadata.InstrumentMetadata;
import io.fathom.engine.metadata.InstrumentMetadataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EngineContext#instrumentMetadata(boolean)} step of a launch: fetches the venue's instrument metadata
 * into a concluded live context, before anything is built. Runs on the launching thread.
 */
final class StartMetadata
{
    private static final Logger LOG = LoggerFactory.getLogger(StartMetadata.class);

    private StartMetadata()
    {
    }

    /**
     * @return why the fetch failed (already logged once as a warning; the context keeps its run-wide scales), or
     * null when it worked or was not asked for.
     */
    static InstrumentMetadataException apply(final EngineContext concluded)
    {
        if (!concluded.instrumentMetadata() || concluded.replay() != null ||
            !InstrumentMetadata.supports(concluded.venueEndpoints()))
        {
            return null;
        }
        final InstrumentMetadata.Outcome outcome = InstrumentMetadata.fetch(concluded.venueEndpoints(),
            concluded.instruments(), concluded.symbols(), concluded.instrumentMetadataTimeout());
        if (outcome.failure() != null)
        {
            LOG.warn("{}", outcome.failure().getMessage());
            return outcome.failure();
        }
        LOG.info("instrument metadata: scales of {} instruments from {}", outcome.fetched(),
            InstrumentMetadata.url(concluded.venueEndpoints()));
        concluded.instruments(outcome.instruments()).concludeScales(); // the rest of the context is concluded already
        return null;
    }
}
