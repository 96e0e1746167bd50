package io.fathom.engine;

import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.feed.VenueGroup;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.feed.VenueEndpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What a run's {@code session_start} record says of it: what a replay needs to reproduce its signals. */
final class SessionDescription
{
    private SessionDescription()
    {
    }

    /** The session's id, book settings and a {@code key=value} description of where its data came from. */
    static SessionRecords.SessionConfig config(final EngineContext context, final String sessionSource)
    {
        final VenueEndpoints venue = context.venueEndpoints();
        return new SessionRecords.SessionConfig(
            ThreadLocalRandom.current().nextLong(), context.books().pressureDepth(), context.books().capacityPerSide(),
            context.journal().snapshotInterval().toMillis(),
            "venue=" + venue.venue() + venues(context) + " venue_depth=" + venue.venueDepth() + " " + sessionSource +
            " levels_per_event=" + context.ring().levelsPerEvent() + " ring=" + context.ring().size());
    }

    /** With several venues, {@code " venues=binance,okx"}; nothing for one. */
    private static String venues(final EngineContext context)
    {
        final List<VenueGroup> groups = context.venueGroups();
        if (groups.size() == 1)
        {
            return "";
        }
        final List<String> venues = new ArrayList<>(groups.size());
        groups.forEach(group -> venues.add(group.venue()));
        return " venues=" + String.join(",", venues);
    }

    /** Every instrument with its id, venue, symbol and scales. */
    static List<SessionRecords.Instrument> instruments(final EngineContext context, final VenueInstruments instruments)
    {
        final List<SessionRecords.Instrument> table = new ArrayList<>(instruments.size());
        for (int id = 0; id < instruments.size(); id++)
        {
            table.add(new SessionRecords.Instrument(
                id, instruments.venue(id), instruments.symbol(id), instruments.scales().priceScale(id),
                instruments.scales().quantityScale(id)));
        }
        return table;
    }
}
