package io.fathom.engine.handler;

import io.fathom.engine.sync.BookSync;
import io.fathom.codec.Venue;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.codec.DepthMessage;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static io.fathom.engine.handler.DepthMessages.delta;
import static io.fathom.engine.handler.DepthMessages.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The Binance sync procedure, event by event. */
class BookHandlerTest
{
    private static final int LEVELS_PER_EVENT = 32;

    @TempDir
    Path runDir;

    private EngineCounters counters;
    private FeedCounters feedCounters;
    private BookHandler handler;
    private InlineRing driver;
    private final List<Integer> snapshotRequests = new ArrayList<>();
    private final List<Long> updatesSeen = new ArrayList<>();
    private final List<Boolean> topChangesSeen = new ArrayList<>();

    @BeforeEach
    void setUp()
    {
        counters = new EngineCounters(runDir.toFile());
        feedCounters = new FeedCounters(counters, "binance", List.of("S0", "S1"));
        final BookListener listener = (book, topChanged, pressure) ->
        {
            updatesSeen.add(book.updateId());
            topChangesSeen.add(topChanged);
        };
        handler = new BookHandler(HandlerSettings.of(2, 256).withPressureDepth(5), BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(HandlerCounters.of(counters, feedCounters)).withRequester(snapshotRequests::add).withListener(listener));
        driver = new InlineRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
    }

    @Test
    void buffersUntilTheSnapshotThenAppliesTheChain()
    {
        driver.publish(0, delta(101, 103, BID, 100, 5), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.BUFFERING);
        assertThat(snapshotRequests).containsExactly(0);

        driver.publish(0, delta(104, 104, ASK, 102, 7), 0L);
        driver.publish(0, snapshot(102, new long[][]{ { 100, 1 }, { 99, 2 } }, new long[][]{ { 101, 3 } }), 0L);

        final OrderBook book = handler.book(0);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(book.updateId()).isEqualTo(104);
        assertThat(book.bids().price(0)).isEqualTo(100);
        assertThat(book.bids().quantity(0)).isEqualTo(5);
        assertThat(book.asks().size()).isEqualTo(2);
        assertThat(book.asks().price(1)).isEqualTo(102);
        assertThat(updatesSeen).containsExactly(104L);
        assertAccounted();
        assertThat(value(SystemCounter.DELTAS_APPLIED)).isEqualTo(2);
    }

