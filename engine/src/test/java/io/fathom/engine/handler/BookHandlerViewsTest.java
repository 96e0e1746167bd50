package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.TopOfBook;
import io.fathom.engine.view.ViewSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.BID;
import static io.fathom.engine.handler.DepthMessages.delta;
import static io.fathom.engine.handler.DepthMessages.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** What the book handler publishes to the views and tells its listener, in order, as books go live and invalid. */
class BookHandlerViewsTest
{
    @TempDir
    Path runDir;

    private EngineCounters counters;
    private BookViews views;
    private InlineRing driver;
    private final List<String> story = new ArrayList<>();
    private final TopOfBook top = new TopOfBook();

    @BeforeEach
    void setUp()
    {
        counters = new EngineCounters(runDir.toFile());
        final HandlerSettings settings = HandlerSettings.of(2, 256);
        views = new BookViews(List.of("aaa", "BBB"), new ViewSettings(settings.priceScale(), settings.quantityScale(), 4));
        final BookHandler handler = new BookHandler(settings, BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(counters).withListener(new Story()).withViewWriter(views.writer()));
        driver = new InlineRing(32, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
    }

    @Test
    void publishesALiveBookAndInvalidatesItWhenItsConnectionResets()
    {
        assertThat(views.view("AAA").read(top)).isFalse();
        sync(0, 10);
        assertThat(views.view("AAA").read(top)).isTrue();
        assertThat(top.bidPriceMantissa()).isEqualTo(100);
        assertThat(top.askPriceMantissa()).isEqualTo(101);
        assertThat(top.updateId()).isEqualTo(10);

        driver.publish(0, delta(11, 11, BID, 100, 4), 0L);
        assertThat(views.view(0).read(top)).isTrue();
        assertThat(top.bidQuantityMantissa()).isEqualTo(4);
        assertThat(top.updateId()).isEqualTo(11);

        driver.publishControl(DepthEvent.KIND_RESET, 0);
        assertThat(views.view(0).read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_CONNECTION_LOST);
        assertThat(top.updateId()).isEqualTo(11);
        assertThat(views.view(1).read(top)).as("the other book's view").isFalse();
        assertThat(top.invalidReason()).isZero();

        sync(0, 20);
        assertThat(views.view(0).read(top)).isTrue();
        assertThat(top.updateId()).isEqualTo(20);
        assertThat(story).containsExactly(
            "valid AAA", "update AAA 10", "update AAA 11", "invalid AAA 3", "valid AAA", "update AAA 20");
    }

    @Test
    void aGapOrACrossedBookInvalidatesTheViewBeforeAnyLaterUpdate()
    {
        sync(1, 10);
        driver.publish(1, delta(13, 13, BID, 100, 2), 0L);
        assertThat(views.view("BBB").read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_GAP);

        driver.publish(1, snapshot(13, new long[][]{ { 100, 1 } }, new long[][]{ { 101, 1 } }), 0L);
        assertThat(views.view("BBB").read(top)).isTrue();
        driver.publish(1, delta(14, 14, BID, 105, 1), 0L);
        assertThat(views.view("BBB").read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_CROSSED);
        assertThat(story).containsExactly("valid BBB", "update BBB 10", "invalid BBB 1", "valid BBB", "update BBB 13",
            "invalid BBB 2");
    }

    private void sync(final int instrumentId, final long snapshotId)
    {
        driver.publish(instrumentId, delta(snapshotId, snapshotId, BID, 100, 1), 0L);
        driver.publish(instrumentId, snapshot(snapshotId, new long[][]{ { 100, 1 } }, new long[][]{ { 101, 1 } }), 0L);
    }

    private final class Story implements BookListener
    {
        @Override
        public void onBookUpdate(final OrderBook book, final boolean topChanged, final double volumePressure)
        {
            story.add("update without symbol " + book.instrumentId());
        }

        @Override
        public void onBookUpdate(final String symbol, final OrderBook book, final boolean topChanged, final double pressure)
        {
            story.add("update " + symbol + " " + book.updateId());
        }

        @Override
        public void onBookValid(final String symbol, final int instrumentId)
        {
            story.add("valid " + symbol);
        }

        @Override
        public void onBookInvalid(final String symbol, final int instrumentId, final int reason)
        {
            story.add("invalid " + symbol + " " + reason);
        }
    }
}
