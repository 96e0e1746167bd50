package io.fathom.engine.subscribe;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.wire.BookInvalid;
import io.fathom.codec.wire.BookSnapshot;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.codec.wire.LevelChanges;
import io.fathom.codec.wire.WireHeader;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscribedBooksTest
{
    private static final int SESSION = 7;
    private static final int OTHER_SESSION = 8;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final TopOfBook top = new TopOfBook();
    private SubscribedBooks books = new SubscribedBooks(new SubscriberContext().channel("aeron:ipc"), () -> 1_000L);

    @Test
    void aBookIsInvalidUntilItsSnapshotThenFollowsLevelChanges()
    {
        define(SESSION, 0, "sym0");
        changes(SESSION, 0, 1, 100, DepthMessage.BID, 99, 5);
        assertThat(view("SYM0").read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookCopy.REASON_NOT_SYNCED);

        snapshot(SESSION, 0, 2, 100);
        assertThat(view("SYM0").read(top)).isTrue();
        assertThat(top.bidPriceMantissa()).isEqualTo(100);
        assertThat(top.askPriceMantissa()).isEqualTo(101);
        assertThat(top.updateId()).isEqualTo(100);

        changes(SESSION, 0, 3, 101, DepthMessage.BID, 100, 0);
        assertThat(view("SYM0").read(top)).isTrue();
        assertThat(top.bidPriceMantissa()).isEqualTo(99);
        assertThat(top.updateId()).isEqualTo(101);
        assertThat(books.sequenceGaps.get()).isZero();
    }

    @Test
    void aSequenceJumpInvalidatesTheBookUntilItsNextSnapshot()
    {
        define(SESSION, 0, "SYM0");
        snapshot(SESSION, 0, 5, 100);
        changes(SESSION, 0, 7, 102, DepthMessage.ASK, 101, 0);

        assertThat(view("SYM0").read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_GAP);
        assertThat(books.sequenceGaps.get()).isEqualTo(1);
        changes(SESSION, 0, 8, 103, DepthMessage.ASK, 101, 0);
        assertThat(view("SYM0").read(top)).isFalse();

        snapshot(SESSION, 0, 9, 104);
        assertThat(view("SYM0").read(top)).isTrue();
        assertThat(top.askPriceMantissa()).isEqualTo(101);
        assertThat(top.updateId()).isEqualTo(104);
    }

    @Test
    void anInvalidationFromThePublisherCarriesItsReason()
    {
        define(SESSION, 0, "SYM0");
        snapshot(SESSION, 0, 1, 100);
        BookInvalid.encode(buffer, 0, 0, 2, 0L, BookStateRecord.REASON_CROSSED, 100);
        books.onMessage(buffer, 0, BookInvalid.LENGTH, SESSION);

        assertThat(view("SYM0").read(top)).isFalse();
        assertThat(top.invalidReason()).isEqualTo(BookStateRecord.REASON_CROSSED);
    }

    @Test
    void aLostPublisherInvalidatesItsBooksOnly()
    {
        define(SESSION, 0, "SYM0");
        define(OTHER_SESSION, 0, "SYM1");
        snapshot(SESSION, 0, 1, 100);
        snapshot(OTHER_SESSION, 0, 1, 200);

        books.onSessionLost(SESSION);
        books.forgetSession(SESSION);

        assertThat(view("SYM0").read(top)).isFalse();
        assertThat(view("SYM1").read(top)).isTrue();
        snapshot(SESSION, 0, 2, 101);
        assertThat(view("SYM0").read(top)).as("ids of a forgotten session mean nothing until defined again").isFalse();
        define(SESSION, 0, "SYM0");
        snapshot(SESSION, 0, 3, 102);
        assertThat(view("SYM0").read(top)).isTrue();
    }

    @Test
    void anotherPublisherOfASymbolTakesTheBookOverFromItsFirstSnapshot()
    {
        define(SESSION, 0, "SYM0");
        snapshot(SESSION, 0, 1, 100);
        define(OTHER_SESSION, 3, "SYM0");

        assertThat(view("SYM0").read(top)).isFalse();
        snapshot(OTHER_SESSION, 3, 1, 500);
        assertThat(view("SYM0").read(top)).isTrue();
        assertThat(top.updateId()).isEqualTo(500);
    }

    @Test
    void keepsOnlyTheSymbolsAskedForAndRefusesOtherSchemas()
    {
        books = new SubscribedBooks(new SubscriberContext().channel("aeron:ipc").symbols(List.of("sym1")), () -> 1_000L);
        define(SESSION, 0, "SYM0");
        define(SESSION, 1, "SYM1");
        snapshot(SESSION, 0, 1, 100);
        snapshot(SESSION, 1, 1, 100);

        assertThat(books.views().find("SYM0")).isNull();
        assertThat(view("SYM1").read(top)).isTrue();
        buffer.putLong(0, 0L);
        books.onMessage(buffer, 0, 24, SESSION);
        assertThat(books.refused.get()).isEqualTo(1);
    }

    @Test
    void aBookThatMissedMessagesIsAskedForUntilItsSnapshotComes()
    {
        define(SESSION, 4, "SYM0");
        snapshot(SESSION, 4, 1, 100);
        assertThat(books.requester().wanted(0)).isFalse();

        changes(SESSION, 4, 3, 102, DepthMessage.BID, 100, 0);
        assertThat(books.requester().wanted(0)).as("wanted after a sequence jump").isTrue();
        changes(SESSION, 4, 4, 103, DepthMessage.BID, 100, 0);
        assertThat(books.requester().wanted(0)).isTrue();
        snapshot(SESSION, 4, 5, 104);
        assertThat(books.requester().wanted(0)).isFalse();
    }

    @Test
    void aDefinedBookIsAskedForUnlessThePublisherSaysItIsInvalidThere()
    {
        define(SESSION, 0, "SYM0");
        define(SESSION, 1, "SYM1");
        assertThat(books.requester().wanted(0)).isTrue();
        assertThat(books.requester().wanted(1)).isTrue();

        BookInvalid.encode(buffer, 0, 1, 1, 0L, BookStateRecord.REASON_GAP, 0L);
        books.onMessage(buffer, 0, BookInvalid.LENGTH, SESSION);
        final long nowNs = System.nanoTime();
        assertThat(books.requester().due(1, nowNs)).as("sent whole by its publisher once valid there").isFalse();
        assertThat(books.requester().due(1, nowNs + SnapshotRequester.RECHECK_NS + 1_000_000_000L))
            .as("asked for again should that not come").isTrue();
        assertThat(books.requester().due(0, nowNs + SnapshotRequester.DEFINITION_GRACE_NS + 1_000_000_000L)).isTrue();
        snapshot(SESSION, 1, 2, 100);
        assertThat(books.requester().wanted(1)).isFalse();
    }

    @Test
    void messagesOfInstrumentsNeverDefinedAskThePublisherForEveryBook()
    {
        define(SESSION, 0, "SYM0");
        changes(OTHER_SESSION, 9, 40, 100, DepthMessage.BID, 100, 5);

        assertThat(books.requester().allWanted(OTHER_SESSION)).isTrue();
        assertThat(books.requester().allWanted(SESSION)).isFalse();
        books.forgetSession(SESSION);
        assertThat(books.requester().wanted(0)).as("a lost publisher's ids mean nothing").isFalse();
    }

    @Test
    void theSameSymbolOnTwoVenuesIsTwoBooksAndTheSymbolAloneIsRefusedAsAmbiguous()
    {
        define(SESSION, 0, "binance", "BTCUSDT");
        define(SESSION, 1, "binance-usdm", "BTCUSDT");
        define(SESSION, 2, "okx", "BTC-USDT");
        snapshot(SESSION, 0, 1, 100);
        snapshot(SESSION, 1, 1, 200);

        assertThat(books.views().find("binance", "btcusdt").read(top)).isTrue();
        assertThat(top.updateId()).isEqualTo(100);
        assertThat(books.views().find("BINANCE-USDM", "BTCUSDT").read(top)).isTrue();
        assertThat(top.updateId()).isEqualTo(200);
        assertThat(books.views().find("okx", "BTC-USDT").read(top)).isFalse();
        assertThat(view("BTC-USDT").instrumentId()).as("one venue holds it").isEqualTo(2);
        assertThatThrownBy(() -> books.views().find("BTCUSDT")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("binance and binance-usdm").hasMessageContaining("bookView(venue, symbol)");
        assertThat(books.views().venue(1)).isEqualTo("binance-usdm");
    }

    @Test
    void keepsAVenuesBookWhenTheFilterNamesTheVenue()
    {
        books = new SubscribedBooks(new SubscriberContext().channel("aeron:ipc").symbols(List.of("binance-usdm:btcusdt", "ETHUSDT")),
            () -> 1_000L);
        define(SESSION, 0, "binance", "BTCUSDT");
        define(SESSION, 1, "binance-usdm", "BTCUSDT");
        define(SESSION, 2, "binance", "ETHUSDT");

        assertThat(books.views().find("binance", "BTCUSDT")).isNull();
        assertThat(books.views().find("binance-usdm", "BTCUSDT")).isNotNull();
        assertThat(books.views().find("binance", "ETHUSDT")).isNotNull();
    }

    @Test
    void refusesAndCountsAVersionItDoesNotKnow()
    {
        define(SESSION, 0, "binance", "BTCUSDT");
        snapshot(SESSION, 0, 1, 100);
        final int length = InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names("ETHUSDT", "binance"), 1, 0, 0L, 2, 3);
        buffer.putShort(2, (short)(WireHeader.VERSION + 1), WireHeader.BYTE_ORDER);
        books.onMessage(buffer, 0, length, SESSION);
        LevelChanges.encode(buffer, 0, 0, 2, System.nanoTime(), 101, 0L, 1, true);
        LevelChanges.putLevel(buffer, 0, 0, DepthMessage.BID, 100, 0);
        buffer.putShort(2, (short)(WireHeader.VERSION + 1), WireHeader.BYTE_ORDER);
        books.onMessage(buffer, 0, LevelChanges.length(1), SESSION);

        assertThat(books.versionsRefused.get()).isEqualTo(2);
        assertThat(books.views().find("binance", "ETHUSDT")).as("a definition of an unknown version is not read").isNull();
        assertThat(view("BTCUSDT").read(top)).isTrue();
        assertThat(top.bidPriceMantissa()).as("changes of an unknown version are not applied").isEqualTo(100);
        assertThat(top.updateId()).isEqualTo(100);
        assertThat(books.messages.get()).isEqualTo(2);
    }

    @Test
    void refusesADefinitionShorterThanItsNames()
    {
        final int length = InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names("BTCUSDT", "binance"), 0, 0, 0L, 2, 3);
        books.onMessage(buffer, 0, length - 3, SESSION);

        assertThat(books.refused.get()).isEqualTo(1);
        assertThat(books.views().size()).isZero();
    }

    private void define(final int session, final int instrumentId, final String venue, final String symbol)
    {
        final int length = InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names(symbol, venue), instrumentId, 0, 0L, 2, 3);
        books.onMessage(buffer, 0, length, session);
    }

    private BookView view(final String symbol)
    {
        final BookView view = books.views().find(symbol);
        assertThat(view).as(symbol).isNotNull();
        return view;
    }

    private void define(final int session, final int instrumentId, final String symbol)
    {
        final int length = InstrumentDefinition.encode(buffer, 0, instrumentId, 0, 0L, symbol.toUpperCase(java.util.Locale.ROOT), 2, 3);
        books.onMessage(buffer, 0, length, session);
    }

    /** A book of bids 100, 99, 98 and asks 101, 102, each of quantity 10. */
    private void snapshot(final int session, final int instrumentId, final int sequence, final long updateId)
    {
        BookSnapshot.encode(buffer, 0, instrumentId, sequence, 0L, updateId, 0L, 3, 2);
        BookSnapshot.putLevel(buffer, 0, 0, 100, 10);
        BookSnapshot.putLevel(buffer, 0, 1, 99, 10);
        BookSnapshot.putLevel(buffer, 0, 2, 98, 10);
        BookSnapshot.putLevel(buffer, 0, 3, 101, 10);
        BookSnapshot.putLevel(buffer, 0, 4, 102, 10);
        books.onMessage(buffer, 0, BookSnapshot.length(5), session);
    }

    private void changes(
        final int session, final int instrumentId, final int sequence, final long updateId, final byte side, final long price,
        final long quantity)
    {
        LevelChanges.encode(buffer, 0, instrumentId, sequence, System.nanoTime(), updateId, 0L, 1, true);
        LevelChanges.putLevel(buffer, 0, 0, side, price, quantity);
        books.onMessage(buffer, 0, LevelChanges.length(1), session);
    }
}
