package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/** A handler on counters of its own, with no run directory: what tests and offline checks build. */
class HandlerCountersTest
{
    @Test
    void inMemoryCountersAccountEveryEventOfASync()
    {
        final HandlerCounters counters = HandlerCounters.inMemory();
        final List<Integer> requests = new ArrayList<>();
        final BookHandler handler = new BookHandler(
            HandlerSettings.of(1, 64), BookSync.forVenue(Venue.BINANCE, 0), BookCollaborators.of(counters).withRequester(requests::add));
        final InlineRing ring = new InlineRing(8, counters.counter(SystemCounter.EVENTS_PUBLISHED), List.of(handler));

        ring.publish(0, delta(101, 103, 5), 0L);
        final DepthMessage snapshot = new DepthMessage(8).kind(DepthMessage.KIND_SNAPSHOT).firstUpdateId(102).lastUpdateId(102);
        snapshot.addLevel(BID, 100, 1);
        snapshot.addLevel(ASK, 101, 1);
        ring.publish(0, snapshot, 0L);
        ring.publish(0, delta(104, 104, 7), 0L);

        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        assertThat(handler.book(0).bids().quantity(0)).isEqualTo(7);
        assertThat(requests).containsExactly(0);
        assertThat(counters.value(SystemCounter.EVENTS_PUBLISHED)).isEqualTo(3);
        assertThat(counters.value(SystemCounter.EVENTS_CONSUMED)).isEqualTo(3);
        assertThat(counters.value(SystemCounter.EVENTS_APPLIED)).isEqualTo(3);
        assertThat(counters.value(SystemCounter.DELTAS_APPLIED)).isEqualTo(2);
        assertThat(counters.value(SystemCounter.SNAPSHOT_REQUESTS)).isEqualTo(1);
        assertThat(counters.value(SystemCounter.EVENTS_DISCARDED)).isZero();
    }

    @Test
    void eachInMemorySetCountsAlone()
    {
        final HandlerCounters first = HandlerCounters.inMemory();
        final HandlerCounters second = HandlerCounters.inMemory();
        first.onGap(0);

        assertThat(first.value(SystemCounter.GAPS)).isEqualTo(1);
        assertThat(second.value(SystemCounter.GAPS)).isZero();
        assertThat(first.value(SystemCounter.RESYNCS)).isZero();
    }

    private static DepthMessage delta(final long first, final long last, final long bidQuantity)
    {
        final DepthMessage message = new DepthMessage(8).kind(DepthMessage.KIND_DELTA).firstUpdateId(first).lastUpdateId(last);
        message.addLevel(BID, 100, bidQuantity);
        return message;
    }
}
