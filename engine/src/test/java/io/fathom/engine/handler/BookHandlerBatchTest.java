package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.TopOfBook;
import io.fathom.engine.view.ViewSettings;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book handler's work per batch: a view is published once per batch for each book changed, never half a
 * message, with every invalidation at once; volume pressure computed only when asked is what each message would
 * have computed; latency recorded at the batch's end. Events go to the handler directly, so each test says where its batches end.
 */
class BookHandlerBatchTest
{
    private final HandlerCounters counters = HandlerCounters.inMemory();
    private final Recorder latency = new Recorder(BookCollaborators.MAX_LATENCY_NS, 3);
    private long nowNs;
    private BookViews views;
    private BookHandler handler;
    private final TopOfBook top = new TopOfBook();
    private long sequence;
    private boolean inBatch;

    @BeforeEach
    void setUp()
    {
        final HandlerSettings settings = HandlerSettings.of(1, 256).withPressureDepth(2);
        views = new BookViews(List.of("aaa"), new ViewSettings(settings.priceScale(), settings.quantityScale(), 4));
        handler = new BookHandler(settings, BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(counters).withViewWriter(views.writer()).withLatencyRecorder(latency)
                .withClocks(() -> nowNs, () -> 1_000_000L + nowNs));
        apply(delta(10, 1, BID, 100, 1), true);
        apply(snapshot(10), true);
        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
    }

    @Test
    void publishesTheViewOnceTheBatchEnds()
    {
        apply(delta(11, 1, BID, 100, 5), false);
        apply(delta(12, 1, ASK, 101, 6), false);
        assertThat(read()).as("mid-batch").isTrue();
        assertThat(top.updateId()).isEqualTo(10);
        assertThat(top.bidQuantityMantissa()).isEqualTo(1);

        apply(delta(13, 1, BID, 99, 7), true);
        assertThat(read()).isTrue();
        assertThat(top.updateId()).isEqualTo(13);
        assertThat(top.bidQuantityMantissa()).isEqualTo(5);
        assertThat(top.askQuantityMantissa()).isEqualTo(6);
    }

    @Test
    void neverPublishesHalfAMessageWhenItsPartsSpanTwoBatches()
    {
        apply(delta(11, 1, BID, 100, 5), false);
        final DepthEvent[] parts = { delta(12, 2, BID, 100, 8), delta(12, 2, ASK, 101, 9) };
        parts[1].partIndex = 1;
        apply(parts[0], true);
        assertThat(read()).isTrue();
        assertThat(top.updateId()).as("the message before, whole").isEqualTo(11);
        assertThat(top.bidQuantityMantissa()).isEqualTo(5);
        assertThat(top.askQuantityMantissa()).isEqualTo(1);

        apply(parts[1], true);
        assertThat(read()).isTrue();
        assertThat(top.updateId()).isEqualTo(12);
        assertThat(top.bidQuantityMantissa()).isEqualTo(8);
        assertThat(top.askQuantityMantissa()).isEqualTo(9);
    }

    @Test
    void aBookPublishedMidBatchAndChangedAgainIsPublishedOnceMoreAtTheEnd()
    {
        apply(delta(11, 1, BID, 100, 5), false);
        final DepthEvent[] parts = { delta(12, 2, BID, 100, 8), delta(12, 2, ASK, 101, 9) };
        parts[1].partIndex = 1;
        apply(parts[0], false);
        apply(parts[1], false);
        apply(delta(13, 1, BID, 100, 3), false);
        final DepthEvent[] more = { delta(14, 2, BID, 100, 4), delta(14, 2, ASK, 101, 2) };
        more[1].partIndex = 1;
        apply(more[0], false);
        apply(more[1], true);

        assertThat(counters.value(SystemCounter.HANDLER_ERRORS)).isZero();
        assertThat(read()).isTrue();
        assertThat(top.updateId()).isEqualTo(14);
        assertThat(top.bidQuantityMantissa()).isEqualTo(4);
        assertThat(top.askQuantityMantissa()).isEqualTo(2);
    }

    @Test
    void anInvalidationMidBatchShowsAtOnceWithTheLastUpdateApplied()
    {
        apply(delta(11, 1, BID, 100, 5), false);
        apply(control(DepthEvent.KIND_RESET), false);
        assertThat(read()).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_CONNECTION_LOST);
        assertThat(top.updateId()).isEqualTo(11);