    @Test
    void dropsBufferedEventsTheSnapshotAlreadyCovers()
    {
        driver.publish(0, delta(101, 103, BID, 100, 5), 0L);
        driver.publish(0, delta(104, 106, BID, 100, 6), 0L);
        driver.publish(0, snapshot(106, new long[][]{ { 100, 9 } }, new long[][]{ { 101, 1 } }), 0L);

        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).bids().quantity(0)).isEqualTo(9);
        assertThat(value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(2);
        assertAccounted();
    }

    @Test
    void rejectsGapAndRequestsResync()
    {
        sync(0, 10);
        driver.publish(0, delta(11, 12, BID, 100, 4), 0L);
        assertThat(handler.book(0).updateId()).isEqualTo(12);

        driver.publish(0, delta(14, 15, BID, 100, 3), 0L);

        assertThat(value(SystemCounter.GAPS)).isEqualTo(1);
        assertThat(feedCounters.gaps(0)).as("the feed's own count").isEqualTo(1);
        assertThat(feedCounters.gaps(1)).isZero();
        assertThat(handler.state(0)).isEqualTo(SyncState.BUFFERING);
        assertThat(handler.book(0).bids().size()).isZero();
        assertThat(snapshotRequests).containsExactly(0, 0);

        driver.publish(0, snapshot(14, new long[][]{ { 100, 8 } }, new long[][]{ { 101, 1 } }), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).updateId()).isEqualTo(15);
        assertThat(handler.book(0).bids().quantity(0)).isEqualTo(3);
        assertThat(value(SystemCounter.RESYNCS)).isEqualTo(1);
        assertAccounted();
    }

    @Test
    void fetchesAgainWhenTheSnapshotIsOlderThanTheBufferedStream()
    {
        driver.publish(0, delta(50, 52, BID, 100, 5), 0L);
        driver.publish(0, snapshot(40, new long[][]{ { 100, 1 } }, new long[][]{ { 101, 1 } }), 0L);

        assertThat(value(SystemCounter.STALE_SNAPSHOTS)).isEqualTo(1);
        assertThat(handler.state(0)).isEqualTo(SyncState.BUFFERING);
        assertThat(snapshotRequests).containsExactly(0, 0);

        driver.publish(0, snapshot(51, new long[][]{ { 100, 1 } }, new long[][]{ { 101, 1 } }), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).updateId()).isEqualTo(52);
        assertAccounted();
    }

    @Test
    void discardsEventsOlderThanTheBook()
    {
        sync(0, 10);
        final long discardedBefore = value(SystemCounter.EVENTS_DISCARDED);
        driver.publish(0, delta(5, 9, BID, 100, 77), 0L);
        assertThat(handler.book(0).bids().quantity(0)).isNotEqualTo(77);
        assertThat(value(SystemCounter.EVENTS_DISCARDED) - discardedBefore).isEqualTo(1);
        assertAccounted();
    }

    @Test
    void invalidatesACrossedBook()
    {
        sync(0, 10);
        driver.publish(0, delta(11, 11, BID, 105, 1), 0L);

        assertThat(value(SystemCounter.CROSSED_BOOKS)).isEqualTo(1);
        assertThat(handler.state(0)).isEqualTo(SyncState.IDLE);
        driver.publish(0, delta(12, 12, BID, 99, 1), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.BUFFERING);
        assertAccounted();
    }

    @Test
    void connectionLossInvalidatesTheBook()
    {
        sync(0, 10);
        sync(1, 20);
        driver.publishControl(DepthEvent.KIND_RESET, 0);

        assertThat(handler.state(0)).isEqualTo(SyncState.IDLE);
        assertThat(handler.book(0).bids().size()).isZero();
        assertThat(handler.state(1)).isEqualTo(SyncState.LIVE);
        assertThat(handler.liveBooks()).isEqualTo(1);
        assertAccounted();
    }

    @Test
    void appliesAMessageSpanningSeveralEventsAsOne()
    {
        sync(0, 10);
        final DepthMessage big = new DepthMessage(200).kind(DepthMessage.KIND_DELTA).firstUpdateId(11).lastUpdateId(11);
        for (int i = 0; i < 70; i++)
        {
            big.addLevel(BID, 90 - i, i + 1);
        }
        final long consumedBefore = value(SystemCounter.EVENTS_CONSUMED);
        driver.publish(0, big, 0L);

        assertThat(value(SystemCounter.EVENTS_CONSUMED) - consumedBefore).isEqualTo(3);
        assertThat(handler.book(0).updateId()).isEqualTo(11);
        assertThat(handler.book(0).bids().size()).isEqualTo(71);
        assertThat(updatesSeen).endsWith(11L);
        assertAccounted();
    }

    @Test
    void tellsTheListenerWhetherTheTopChanged()
    {
        sync(0, 10);
        driver.publish(0, delta(11, 11, BID, 90, 4), 0L);
        driver.publish(0, delta(12, 12, BID, 100, 4), 0L);
        driver.publish(0, delta(13, 13, ASK, 101, 1), 0L);

        assertThat(updatesSeen).containsExactly(10L, 11L, 12L, 13L);
        assertThat(topChangesSeen).containsExactly(true, false, true, false);
    }

    @Test
    void shutdownAccountsForEventsStillBuffered()
    {
        driver.publish(0, delta(1, 2, BID, 100, 5), 0L);
        driver.publish(0, delta(3, 4, BID, 100, 6), 0L);
        assertThat(value(SystemCounter.EVENTS_APPLIED) + value(SystemCounter.EVENTS_DISCARDED)).isZero();

        handler.discardPending();
        assertThat(value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(2);
        assertAccounted();
    }

    private void sync(final int instrumentId, final long snapshotId)
    {
        driver.publish(instrumentId, delta(snapshotId, snapshotId, BID, 100, 1), 0L);
        driver.publish(instrumentId, snapshot(snapshotId, new long[][]{ { 100, 1 } }, new long[][]{ { 101, 1 } }), 0L);
        assertThat(handler.state(instrumentId)).isEqualTo(SyncState.LIVE);
    }

    private void assertAccounted()
    {
        assertThat(value(SystemCounter.EVENTS_APPLIED) + value(SystemCounter.EVENTS_DISCARDED) + handler.pendingEvents())
            .isEqualTo(value(SystemCounter.EVENTS_CONSUMED));
    }

    private long value(final SystemCounter counter)
    {
        return counters.value(counter);
    }
}
