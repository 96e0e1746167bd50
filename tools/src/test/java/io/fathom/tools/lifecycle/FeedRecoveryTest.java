package io.fathom.tools.lifecycle;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults injected in the simulator, and the engine finding its way back each time. */
class FeedRecoveryTest
{
    private static final int MASS_FEEDS = 500;
    /** The bound this test holds the engine to: every feed live again after a mass disconnect. */
    private static final Duration MASS_RECOVERY_BOUND = Duration.ofSeconds(30);
    /** How long to wait for the recovery at all: well past the bound, so a slow recovery is measured, not cut off. */
    private static final Duration MASS_RECOVERY_DEADLINE = MASS_RECOVERY_BOUND.multipliedBy(4);
    /** The stale threshold of the stall test. */
    private static final Duration STALE_AFTER = Duration.ofMillis(500);
    /** Allowance on a loaded host for the engine's timer and the listener running late (they never run early). */
    private static final Duration SCHEDULING_HEADROOM = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void massDisconnectComesBackUnderTheAdmissionLimitAndResyncsEveryBook() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(MASS_FEEDS, 5_000))
        {
            harness.launch(harness.config(dir).streamsPerConnection(1)
                .connectRatePerSecond(200).connectBurst(20).snapshotRatePerSecond(1_000));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == MASS_FEEDS, Duration.ofSeconds(60), "every feed live");

            final long dropNanos = System.nanoTime();
            harness.simulator.faults().dropAllConnections();
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) < MASS_FEEDS, Duration.ofSeconds(10), "feeds noticing");
            EngineHarness.await(() -> harness.backLiveNanos(dropNanos).size() == MASS_FEEDS, MASS_RECOVERY_DEADLINE,
                () -> "every feed reported live again; " + harness.notBackLive(dropNanos));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == MASS_FEEDS, MASS_RECOVERY_DEADLINE, "every feed live again");
            // measured from the listener's stamps, not from when the wait above returned
            final Duration recovery = Duration.ofNanos(
                harness.backLiveNanos(dropNanos).values().stream().mapToLong(Long::longValue).max().orElseThrow() - dropNanos);

            final int worstWindow = EngineHarness.maxInWindow(harness.connectAttemptNanos(), dropNanos, Duration.ofMillis(100));
            // the listener stamps an attempt as its connect starts, after the admission: on a loaded host one attempt's
            // set-up can push its stamp towards the next, so a window may hold one more than were admitted in it
            assertThat(worstWindow).as("connect attempts in any 100 ms: burst 20 + 200/s x 0.1 s, +1 for the stamps")
                .isLessThanOrEqualTo(41);
            assertThat(java.util.Arrays.stream(harness.simulator.faults().handshakeTimesNanos()).filter(t -> t >= dropNanos).count())
                .as("the simulator saw the reconnects").isGreaterThanOrEqualTo(MASS_FEEDS);
            assertThat(harness.engine.counters().value(SystemCounter.RECONNECTS)).isGreaterThanOrEqualTo(MASS_FEEDS);
            assertThat(recovery).as("from the drop to the last feed live again").isLessThan(MASS_RECOVERY_BOUND);
            assertThat(harness.engine.counters().value(SystemCounter.HANDLER_ERRORS)).as("errors in any engine thread").isZero();

            final ShutdownReport report = harness.engine.shutdown();
            assertThat(report.clean()).isTrue();

            final Set<Integer> lost = new HashSet<>();
            final Map<Integer, Integer> syncsAfterLoss = new HashMap<>();
            final BookStateRecord state = BookStateRecord.reader();
            final SnapshotRecord snapshot = SnapshotRecord.reader();
            try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
            {
                reader.readAll((template, buffer, length, index) ->
                {
                    if (template == JournalTemplate.BOOK_STATE)
                    {
                        state.wrap(buffer, 0);
                        if (state.reason() == BookStateRecord.REASON_CONNECTION_LOST)
                        {
                            lost.add(state.instrumentId());
                        }
                    }
                    else if (template == JournalTemplate.SNAPSHOT)
                    {
                        snapshot.wrap(buffer, 0);
                        if (snapshot.reason() == SnapshotRecord.REASON_SYNC && lost.contains(snapshot.instrumentId()))
                        {
                            syncsAfterLoss.merge(snapshot.instrumentId(), 1, Integer::sum);
                        }
                    }
                });
            }
            assertThat(lost).as("books whose loss the journal marks").hasSize(MASS_FEEDS);
            assertThat(syncsAfterLoss).as("books the journal shows resynchronised after it").hasSize(MASS_FEEDS);
        }
    }

    @Test
    void fiveHundredBooksResyncWithinTheRequestRateAndHonourRetryAfter() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(MASS_FEEDS, 5_000))
        {
            harness.simulator.faults().rest429(1, 2);
            final long startNanos = System.nanoTime();
            harness.launch(harness.config(dir).streamsPerConnection(50).snapshotRatePerSecond(100));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == MASS_FEEDS, Duration.ofSeconds(60),
                "every feed live");

            final long[] requests = java.util.Arrays.stream(harness.simulator.faults().restRequestTimesNanos())
                .filter(t -> t >= startNanos).sorted().toArray();
            assertThat(requests.length).isGreaterThanOrEqualTo(MASS_FEEDS + 1);
            // the first request is answered 429 with Retry-After: 2. Fetches already in flight still reach the venue
            // (on a loaded host, late); nothing new is sent in the 2 s. Ignoring it would send ~200 at 100 a second.
            final long pauseEndNs = requests[0] + TimeUnit.SECONDS.toNanos(2);
            final long duringPause = java.util.Arrays.stream(requests).filter(t -> t > requests[0] && t < pauseEndNs).count();
            assertThat(duringPause).as("requests within the 429's Retry-After: 2, at most those already in flight")
                .isLessThanOrEqualTo(2L * SnapshotFetcher.MAX_IN_FLIGHT);
            assertThat(harness.engine.counters().value(SystemCounter.SNAPSHOT_RATE_LIMITED)).isEqualTo(1);

            final long dropNanos = System.nanoTime();
            harness.simulator.faults().dropAllConnections();
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) < MASS_FEEDS, Duration.ofSeconds(10), "feeds noticing");
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == MASS_FEEDS, Duration.ofSeconds(60),
                "every feed live again");
            final int worst = EngineHarness.maxInWindow(
                harness.simulator.faults().restRequestTimesNanos(), dropNanos, Duration.ofSeconds(1));
            // sent at 100/s with a burst of 10; the venue stamps arrivals, and requests in flight together may arrive
            // bunched (connection set-up on a loaded host), by at most the fetches in flight at once
            assertThat(worst).as("snapshot requests in any second while 500 books resync: 100/s, burst 10")
                .isLessThanOrEqualTo(110 + SnapshotFetcher.MAX_IN_FLIGHT);
            assertThat(harness.engine.counters().value(SystemCounter.HANDLER_ERRORS)).as("errors in any engine thread").isZero();
        }
    }

    @Test
    void stalledFeedIsReportedStaleThenRecovers() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(5, 500))
        {
            harness.launch(harness.config(dir).staleAfter(STALE_AFTER));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 5, Duration.ofSeconds(30), "every feed live");

            // the stall lasts until every feed has been reported stale, however late the engine's timer runs
            final long stallNanos = System.nanoTime();
            harness.simulator.faults().stall(Duration.ofMinutes(10));
            final Duration staleDeadline = STALE_AFTER.multipliedBy(2).plus(SCHEDULING_HEADROOM);
            EngineHarness.await(() -> harness.symbolsThatWent(FeedState.LIVE, FeedState.STALE, stallNanos).size() == 5,
                staleDeadline, "every feed reported stale");
            final long resumeNanos = System.nanoTime();
            harness.simulator.faults().stall(Duration.ZERO);
            EngineHarness.await(() -> harness.symbolsThatWent(null, FeedState.LIVE, resumeNanos).size() == 5,
                staleDeadline, "every feed reported live again");
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 5, staleDeadline, "feeds live again");

            assertThat(harness.transitions).anyMatch(t -> t.from() == FeedState.LIVE && t.to() == FeedState.STALE &&
                t.cause().startsWith("no data for"));
            assertThat(harness.engine.counters().value(SystemCounter.STALE_FEEDS)).isGreaterThanOrEqualTo(5);
        }
    }

    /** Java-WebSocket has a lost-connection timer; the JDK client has none, so its transport pings itself. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void silentPeerIsDroppedByPingTimeoutAndReconnected(final Transport transport) throws Exception
    {
        try (EngineHarness harness = new EngineHarness(3, 300))
        {
            harness.launch(harness.config(dir).transport(transport).pingInterval(Duration.ofSeconds(1)).streamsPerConnection(3));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 3, Duration.ofSeconds(30), "every feed live");

            harness.simulator.faults().stopAnsweringPings(Duration.ofSeconds(4));
            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.RECONNECTS) >= 1,
                Duration.ofSeconds(20), "a reconnect after missing pongs");
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 3, Duration.ofSeconds(30), "feeds live again");
            assertThat(harness.transitions).anyMatch(t -> t.to() == FeedState.BACKOFF);
        }
    }

    @Test
    void connectionsAreReplacedBeforeTheirLifetimeWithoutLosingCoverage() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(6, 1_200))
        {
            harness.launch(harness.config(dir).streamsPerConnection(3).maxConnectionLifetime(Duration.ofSeconds(2)));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 6, Duration.ofSeconds(30), "every feed live");
            EngineHarness.await(() -> harness.transitions.stream().filter(t -> t.to() == FeedState.LIVE).count() == 6,
                Duration.ofSeconds(5), "the listener told of every feed going live");
            final int transitionsWhenLive = harness.transitions.size();

            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.ROTATIONS) >= 4,
                Duration.ofSeconds(20), "both connections replaced twice");

            assertThat(harness.engine.counters().value(SystemCounter.GAPS)).isZero();
            assertThat(harness.transitions.subList(transitionsWhenLive, harness.transitions.size()))
                .as("no feed left LIVE while its connection was replaced").isEmpty();
            assertThat(harness.feeds(FeedState.LIVE)).isEqualTo(6);
        }
    }

    @Test
    void malformedFramesAndSkippedSequencesAreCountedAndResynced() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(4, 800))
        {
            harness.launch(harness.config(dir));
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 4, Duration.ofSeconds(30), "every feed live");

            harness.simulator.faults().malformedFrames(3);
            harness.simulator.faults().skipSequence(2);
            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.DECODE_ERRORS) == 3,
                Duration.ofSeconds(20), "three decode errors");
            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.GAPS) >= 1,
                Duration.ofSeconds(20), "a gap");
            EngineHarness.await(() -> harness.feeds(FeedState.LIVE) == 4 &&
                harness.engine.counters().value(SystemCounter.RESYNCS) >= 1, Duration.ofSeconds(30), "books resynchronised");
            EngineHarness.await(() -> harness.transitions.stream()
                .anyMatch(t -> t.to() == FeedState.RESYNCING && t.cause().contains("gap")), Duration.ofSeconds(10),
                "a feed reported resyncing after the gap");
        }
    }
}