        apply(delta(12, 1, BID, 100, 5), true);
        assertThat(read()).as("buffered until a snapshot joins").isFalse();
        assertThat(top.updateId()).isEqualTo(11);
    }

    @Test
    void recordsEachMessagesLatencyAtTheEndOfItsBatch()
    {
        latency.reset();
        nowNs = 5_000;
        apply(received(delta(11, 1, BID, 100, 5), 1_000), false);
        apply(received(delta(12, 1, BID, 100, 6), 2_000), false);
        nowNs = 6_000;
        assertThat(latency.getIntervalHistogram().getTotalCount()).as("mid-batch").isZero();

        nowNs = 9_000;
        apply(received(delta(13, 1, BID, 100, 7), 4_000), true);
        final Histogram recorded = latency.getIntervalHistogram();
        assertThat(recorded.getTotalCount()).isEqualTo(3);
        assertThat(recorded.getCountAtValue(8_000)).isEqualTo(1);
        assertThat(recorded.getCountAtValue(7_000)).isEqualTo(1);
        assertThat(recorded.getCountAtValue(5_000)).isEqualTo(1);
    }

    @Test
    void pressureComputedWhenAskedIsThatOfTheLastValidMessage()
    {
        apply(delta(11, 1, BID, 99, 3), false);
        assertThat(handler.volumePressure(0)).isEqualTo(pressure(1 + 3, 1));
        apply(delta(12, 1, ASK, 102, 4), true);
        assertThat(handler.volumePressure(0)).isEqualTo(pressure(1 + 3, 1 + 4));

        final DepthEvent[] parts = { delta(13, 2, BID, 100, 7), delta(13, 2, ASK, 101, 2) };
        parts[1].partIndex = 1;
        apply(parts[0], true);
        assertThat(handler.volumePressure(0)).as("mid-message: the last whole one's").isEqualTo(pressure(1 + 3, 1 + 4));
        apply(parts[1], true);
        assertThat(handler.volumePressure(0)).isEqualTo(pressure(7 + 3, 2 + 4));

        apply(control(DepthEvent.KIND_RESET), true);
        assertThat(handler.volumePressure(0)).isZero();
    }

    private static DepthEvent received(final DepthEvent event, final long receiveNs)
    {
        event.receiveNanos = receiveNs;
        return event;
    }

    private static double pressure(final long bidVolume, final long askVolume)
    {
        return (double)(bidVolume - askVolume) / (bidVolume + askVolume);
    }

    private boolean read()
    {
        return views.view(0).read(top);
    }

    private void apply(final DepthEvent event, final boolean endOfBatch)
    {
        if (!inBatch)
        {
            handler.onBatchStart(1, 1);
        }
        handler.onEvent(event, sequence++, endOfBatch);
        inBatch = !endOfBatch;
    }

    private static DepthEvent delta(final long updateId, final int partCount, final byte side, final long price, final long quantity)
    {
        final DepthEvent event = event(DepthEvent.KIND_DELTA, updateId, 1);
        event.partCount = partCount;
        event.sides[0] = side;
        event.prices[0] = price;
        event.quantities[0] = quantity;
        return event;
    }

    private static DepthEvent snapshot(final long updateId)
    {
        final DepthEvent event = event(DepthEvent.KIND_SNAPSHOT, updateId, 2);
        event.sides[0] = BID;
        event.prices[0] = 100;
        event.quantities[0] = 1;
        event.sides[1] = ASK;
        event.prices[1] = 101;
        event.quantities[1] = 1;
        return event;
    }

    private static DepthEvent control(final byte kind)
    {
        return event(kind, DepthMessage.NO_ID, 0);
    }

    private static DepthEvent event(final byte kind, final long updateId, final int levels)
    {
        final DepthEvent event = new DepthEvent(4);
        event.kind = kind;
        event.partIndex = 0;
        event.partCount = 1;
        event.firstUpdateId = updateId;
        event.lastUpdateId = updateId;
        event.previousUpdateId = DepthMessage.NO_ID;
        event.levelCount = levels;
        event.snapshotSlot = -1;
        return event;
    }
}
