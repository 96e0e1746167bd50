package io.fathom.engine.sync;

import io.fathom.codec.Venue;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookScript.Batch;
import io.fathom.engine.sync.BookScript.Instrument;
import io.fathom.engine.sync.BookScript.Op;
import io.fathom.engine.sync.VenueFeed.Knobs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.HdrHistogram.Recorder;
import org.agrona.IoUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a venue sync property draws per try, and the engine each try runs against. */
final class VenueScripts
{
    /** Levels a book side holds: every level a generated evolution reaches, for venues sent in full depth. */
    static final int CAPACITY_PER_SIDE = 1024;

    private static final Recorder LATENCY = new Recorder(3_600_000_000_000L, 3);
    /**
     * Counters per thread, reset for each try: jqwik shrinks on another thread, which may outlive the
     * property, so no two threads share counters and none is unmapped while a thread may still write.
     */
    private static final ThreadLocal<EngineCounters> COUNTERS = ThreadLocal.withInitial(VenueScripts::newCounters);
    private static final List<Path> RUN_DIRS = new CopyOnWriteArrayList<>();

    /**
     * The engine's side of a try: levels per ring event (small ones split messages), which book, and for Kraken
     * whether a side holds only twice the depth (room for what one generated message adds before it is cut).
     */
    record EngineKnobs(int levelsPerEvent, int instrumentId, boolean smallBook)
    {
    }

    /** Everything a try draws; {@code pick} chooses among the faults a feed offers. */
    record Script(
        Instrument instrument, List<Op> opening, List<Batch> batches, Knobs knobs, EngineKnobs engine, int pick)
    {
    }

    private VenueScripts()
    {
    }

    /**
     * @param precisionIsScale Kraken v2's checksum takes the instrument's precision, so the engine's scales
     *                         must be it.
     */
    static Arbitrary<Script> scripts(final boolean precisionIsScale)
    {
        final Arbitrary<Knobs> knobs = Combinators.combine(
            Arbitraries.longs().between(1, 1L << 50),
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 3).map(choice -> choice > 0),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 100_000),
            Arbitraries.integers().between(0, 2))
            .as(Knobs::new);
        final Arbitrary<EngineKnobs> engine = Combinators.combine(
            Arbitraries.integers().between(1, 16),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, false))
            .as(EngineKnobs::new);
        return Combinators.combine(
            BookScript.instruments(precisionIsScale),
            BookScript.openings(),
            BookScript.batches(),
            knobs,
            engine,
            Arbitraries.integers().between(0, 100_000))
            .as(Script::new);
    }

    static VenueFeed feed(final Venue venue, final Script script)
    {
        return VenueFeed.of(venue, script.instrument(), script.knobs(), script.opening(), script.batches());
    }

    /** An engine whose sides hold the whole generated book (for Kraken, maybe only twice the depth). */
    static SyncRun run(final VenueFeed feed, final Script script)
    {
        final boolean small = VenueFeed.isKraken(feed.venue()) && script.engine().smallBook();
        return run(feed, script, small ? 2 * feed.depth() : CAPACITY_PER_SIDE);
    }

    static SyncRun run(final VenueFeed feed, final Script script, final int capacityPerSide)
    {
        final EngineCounters counters = COUNTERS.get();
        for (final SystemCounter counter : SystemCounter.values())
        {
            counters.get(counter).set(0);
        }
        final EngineKnobs engine = script.engine();
        return new SyncRun(feed, counters, LATENCY, capacityPerSide, engine.levelsPerEvent(), engine.instrumentId());
    }

    /** Removes the counters files; the mappings stay valid for any thread still using them. */
    static void deleteCountersFiles()
    {
        RUN_DIRS.forEach(dir -> IoUtil.delete(dir.toFile(), true));
    }

    private static EngineCounters newCounters()
    {
        try
        {
            final Path dir = Files.createTempDirectory("venue-sync");
            RUN_DIRS.add(dir);
            return new EngineCounters(dir.toFile());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
