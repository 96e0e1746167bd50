package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static io.fathom.codec.DepthMessage.NO_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Binance diff whose {@code u} leaps implausibly far ({@code 9223372036854775806}) is a gap, not an update:
 * applied, it would leave the book valid but frozen, every later diff older than its id.
 */
class BinanceIdJumpTest
{
    private static final long HUGE_ID = 9_223_372_036_854_775_806L;
    private static final long SNAPSHOT_ID = 100;

    @TempDir
    Path runDir;

    private EngineCounters counters;
    private final List<Integer> resyncRequests = new ArrayList<>();
    private BookHandler handler;
    private InlineRing ring;

    @AfterEach
    void closeCounters()
    {
        counters.close();
    }

    @Test
    void spotDiffWithAHugeLastIdIsAGap()
    {
        live(Venue.BINANCE);
        publish(101, 102, NO_ID);
        assertThat(handler.book(0).updateId()).isEqualTo(102);

        publish(103, HUGE_ID, NO_ID);

        assertInvalidated();
    }

    @Test
    void spotDiffLeapingFarBeyondTheBookIsAGap()
    {
        live(Venue.BINANCE);

        publish(101, 101 + BinanceSync.MAX_ID_JUMP + 1, NO_ID);

        assertInvalidated();
    }

    @Test
    void spotDiffJustWithinTheBoundApplies()
    {
        live(Venue.BINANCE);

        publish(101, SNAPSHOT_ID + BinanceSync.MAX_ID_JUMP, NO_ID);

        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(counters.value(SystemCounter.GAPS)).isZero();
    }

    @Test
    void futuresDiffWithAHugeLastIdIsAGap()
    {
        live(Venue.BINANCE_USDM);
        publish(95, 105, 94);
        assertThat(handler.book(0).updateId()).isEqualTo(105);

        publish(106, HUGE_ID, 105);

        assertInvalidated();
    }

    @Test
    void futuresFirstDiffAfterTheSnapshotWithAHugeLastIdIsAGap()
    {
        live(Venue.BINANCE_USDM);

        publish(95, HUGE_ID, 94);

        assertInvalidated();
    }

    private void assertInvalidated()
    {
        assertThat(handler.state(0)).as("the book resyncs from a new snapshot").isEqualTo(SyncState.BUFFERING);
        assertThat(counters.value(SystemCounter.GAPS)).isEqualTo(1);
        assertThat(resyncRequests).containsExactly(0, 0);
        assertThat(handler.book(0).updateId()).isNotEqualTo(HUGE_ID);
    }

    /** A book of the venue made live from a snapshot at {@link #SNAPSHOT_ID}, after one old buffered diff. */
    private void live(final Venue venue)
    {
        counters = new EngineCounters(runDir.toFile());
        handler = new BookHandler(
            HandlerSettings.of(1, 16).withPendingMaxLevels(1 << 10).withScales(0, 0),
            BookSync.forVenue(venue, 0), BookCollaborators.of(counters).withRequester(resyncRequests::add));
        ring = new InlineRing(4, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));

        publish(80, 90, 79);
        assertThat(handler.state(0)).isEqualTo(SyncState.BUFFERING);
        final DepthMessage snapshot = new DepthMessage(2).kind(DepthMessage.KIND_SNAPSHOT)
            .firstUpdateId(SNAPSHOT_ID).lastUpdateId(SNAPSHOT_ID);
        snapshot.addLevel(BID, 100, 1);
        snapshot.addLevel(ASK, 101, 1);
        ring.publish(0, snapshot, 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).updateId()).isEqualTo(SNAPSHOT_ID);
    }

    private void publish(final long firstUpdateId, final long lastUpdateId, final long previousUpdateId)
    {
        final DepthMessage diff = new DepthMessage(1).kind(DepthMessage.KIND_DELTA)
            .firstUpdateId(firstUpdateId).lastUpdateId(lastUpdateId).previousUpdateId(previousUpdateId);
        diff.addLevel(BID, 99, 2);
        ring.publish(0, diff, 0L);
    }
}
