package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue whose snapshot comes on the stream after the subscribe (OKX here): a snapshot lost or undecodable must
 * not leave the book syncing forever. Instrument 1 only gives the handler batches (its book is reopened by each).
 */
class StreamSnapshotSyncTest
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final CachedNanoClock clock = new CachedNanoClock();
    private final List<Integer> requests = new ArrayList<>();
    private HandlerCounters counters;
    private BookHandler handler;
    private InlineRing driver;

    @BeforeEach
    void setUp()
    {
        counters = HandlerCounters.inMemory();
        handler = new BookHandler(HandlerSettings.of(2, 64).withSyncTimeoutNs(TIMEOUT_NS), BookSync.forVenue(Venue.OKX, 0),
            BookCollaborators.of(counters).withRequester(requests::add).withClocks(clock, new SystemEpochNanoClock()));
        driver = new InlineRing(16, counters.counter(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
    }

    @Test
    void deltasWithoutTheSnapshotAskForAResyncAtOnceAndOnlyOnce()
    {
        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        // the subscribe's snapshot was undecodable: only the updates after it arrive
        driver.publish(0, delta(11, 10, BID, 100, 4), 0L);
        assertThat(requests).containsExactly(0);
        assertThat(handler.state(0)).isEqualTo(SyncState.IDLE);

        driver.publish(0, delta(12, 11, ASK, 101, 2), 0L);
        assertThat(requests).as("a resync in flight is not asked for again").containsExactly(0);

        driver.publish(0, snapshot(20), 0L);
        driver.publish(0, delta(21, 20, BID, 100, 7), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).bids().quantity(0)).isEqualTo(7);
        assertThat(requests).containsExactly(0);
        assertThat(value(SystemCounter.SYNC_TIMEOUTS)).isZero();
    }

    @Test
    void aBookNotValidWithinTheSyncTimeoutAsksForAResyncOncePerTimeout()
    {
        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        tickAt(TIMEOUT_NS - 1);
        assertThat(requests).isEmpty();

        tickAt(TIMEOUT_NS);
        assertThat(requests).containsExactly(0);
        assertThat(value(SystemCounter.SYNC_TIMEOUTS)).isEqualTo(1);

        tickAt(TIMEOUT_NS + TIMEOUT_NS / 2);
        assertThat(requests).as("the deadline restarts after each request").containsExactly(0);

        tickAt(2 * TIMEOUT_NS);
        assertThat(requests).containsExactly(0, 0);
        assertThat(value(SystemCounter.SYNC_TIMEOUTS)).isEqualTo(2);

        driver.publish(0, snapshot(20), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        tickAt(10 * TIMEOUT_NS);
        assertThat(requests).as("a valid book has no deadline").containsExactly(0, 0);
    }

    @Test
    void aValueItsScaleCannotHoldInvalidatesTheLiveBookWhichAsksAgainAtItsDeadlineNotAtOnce()
    {
        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        driver.publish(0, snapshot(20), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);

        driver.publishControl(DepthEvent.KIND_UNREPRESENTABLE, 0);
        assertThat(handler.state(0)).isNotEqualTo(SyncState.LIVE);
        driver.publish(0, delta(21, 20, BID, 100, 7), 0L);
        assertThat(requests).as("the venue would resend the same value: no resync at once, nor for its updates").isEmpty();

        tickAt(TIMEOUT_NS);
        assertThat(requests).as("one resync per sync timeout").containsExactly(0);
        driver.publish(0, snapshot(30), 0L);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
    }

    @Test
    void aBookAskedToResyncIsNotValidWithinTheTimeout()
    {
        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        driver.publish(0, snapshot(20), 0L);
        driver.publish(0, delta(22, 21, BID, 100, 7), 0L);
        assertThat(requests).as("a gap asks for a resync").containsExactly(0);

        tickAt(TIMEOUT_NS);
        assertThat(requests).containsExactly(0, 0);
        assertThat(value(SystemCounter.SYNC_TIMEOUTS)).isEqualTo(1);
    }

    @Test
    void aLostConnectionHasNoDeadlineUntilItsBookIsOpenedAgain()
    {
        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        driver.publishControl(DepthEvent.KIND_RESET, 0);
        tickAt(3 * TIMEOUT_NS);
        assertThat(requests).isEmpty();

        driver.publishControl(DepthEvent.KIND_OPEN, 0);
        tickAt(4 * TIMEOUT_NS);
        assertThat(requests).containsExactly(0);
    }

    /** Sets the handler's clock and gives it a batch that leaves instrument 0 alone. */
    private void tickAt(final long nowNs)
    {
        clock.update(nowNs);
        driver.publishControl(DepthEvent.KIND_OPEN, 1);
        requests.removeIf(id -> id != 0);
    }

    private long value(final SystemCounter counter)
    {
        return counters.value(counter);
    }

    private static DepthMessage delta(final long seqId, final long prevSeqId, final byte side, final long price, final long quantity)
    {
        final DepthMessage message = new DepthMessage(8).kind(DepthMessage.KIND_DELTA)
            .firstUpdateId(seqId).lastUpdateId(seqId).previousUpdateId(prevSeqId);
        message.addLevel(side, price, quantity);
        return message;
    }

    private static DepthMessage snapshot(final long seqId)
    {
        final DepthMessage message = new DepthMessage(8).kind(DepthMessage.KIND_SNAPSHOT)
            .firstUpdateId(seqId).lastUpdateId(seqId).previousUpdateId(-1);
        message.addLevel(BID, 100, 1);
        message.addLevel(ASK, 101, 1);
        return message;
    }
}
