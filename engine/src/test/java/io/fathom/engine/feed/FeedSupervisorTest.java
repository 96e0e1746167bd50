package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's duty cycle driven by hand: a clock the test moves, transports the test opens and closes. */
class FeedSupervisorTest
{
    private static final long BACKOFF_CAP_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LIFETIME_NS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path runDir;

    private long nowNs = TimeUnit.SECONDS.toNanos(1);
    private FakeClients clients;
    private Journal journal;
    private FeedSupervisor supervisor;

    @AfterEach
    void tearDown()
    {
        supervisor.closeAll(nowNs);
        supervisor.journal().close();
        journal.close();
        clients.close();
    }

    @Test
    void launchesNoMoreConnectionsThanMayBeInFlight()
    {
        start(40, 1, 4);
        supervisor.doWork();
        assertThat(clients.transports).hasSize(4);
        assertThat(clients.transports).allSatisfy(transport -> assertThat(transport.connects).isEqualTo(1));
        assertThat(supervisor.feedsByState()[FeedState.CONNECTING.ordinal()]).isEqualTo(4);
        assertThat(supervisor.feedsByState()[FeedState.NEW.ordinal()]).isEqualTo(36);

        clients.transport(0).opened();
        clients.transport(1).opened();
        supervisor.doWork();

        assertThat(clients.transports).as("two handshakes ended, two more start").hasSize(6);
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.SYNCING);
        assertThat(supervisor.feedState("S4")).isEqualTo(FeedState.CONNECTING);
        assertThat(supervisor.connectionCount()).isEqualTo(40);
    }

    @Test
    void launchesConnectionsInTheOrderTheyWereMade()
    {
        start(6, 2, 1);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();
        clients.transport(1).opened();
        supervisor.doWork();

        assertThat(clients.transports).hasSize(3);
        assertThat(clients.transport(0).uri.toString()).contains("s0@depth").contains("s1@depth");
        assertThat(clients.transport(1).uri.toString()).contains("s2@depth").contains("s3@depth");
        assertThat(clients.transport(2).uri.toString()).contains("s4@depth").contains("s5@depth");
    }

    @Test
    void reconnectsALostConnectionAfterItsBackoff()
    {
        start(1, 1, 4);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();
        clients.transport(0).closed(1006);
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.BACKOFF);
        assertThat(clients.transports).hasSize(1);

        nowNs += BACKOFF_CAP_NS + 1;
        supervisor.doWork();

        assertThat(clients.transports).hasSize(2);
        assertThat(clients.transport(1).connects).isEqualTo(1);
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.CONNECTING);
        assertThat(clients.counters.get(SystemCounter.RECONNECTS).get()).isEqualTo(1);
    }

    @Test
    void aBookLiveBeforeItsConnectionsOpeningIsSeenMakesTheFeedLiveOnOpening()
    {
        start(1, 1, 4);
        supervisor.doWork();
        // the venue sends depth from the handshake on: the handler can sync the book while the open notice still queues
        supervisor.bookStateListener().onBookLive(0);
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.CONNECTING);

        clients.transport(0).opened();
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.LIVE);

        loseAndReconnect(0);
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.CONNECTING);
        supervisor.bookStateListener().onBookLive(0);
        supervisor.doWork();
        clients.transport(1).opened();
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).as("resynchronised on the new connection before its opening was seen")
            .isEqualTo(FeedState.LIVE);
    }

    @Test
    void aBookLiveOnALostConnectionDoesNotMakeTheNextConnectionLive()
    {
        start(1, 1, 4);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();
        supervisor.bookStateListener().onBookLive(0);
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.LIVE);

        loseAndReconnect(0);
        clients.transport(1).opened();
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).as("the book was reset with the lost connection").isEqualTo(FeedState.SYNCING);
    }

    @Test
    void cancellingTheLastFeedClosesItsConnectionThenTheGroup()
    {
        start(1, 1, 4);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();

        final var cancelled = supervisor.cancel("all");
        supervisor.doWork();
        assertThat(clients.transport(0).closes).isEqualTo(1);
        assertThat(cancelled).as("its socket is still held").isNotDone();

        clients.transport(0).closed(1000);
        supervisor.doWork();
        assertThat(supervisor.feedState("S0")).isEqualTo(FeedState.CLOSED);
        assertThat(cancelled).isDone();
    }

    @Test
    void replacesAConnectionBeforeItsMaximumLifetime()
    {
        start(1, 1, 4);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();

        nowNs += LIFETIME_NS * 96 / 100;
        supervisor.doWork();
        assertThat(clients.transports).as("a replacement opens").hasSize(2);

        clients.transport(1).opened();
        supervisor.doWork();
        assertThat(clients.transport(0).closes).as("the old client is closed once replaced").isEqualTo(1);
        assertThat(clients.counters.get(SystemCounter.ROTATIONS).get()).isEqualTo(1);
        assertThat(supervisor.feedState("S0")).as("the feed never left its state").isEqualTo(FeedState.SYNCING);
    }

    @Test
    void aReplacementsFramesFollowTheLastFrameOfTheConnectionItReplaces()
    {
        start(1, 1, 4);
        supervisor.doWork();
        clients.transport(0).opened();
        supervisor.doWork();
        clients.transport(0).frame(diff(1, 2));
        nowNs += LIFETIME_NS * 96 / 100;
        supervisor.doWork();
        clients.transport(1).opened();
        supervisor.doWork();

        clients.transport(1).frame(diff(5, 6));
        clients.transport(0).frame(diff(3, 4)); // the old connection lags: its last frames come after
        supervisor.doWork();
        assertThat(publishedLastIds()).as("the replacement holds its frames").containsExactly(2L, 4L);

        clients.transport(0).closed(1000);
        supervisor.doWork();
        clients.transport(1).frame(diff(7, 8));
        assertThat(publishedLastIds()).as("held frames go on after the old connection's last, in order")
            .containsExactly(2L, 4L, 6L, 8L);
        clients.transport(1).frame(diff(9, 10));
        assertThat(publishedLastIds()).containsExactly(2L, 4L, 6L, 8L, 10L);
    }

    /** The transport's connection is lost; after the longest backoff the supervisor connects anew. */
    private void loseAndReconnect(final int transport)
    {
        clients.transport(transport).closed(1006);
        supervisor.doWork();
        nowNs += BACKOFF_CAP_NS + 1;
        supervisor.doWork();
    }

    private static String diff(final long first, final long last)
    {
        return "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"S0\",\"U\":" + first + ",\"u\":" + last +
            ",\"b\":[[\"1.0\",\"1.0\"]],\"a\":[]}";
    }

    /** The last update id of every delta on the ring, in ring order. */
    private List<Long> publishedLastIds()
    {
        final List<Long> ids = new ArrayList<>();
        for (long sequence = 0; sequence <= clients.ring.getCursor(); sequence++)
        {
            final var event = clients.ring.get(sequence);
            if (event.kind == io.fathom.engine.ring.DepthEvent.KIND_DELTA)
            {
                ids.add(event.lastUpdateId);
            }
        }
        return ids;
    }

    private void start(final int symbolCount, final int streamsPerConnection, final int maxConnectsInFlight)
    {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < symbolCount; i++)
        {
            symbols.add("S" + i);
        }
        clients = new FakeClients(runDir.toFile(), symbols);
        journal = new Journal(runDir.resolve("journal").toFile());
        final FeedPlan plan = new FeedPlan(clients.instruments,
            List.of(new FeedGroupSpec("all", symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO, true)),
            Venue.BINANCE, 100, "ws://127.0.0.1:1");
        final ConnectionLimits limits = new ConnectionLimits(streamsPerConnection, new RateLimiter(1_000_000, 1_000, nowNs),
            maxConnectsInFlight, 10_000, TimeUnit.MILLISECONDS.toNanos(10), BACKOFF_CAP_NS, 3, 0, LIFETIME_NS,
            TimeUnit.SECONDS.toNanos(5));
        final FeedServices services = new FeedServices(clients.activity, clients.publisher, FeedListener.NONE,
            journal.newWriter(), clients.counters, () -> nowNs, org.agrona.concurrent.SystemEpochNanoClock.INSTANCE);
        supervisor = new FeedSupervisor(plan, limits, services, clients);
        supervisor.onStart();
    }
}
