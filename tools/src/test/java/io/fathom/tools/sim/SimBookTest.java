package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimBookTest
{
    private static final int DIFFS = 100_000;

    private final DepthMessage diff = new DepthMessage(SimBook.MAX_DIFF_LEVELS);

    @Test
    void neverCrossesAndKeepsDepthInRangeOver100kDiffs()
    {
        final SimBook book = SimBook.create(3, 42);
        for (int i = 0; i < DIFFS; i++)
        {
            book.nextDiff(diff);
            assertThat(book.bidPrice(0)).isLessThan(book.askPrice(0));
            assertThat(book.bidCount()).isBetween(20, 50);
            assertThat(book.askCount()).isBetween(20, 50);
            assertThat(book.bidPrice(book.bidCount() - 1)).isPositive();
        }
        assertSorted(book);
    }

    @Test
    void chainsUpdateIdsContiguously()
    {
        final SimBook book = SimBook.create(0, 7);
        long previousLast = book.lastUpdateId();
        for (int i = 0; i < DIFFS; i++)
        {
            book.nextDiff(diff);
            assertThat(diff.kind()).isEqualTo(DepthMessage.KIND_DELTA);
            assertThat(diff.firstUpdateId()).isEqualTo(previousLast + 1);
            assertThat(diff.lastUpdateId()).isGreaterThanOrEqualTo(diff.firstUpdateId());
            assertThat(diff.previousUpdateId()).isEqualTo(DepthMessage.NO_ID);
            assertThat(book.lastUpdateId()).isEqualTo(diff.lastUpdateId());
            previousLast = diff.lastUpdateId();
        }
    }

    @Test
    void writesDiffsWithUniquePricesBestFirstOnTickAndScale()
    {
        final SimBook book = SimBook.create(1, 99);
        for (int i = 0; i < 10_000; i++)
        {
            book.nextDiff(diff);
            assertThat(diff.levelCount()).isBetween(1, SimBook.MAX_DIFF_LEVELS);
            assertThat(diff.symbolAsString()).isEqualTo("SYM1");
            assertThat(diff.priceScale()).isEqualTo(8);
            assertThat(diff.quantityScale()).isEqualTo(8);
            long previousBid = Long.MAX_VALUE;
            long previousAsk = Long.MIN_VALUE;
            boolean seenAsk = false;
            for (int l = 0; l < diff.levelCount(); l++)
            {
                assertThat(diff.price(l) % SimBook.TICK_SIZE).isZero();
                assertThat(diff.quantity(l)).isNotNegative();
                if (diff.side(l) == DepthMessage.BID)
                {
                    assertThat(seenAsk).as("bids come before asks").isFalse();
                    assertThat(diff.price(l)).isLessThan(previousBid);
                    previousBid = diff.price(l);
                }
                else
                {
                    seenAsk = true;
                    assertThat(diff.price(l)).isGreaterThan(previousAsk);
                    previousAsk = diff.price(l);
                }
            }
        }
    }

    @Test
    void isDeterministicPerSeedAndSymbolIndex()
    {
        final SimBook first = SimBook.create(5, 1234);
        final SimBook second = SimBook.create(5, 1234);
        final DepthMessage other = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
        assertThat(second.lastUpdateId()).isEqualTo(first.lastUpdateId());
        for (int i = 0; i < 10_000; i++)
        {
            first.nextDiff(diff);
            second.nextDiff(other);
            assertSameMessage(diff, other);
        }
        assertSameLevels(first, second);
    }

    @Test
    void differsAcrossSymbolIndexAndSeed()
    {
        assertThat(diffs(SimBook.create(0, 1), 50)).isNotEqualTo(diffs(SimBook.create(1, 1), 50));
        assertThat(diffs(SimBook.create(0, 1), 50)).isNotEqualTo(diffs(SimBook.create(0, 2), 50));
        assertThat(SimBook.symbolSeed(1, 0)).isNotEqualTo(SimBook.symbolSeed(1, 1));
    }

    @Test
    void snapshotsTheTopLevelsInOrder()
    {
        final SimBook book = SimBook.create(2, 5);
        for (int i = 0; i < 1_000; i++)
        {
            book.nextDiff(diff);
        }
        final DepthMessage snapshot = new DepthMessage(2 * book.sideCapacity());
        book.snapshot(5, snapshot);
        assertThat(snapshot.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(snapshot.firstUpdateId()).isEqualTo(book.lastUpdateId());
        assertThat(snapshot.lastUpdateId()).isEqualTo(book.lastUpdateId());
        assertThat(snapshot.levelCount()).isEqualTo(10);
        for (int i = 0; i < 5; i++)
        {
            assertThat(snapshot.side(i)).isEqualTo(DepthMessage.BID);
            assertThat(snapshot.price(i)).isEqualTo(book.bidPrice(i));
            assertThat(snapshot.quantity(i)).isEqualTo(book.bidQuantity(i));
            assertThat(snapshot.side(5 + i)).isEqualTo(DepthMessage.ASK);
            assertThat(snapshot.price(5 + i)).isEqualTo(book.askPrice(i));
            assertThat(snapshot.quantity(5 + i)).isEqualTo(book.askQuantity(i));
        }

        book.snapshot(5_000, snapshot);
        assertThat(snapshot.levelCount()).isEqualTo(book.bidCount() + book.askCount());
    }

    @Test
    void snapshotPlusDiffsRebuildsTheBook()
    {
        final SimBook exchange = SimBook.create(4, 77);
        for (int i = 0; i < 500; i++)
        {
            exchange.nextDiff(diff);
        }
        final DepthMessage snapshot = new DepthMessage(2 * exchange.sideCapacity());
        exchange.snapshot(SimRestServer.MAX_LIMIT, snapshot);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        apply(snapshot, bids, asks);

        for (int i = 0; i < 20_000; i++)
        {
            exchange.nextDiff(diff);
            apply(diff, bids, asks);
            assertThat(bids.firstKey()).isLessThan(asks.firstKey());
        }
        assertThat(levels(bids)).isEqualTo(bidLevels(exchange));
        assertThat(levels(asks)).isEqualTo(askLevels(exchange));
    }

    @Test
    void advancesToAnUpdateIdAndMatchesTheLiveBook()
    {
        final SimBook live = SimBook.create(6, 3);
        for (int i = 0; i < 777; i++)
        {
            live.nextDiff(diff);
        }
        final SimBook replay = SimBook.create(6, 3);
        assertThat(replay.advanceTo(live.lastUpdateId(), new DepthMessage(SimBook.MAX_DIFF_LEVELS))).isTrue();
        assertSameLevels(live, replay);
    }

    @Test
    void rejectsOutOfRangeArguments()
    {
        assertThatThrownBy(() -> SimBook.create(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimBook.create(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimBook.create(0, 1).nextDiff(new DepthMessage(4)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimBook.create(0, 1).snapshot(0, new DepthMessage(100)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static void apply(final DepthMessage message, final Map<Long, Long> bids, final Map<Long, Long> asks)
    {
        for (int i = 0; i < message.levelCount(); i++)
        {
            final Map<Long, Long> side = message.side(i) == DepthMessage.BID ? bids : asks;
            if (message.quantity(i) == 0)
            {
                side.remove(message.price(i));
            }
            else
            {
                side.put(message.price(i), message.quantity(i));
            }
        }
    }

    private static List<List<Long>> levels(final TreeMap<Long, Long> side)
    {
        final List<List<Long>> levels = new ArrayList<>();
        side.forEach((price, quantity) -> levels.add(List.of(price, quantity)));
        return levels;
    }

    private static List<List<Long>> bidLevels(final SimBook book)
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (int i = 0; i < book.bidCount(); i++)
        {
            levels.add(List.of(book.bidPrice(i), book.bidQuantity(i)));
        }
        return levels;
    }

    private static List<List<Long>> askLevels(final SimBook book)
    {
        final List<List<Long>> levels = new ArrayList<>();
        for (int i = 0; i < book.askCount(); i++)
        {
            levels.add(List.of(book.askPrice(i), book.askQuantity(i)));
        }
        return levels;
    }

    private static List<String> diffs(final SimBook book, final int count)
    {
        final DepthMessage message = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
        final List<String> diffs = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            book.nextDiff(message);
            final StringBuilder text = new StringBuilder();
            for (int l = 0; l < message.levelCount(); l++)
            {
                text.append(message.side(l)).append(':').append(message.price(l)).append('=')
                    .append(message.quantity(l)).append(' ');
            }
            diffs.add(text.toString());
        }
        return diffs;
    }

    private static void assertSameMessage(final DepthMessage expected, final DepthMessage actual)
    {
        assertThat(actual.firstUpdateId()).isEqualTo(expected.firstUpdateId());
        assertThat(actual.lastUpdateId()).isEqualTo(expected.lastUpdateId());
        assertThat(actual.levelCount()).isEqualTo(expected.levelCount());
        for (int l = 0; l < expected.levelCount(); l++)
        {
            assertThat(actual.side(l)).isEqualTo(expected.side(l));
            assertThat(actual.price(l)).isEqualTo(expected.price(l));
            assertThat(actual.quantity(l)).isEqualTo(expected.quantity(l));
        }
    }

    private static void assertSameLevels(final SimBook expected, final SimBook actual)
    {
        assertThat(actual.lastUpdateId()).isEqualTo(expected.lastUpdateId());
        assertThat(bidLevels(actual)).isEqualTo(bidLevels(expected));
        assertThat(askLevels(actual)).isEqualTo(askLevels(expected));
    }

    private static void assertSorted(final SimBook book)
    {
        for (int i = 1; i < book.bidCount(); i++)
        {
            assertThat(book.bidPrice(i)).isLessThan(book.bidPrice(i - 1));
        }
        for (int i = 1; i < book.askCount(); i++)
        {
            assertThat(book.askPrice(i)).isGreaterThan(book.askPrice(i - 1));
        }
    }
}
