package io.fathom.engine.sync;

import io.fathom.engine.sync.VenueScripts.Script;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** What the venue property tests share: how many tries, the scripts they draw, the counters files removed after. */
abstract class VenueScriptProperties
{
    static final int TRIES = 200;

    @AfterContainer
    static void deleteCountersFiles()
    {
        VenueScripts.deleteCountersFiles();
    }

    @Provide
    Arbitrary<Script> scripts()
    {
        return VenueScripts.scripts(false);
    }

    /** Kraken v2's checksum takes the instrument's precision, so the engine's scales must be it. */
    @Provide
    Arbitrary<Script> krakenScripts()
    {
        return VenueScripts.scripts(true);
    }
}
