package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.replay.JournalVerifier;
import io.fathom.tools.replay.JournalWalker;
import io.fathom.tools.sim.SimFaults;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every venue end to end on loopback: the simulator speaks the venue's protocol, the engine syncs every
 * book through the venue's rule, a corrupted checksum or a sequence gap the simulator injects is caught,
 * counted and resynced through the venue's own path, and the engine shuts down clean with a journal that
 * {@code replay --verify} rebuilds without a difference.
 */
class VenueSystemTest
{
    private static final int SYMBOLS = 12;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Venue.class)
    void syncsEveryBookCatchesInjectedFaultsAndShutsDownClean(final Venue venue)
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .venue(venue).symbolCount(SYMBOLS).ratePerSecond(2_000).seed(5).wsPort(0).restPort(0)))
        {
            final EngineContext context = new EngineContext()
                .venue(venue.id())
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .streamsPerConnection(4)
                .snapshotRatePerSecond(1_000)
                .connectRatePerSecond(100)
                .connectBurst(10)
                .venueDepth(25)
                .journalSnapshotInterval(Duration.ofMillis(500))
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile());
            if (venue == Venue.KRAKEN)
            {
                context.priceScale(simulator.pricePrecision()).quantityScale(simulator.quantityPrecision());
            }
            final Engine engine = Engine.launch(context);
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, venue + ": every book live");
                final long seen = engine.counters().value(SystemCounter.EVENTS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > seen + 500, "updates flowing");

                if (SimFaults.hasChecksum(venue))
                {
                    final long resyncs = engine.counters().value(SystemCounter.RESYNCS);
                    simulator.faults().corruptChecksums(1);
                    Await.until(() -> engine.counters().value(SystemCounter.CHECKSUM_FAILURES) == 1, "the corrupted update caught");
                    assertThat(engine.counters().value(SystemCounter.CHECKSUMS_VERIFIED)).isPositive();
                    awaitResynced(engine, resyncs);
                }
                if (venue == Venue.OKX)
                {
                    final long resyncs = engine.counters().value(SystemCounter.RESYNCS);
                    simulator.faults().skipSequence(1);
                    Await.until(() -> engine.counters().value(SystemCounter.GAPS) >= 1, "the seqId gap caught");
                    awaitResynced(engine, resyncs);
                }
                if (venue == Venue.COINBASE)
                {
                    final long resyncs = engine.counters().value(SystemCounter.RESYNCS);
                    simulator.faults().skipSequence(1);
                    Await.until(() -> engine.counters().value(SystemCounter.CONNECTION_SEQUENCE_GAPS) >= 1,
                        "the sequence_num gap caught");
                    awaitResynced(engine, resyncs);
                }
            }
            finally
            {
                report = engine.shutdown();
            }

            assertThat(report.clean()).as("%s shutdown: %s", venue, report.failures()).isTrue();
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            assertThat(engine.counters().value(SystemCounter.EVENTS_CONSUMED)).isEqualTo(published);
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            assertThat(engine.counters().value(SystemCounter.CROSSED_BOOKS)).isZero();

            final JournalVerifier verifier = new JournalVerifier();
            try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
            {
                reader.readAll(new JournalWalker().add(verifier));
            }
            assertThat(verifier.differences()).as("%s journal rebuilt against its snapshots", venue).isEmpty();
            assertThat(verifier.snapshotsCompared()).isGreaterThanOrEqualTo(SYMBOLS);
        }
    }

    /** Waits for a resync after {@code resyncsBefore} and for every book to be live again. */
    private static void awaitResynced(final Engine engine, final long resyncsBefore)
    {
        Await.until(() -> engine.counters().value(SystemCounter.RESYNCS) > resyncsBefore && engine.booksLive() == SYMBOLS,
            "books resynced");
    }
}
