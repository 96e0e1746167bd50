package io.fathom.engine.view;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.book.OrderBook;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookViewTest
{
    private static final int PRICE_SCALE = 2;
    private static final int QUANTITY_SCALE = 3;

    private final BookViews views = new BookViews(List.of("btcusdt", "ETHUSDT"), new ViewSettings(PRICE_SCALE, QUANTITY_SCALE, 3));
    private final BookViewWriter writer = views.writer();
    private final TopOfBook top = new TopOfBook();
    private final BookLevels levels = new BookLevels(5);

    @Test
    void readsNotSyncedAndNoPricesBeforeTheFirstPublish()
    {
        assertThat(views.view("BTCUSDT").read(top)).isFalse();

        assertThat(top.valid()).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookCopy.REASON_NOT_SYNCED);
        assertThat(top.updateId()).isEqualTo(-1L);
        assertThat(top.lastChangeEpochNs()).isZero();
        assertThat(top.hasBid()).isFalse();
        assertThat(top.bidPrice()).isNaN();
        assertThat(top.askQuantity()).isNaN();
        assertThat(top.bidPriceMantissa()).isZero();
    }

    @Test
    void readsThePublishedTopOfAnOrderBookWithItsScales()
    {
        final OrderBook book = book(1, 100_50, 2_500, 100_75, 1_000);
        book.set(DepthMessage.BID, 100_25, 7_000);
        book.updateId(42);

        writer.publish(1, book, 1_700_000_000_123_456_789L);

        final BookView view = views.view("ethusdt");
        assertThat(view.read(top)).isTrue();
        assertThat(top.instrumentId()).isEqualTo(1);
        assertThat(top.valid()).isTrue();
        assertThat(top.updateId()).isEqualTo(42);
        assertThat(top.lastChangeEpochNs()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(top.bidPriceMantissa()).isEqualTo(100_50);
        assertThat(top.bidQuantityMantissa()).isEqualTo(2_500);
        assertThat(top.askPriceMantissa()).isEqualTo(100_75);
        assertThat(top.askQuantityMantissa()).isEqualTo(1_000);
        assertThat(top.bidPrice()).isEqualTo(100.5);
        assertThat(top.bidQuantity()).isEqualTo(2.5);
        assertThat(top.askPrice()).isEqualTo(100.75);
        assertThat(top.askQuantity()).isEqualTo(1.0);
        assertThat(top.priceScale()).isEqualTo(PRICE_SCALE);
        assertThat(top.quantityScale()).isEqualTo(QUANTITY_SCALE);
        assertThat(view.symbol()).isEqualTo("ETHUSDT");
        assertThat(view.priceScale()).isEqualTo(PRICE_SCALE);
        assertThat(view.quantityScale()).isEqualTo(QUANTITY_SCALE);
    }

    @Test
    void aSideWithoutLevelsReadsNaNWhileTheBookIsValid()
    {
        final OrderBook book = new OrderBook(0, 8).scales(PRICE_SCALE, QUANTITY_SCALE, false);
        book.set(DepthMessage.ASK, 200_00, 5_000);
        book.updateId(7);

        writer.publish(0, book, 1L);

        assertThat(views.view(0).read(top)).isTrue();
        assertThat(top.hasBid()).isFalse();
        assertThat(top.bidPrice()).isNaN();
        assertThat(top.bidQuantity()).isNaN();
        assertThat(top.bidPriceMantissa()).isZero();
        assertThat(top.hasAsk()).isTrue();
        assertThat(top.askPrice()).isEqualTo(200.0);
    }

    @Test
    void readsLevelsUpToTheRequestedDepthAndTheViewsDepth()
    {
        final OrderBook book = book(0, 100_00, 1_000, 101_00, 2_000);
        for (int i = 1; i < 5; i++)
        {
            book.set(DepthMessage.BID, 100_00 - i, 1_000 + i);
        }
        book.set(DepthMessage.ASK, 101_01, 2_001);
        book.updateId(9);
        writer.publish(0, book, 2L);
        final BookView view = views.view(0);

        assertThat(view.read(levels, 5)).isTrue();
        assertThat(levels.bidCount()).isEqualTo(3);
        assertThat(levels.askCount()).isEqualTo(2);
        assertThat(levels.bidPriceMantissa(2)).isEqualTo(100_00 - 2);
        assertThat(levels.bidQuantityMantissa(2)).isEqualTo(1_002);
        assertThat(levels.askPriceMantissa(1)).isEqualTo(101_01);
        assertThat(levels.askQuantity(1)).isEqualTo(2.001);
        assertThat(levels.updateId()).isEqualTo(9);
        assertThatThrownBy(() -> levels.bidPriceMantissa(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> levels.askPriceMantissa(2)).isInstanceOf(IndexOutOfBoundsException.class);

        assertThat(view.read(levels, 1)).isTrue();
        assertThat(levels.bidCount()).isEqualTo(1);
        assertThat(levels.askCount()).isEqualTo(1);
        assertThat(levels.bidPrice(0)).isEqualTo(100.0);
    }

    @Test
    void rejectsADepthBeyondTheHoldersCapacity()
    {
        assertThatThrownBy(() -> views.view(0).read(levels, 6))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..5");
        assertThatThrownBy(() -> views.view(0).read(levels, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidationHidesTheLevelsKeepsTheUpdateIdAndSaysWhy()
    {
        writer.publish(0, book(0, 100_00, 1_000, 101_00, 2_000), 5L);
        final BookView view = views.view(0);
        view.read(levels, 3);

        writer.invalidate(0, BookStateRecord.REASON_GAP, 6L);

        assertThat(view.read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_GAP);
        assertThat(BookCopy.reasonName(top.invalidReason())).isEqualTo("gap");
        assertThat(top.lastChangeEpochNs()).isEqualTo(6L);
        assertThat(top.updateId()).isEqualTo(3L);
        assertThat(top.bidPrice()).isNaN();
        assertThat(top.askPrice()).isNaN();
        assertThat(view.read(levels, 3)).isFalse();
        assertThat(levels.bidCount()).isZero();
        assertThat(levels.askCount()).isZero();

        writer.publish(0, book(0, 99_00, 1_000, 100_00, 1_000), 7L);
        assertThat(view.read(top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(99.0);
    }

    @Test
    void invalidatingOneBookLeavesTheOthersValid()
    {
        writer.publish(0, book(0, 100_00, 1_000, 101_00, 2_000), 1L);
        writer.publish(1, book(1, 200_00, 1_000, 201_00, 2_000), 1L);

        writer.invalidate(1, BookStateRecord.REASON_CROSSED, 2L);

        assertThat(views.view(0).read(top)).isTrue();
        assertThat(views.view(1).read(top)).isFalse();

        writer.invalidateAll(BookCopy.REASON_CLOSED, 3L);

        assertThat(views.view(0).read(top)).isFalse();
        assertThat(BookCopy.reasonName(top.invalidReason())).isEqualTo("closed");
        assertThat(top.lastChangeEpochNs()).isEqualTo(3L);
    }

    @Test
    void aPublishThatFailsLeavesTheBookInvalidAndReadable()
    {
        writer.publish(0, book(0, 100_00, 1_000, 101_00, 2_000), 1L);
        final BookLevelSource failing = new BookLevelSource()
        {
            @Override
            public int levelCount(final byte side)
            {
                return 3;
            }

            @Override
            public long price(final byte side, final int level)
            {
                if (level == 2)
                {
                    throw new IllegalStateException("level 2 unreadable");
                }
                return 100_00 + level;
            }

            @Override
            public long quantity(final byte side, final int level)
            {
                return 1;
            }
        };

        assertThatThrownBy(() -> writer.publish(0, failing, 2L, 2L)).hasMessage("level 2 unreadable");

        assertThat(views.view(0).read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookCopy.REASON_NOT_SYNCED);
    }

    @Test
    void anUnknownSymbolOrIdIsRejectedByName()
    {
        assertThatThrownBy(() -> views.view("SYM9")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SYM9");
        assertThatThrownBy(() -> views.view(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2");
        assertThatThrownBy(() -> views.view(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(views.view("BtcUsdt")).isSameAs(views.view(0));
        assertThat(views.size()).isEqualTo(2);
    }

    @Test
    void rejectsDuplicateSymbolsAndSettingsOutOfRange()
    {
        final ViewSettings settings = new ViewSettings(8, 8, ViewSettings.DEFAULT_DEPTH);
        assertThatThrownBy(() -> new BookViews(List.of("A", "a"), settings)).hasMessageContaining("duplicate symbol: a");
        assertThatThrownBy(() -> new ViewSettings(19, 8, 10)).hasMessageContaining("priceScale");
        assertThatThrownBy(() -> new ViewSettings(8, -1, 10)).hasMessageContaining("quantityScale");
        assertThatThrownBy(() -> new ViewSettings(8, 8, 0)).hasMessageContaining("depth");
        assertThatThrownBy(() -> new BookLevels(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> writer.invalidate(0, 256, 1L)).hasMessageContaining("reason");
    }

    private static OrderBook book(
        final int instrumentId, final long bidPrice, final long bidQuantity, final long askPrice, final long askQuantity)
    {
        final OrderBook book = new OrderBook(instrumentId, 8).scales(PRICE_SCALE, QUANTITY_SCALE, false);
        book.set(DepthMessage.BID, bidPrice, bidQuantity);
        book.set(DepthMessage.ASK, askPrice, askQuantity);
        book.updateId(3);
        return book;
    }
}
