package io.fathom.tools.cli;

import io.fathom.engine.Engine;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.view.TopOfBook;

import java.util.ArrayList;
import java.util.List;

/** Books counted per venue for the summary lines of an engine that holds several venues. */
final class VenueBooks
{
    private VenueBooks()
    {
    }

    /** After the engine's shutdown: one line per venue, e.g. {@code summary: venue okx books=4 valid=4}; none for one venue. */
    static List<String> summary(final Engine engine)
    {
        final VenueInstruments instruments = engine.instruments();
        final List<String> lines = new ArrayList<>();
        if (instruments.groups().size() < 2)
        {
            return lines;
        }
        for (int g = 0; g < instruments.groups().size(); g++)
        {
            final int count = instruments.table(g).size();
            int valid = 0;
            for (int id = instruments.base(g); id < instruments.base(g) + count; id++)
            {
                valid += engine.bookHandler().state(id) == SyncState.LIVE ? 1 : 0;
            }
            lines.add("summary: venue " + instruments.groups().get(g).venue() + " books=" + count + " valid=" + valid);
        }
        return lines;
    }
}
