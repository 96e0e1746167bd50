package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/** Which books go to the journal whole, and when: what the journal handler behind the book handler is given. */
class SnapshotSchedulerTest
{
    private static final long INTERVAL_NS = 1_000;

    private final long[] nowNs = { 0 };
    private final SnapshotSlots slots = new SnapshotSlots(4);
    private final List<String> journaled = new ArrayList<>();
    private final HandlerCounters counters = HandlerCounters.inMemory();
    private final BookHandler handler = new BookHandler(
        HandlerSettings.of(1, 16).withSnapshotIntervalNs(INTERVAL_NS), BookSync.forVenue(Venue.HYPERLIQUID, 0),
        BookCollaborators.of(counters).withSlots(slots).withClocks(() -> nowNs[0], () -> nowNs[0]));
    /** Levels per event 2: a book of two bids and two asks arrives in two parts. */
    private final InlineRing ring = new InlineRing(
        2, counters.counter(SystemCounter.EVENTS_PUBLISHED), List.of(handler, this::journal));

    @Test
    void periodicSnapshotOfABookWaitsUntilItsMessageIsWhole()
    {
        ring.publish(0, book(1), 0L);
        nowNs[0] += INTERVAL_NS;
        handler.onBatchStart(2, 2);
        ring.publish(0, book(2), 0L);
        ring.publishControl(DepthEvent.KIND_OPEN, 0);

        assertThat(journaled).containsExactly(
            "sync 2 bids 2 asks quantity 1",
            "sync 2 bids 2 asks quantity 2",
            "periodic 2 bids 2 asks quantity 2");
    }

    @Test
    void periodicSnapshotsRunOncePerIntervalAndOnlyWhenDue()
    {
        ring.publish(0, book(1), 0L);
        handler.onBatchStart(1, 1);
        ring.publishControl(DepthEvent.KIND_OPEN, 0);
        nowNs[0] += INTERVAL_NS;
        handler.onBatchStart(1, 1);
        ring.publishControl(DepthEvent.KIND_OPEN, 0);
        ring.publishControl(DepthEvent.KIND_OPEN, 0);

        assertThat(journaled).containsExactly("sync 2 bids 2 asks quantity 1", "periodic 2 bids 2 asks quantity 1");
    }

    private void journal(final DepthEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.snapshotSlot >= 0)
        {
            final SnapshotSlots.Slot slot = slots.slot(event.snapshotSlot);
            journaled.add(SnapshotRecord.reasonName(slot.reason) + " " + slot.bidCount + " bids " + slot.askCount +
                " asks quantity " + slot.quantities[0]);
            slots.release(event.snapshotSlot);
        }
    }

    private static DepthMessage book(final long quantity)
    {
        final DepthMessage message = new DepthMessage(4).kind(DepthMessage.KIND_SNAPSHOT);
        message.addLevel(BID, 100, quantity);
        message.addLevel(BID, 99, quantity);
        message.addLevel(ASK, 101, quantity);
        message.addLevel(ASK, 102, quantity);
        return message;
    }
}
