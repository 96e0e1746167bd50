package io.fathom.engine.book;

import io.fathom.codec.DepthMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A book built from any sequence of level updates matches a simple sorted-map model. */
class OrderBookPropertyTest
{
    record Update(byte side, long price, long quantity)
    {
    }

    @Provide
    Arbitrary<List<Update>> updates()
    {
        final Arbitrary<Byte> side = Arbitraries.of(DepthMessage.BID, DepthMessage.ASK);
        final Arbitrary<Long> price = Arbitraries.longs().between(1, 60);
        final Arbitrary<Long> quantity = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 1_000_000)));
        return Combinators.combine(side, price, quantity).as(Update::new).list().ofMaxSize(400);
    }

    /**
     * Prices on a tick grid far from zero, whose range drifts along the sequence and reaches beyond a side's
     * price-indexed range, with rare prices off the grid: the side re-centres, learns a finer tick and keeps
     * outer levels.
     */
    @Provide
    Arbitrary<List<Update>> movingUpdates()
    {
        final Arbitrary<Long> tick = Arbitraries.of(1L, 7L, 250_000L, 1_000_000L);
        final Arbitrary<Long> base = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000_000L);
        final Arbitrary<Integer> drift = Arbitraries.of(0, 1, -1, 3, -7);
        final Arbitrary<Byte> side = Arbitraries.of(DepthMessage.BID, DepthMessage.ASK);
        final Arbitrary<Long> ticks = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(-40, 40)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-5_000, 5_000)));
        final Arbitrary<Long> offGrid = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(60, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L)));
        final Arbitrary<Long> quantity = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 1_000_000)));
        final Arbitrary<List<long[]>> steps = Combinators.combine(side, ticks, offGrid, quantity)
            .as((s, n, off, q) -> new long[] { s, n, off, q }).list().ofMaxSize(400);
        return Combinators.combine(tick, base, drift, steps).as((t, b, d, list) ->
        {
            final List<Update> updates = new java.util.ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++)
            {
                final long[] step = list.get(i);
                final long price = b + t * (step[1] + (long)d * i) + step[2];
                updates.add(new Update((byte)step[0], price, step[3]));
            }
            return updates;
        });
    }

    /**
     * Prices on a tick grid that spread outward from the mid as the sequence goes on, with changes and removals
     * near the best: each side starts with a few levels and widens past several doublings of its arrays.
     */
    @Provide
    Arbitrary<List<Update>> spreadingUpdates()
    {
        final Arbitrary<Long> tick = Arbitraries.of(1L, 5L, 1_000_000L);
        final Arbitrary<Long> base = Arbitraries.longs().between(1_000_000_000L, 1_000_000_000_000L);
        final Arbitrary<Byte> side = Arbitraries.of(DepthMessage.BID, DepthMessage.ASK);
        final Arbitrary<Long> ticks = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 8)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 200)));
        final Arbitrary<Long> quantity = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 1_000_000)));
        final Arbitrary<List<long[]>> steps = Combinators.combine(side, ticks, quantity)
            .as((s, n, q) -> new long[] { s, n, q }).list().ofMinSize(200).ofMaxSize(1_500);
        return Combinators.combine(tick, base, steps).as((t, b, list) ->
        {
            final List<Update> updates = new java.util.ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++)
            {
                final long[] step = list.get(i);
                final long distance = t * (1 + i * 2L / 3 - step[1]);
                final long price = step[0] == DepthMessage.BID ? b - distance : b + distance;
                updates.add(new Update((byte)step[0], price, step[2]));
            }
            return updates;
        });
    }

    @Property(tries = 100)
    void matchesSortedMapModelAsSidesGrowToCapacity(@ForAll("spreadingUpdates") final List<Update> updates)
    {
        matchesModel(updates, 100);
        matchesModel(updates, 300);
        matchesModel(updates, 2_048);
    }

    @Test
    void aSideGrowsAsLevelsArriveToCapacityAndKeepsItsArraysWhenCleared()
    {
        final int capacity = 2_048;
        final OrderBook book = new OrderBook(0, capacity);
        final BookSide bids = book.bids();
        assertThat(bids.ladder.slots()).isEqualTo(TickLadder.MIN_SLOTS);
        assertThat(bids.outer.slots()).isEqualTo(SortedLevels.INITIAL_SLOTS);
        final TreeMap<Long, Long> model = new TreeMap<>(Comparator.reverseOrder());
        final long mid = 50_000_000_000L;
        final long tick = 10_000L;
        for (int round = 0; round < 2; round++)
        {
            model.clear();
            int slotsBefore = bids.ladder.slots();
            int growths = 0;
            for (int i = 1; i <= capacity + 10; i++)
            {
                final long price = mid - i * tick;
                final long quantity = 1_000L + i;
                model.put(price, quantity);
                if (model.size() > capacity)
                {
                    model.pollLastEntry();
                }
                book.set(DepthMessage.BID, price, quantity);
                if (bids.ladder.slots() != slotsBefore)
                {
                    growths++;
                    slotsBefore = bids.ladder.slots();
                }
                if (Integer.bitCount(i) == 1)
                {
                    assertSide(bids, model);
                }
            }
            assertSide(bids, model);
            assertThat(bids.size()).isEqualTo(capacity);
            assertThat(bids.ladder.slots()).isEqualTo(4_096);
            assertThat(growths).as("growths in round %d", round).isEqualTo(round == 0 ? 6 : 0);
            final TickLadder ladder = bids.ladder;
            final long[] outerKeys = bids.outer.keys;
            book.clear();
            assertThat(bids.size()).isZero();
            assertThat(bids.ladder).isSameAs(ladder);
            assertThat(bids.ladder.slots()).isEqualTo(4_096);
            assertThat(bids.outer.keys).isSameAs(outerKeys);
        }
        assertThat(book.asks().ladder.slots()).isEqualTo(TickLadder.MIN_SLOTS);
    }

    @Test
    void aLevelTooFarForEvenAFullLadderStaysOuterAndGrowsNothing()
    {
        final OrderBook book = new OrderBook(0, 2_048);
        for (int i = 0; i < 20; i++)
        {
            book.set(DepthMessage.ASK, 1_000 + i, 1 + i);
        }
        book.set(DepthMessage.ASK, 1_000_000, 99);
        assertThat(book.asks().ladder.slots()).isEqualTo(TickLadder.MIN_SLOTS);
        assertThat(book.asks().size()).isEqualTo(21);
        assertThat(book.asks().price(20)).isEqualTo(1_000_000);
        assertThat(book.asks().price(0)).isEqualTo(1_000);
    }

    @Property(tries = 300)
    void matchesSortedMapModel(@ForAll("updates") final List<Update> updates)
    {
        matchesModel(updates, 64);
    }

    @Property(tries = 300)
    void matchesSortedMapModelAsPricesMoveAndLeaveTheRange(@ForAll("movingUpdates") final List<Update> updates)
    {
        matchesModel(updates, 64);
        matchesModel(updates, 2_048);
    }

    @Property(tries = 200)
    void aFullSideKeepsTheBestLevelsAsPricesMove(@ForAll("movingUpdates") final List<Update> updates)
    {
        matchesModel(updates, 8);
    }

    @Property(tries = 200)
    void aClearedBookMatchesTheModelOfWhatFollowedTheClear(
        @ForAll("movingUpdates") final List<Update> before, @ForAll("movingUpdates") final List<Update> after)
    {
        final OrderBook book = new OrderBook(0, 64);
        for (final Update u : before)
        {
            book.set(u.side(), u.price(), u.quantity());
        }
        book.clear();
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (final Update u : after)
        {
            final TreeMap<Long, Long> model = u.side() == DepthMessage.BID ? bids : asks;
            if (u.quantity() == 0)
            {
                model.remove(u.price());
            }
            else
            {
                model.put(u.price(), u.quantity());
            }
            if (model.size() > 64)
            {
                model.pollLastEntry();
            }
            book.set(u.side(), u.price(), u.quantity());
        }
        assertSide(book.bids(), bids);
        assertSide(book.asks(), asks);
    }

    @Test
    void aPriceBetweenTheTicksLearnedKeepsTheOrder()
    {
        final OrderBook book = new OrderBook(0, 16);
        book.set(DepthMessage.ASK, 1_000, 1);
        book.set(DepthMessage.ASK, 1_200, 2);
        book.set(DepthMessage.ASK, 1_400, 3);
        book.set(DepthMessage.ASK, 1_300, 4);
        book.set(DepthMessage.ASK, 1_000_000_003, 5);
        assertThat(book.set(DepthMessage.ASK, 999, 6)).isEqualTo(OrderBook.TOP_CHANGED);

        final long[] prices = new long[6];
        final long[] quantities = new long[6];
        assertThat(book.asks().copyTop(10, prices, 0, quantities, 0, 1)).isEqualTo(6);
        assertThat(prices).containsExactly(999, 1_000, 1_200, 1_300, 1_400, 1_000_000_003);
        assertThat(quantities).containsExactly(6, 1, 2, 4, 3, 5);
    }

    private static void matchesModel(final List<Update> updates, final int capacity)
    {
        final OrderBook book = new OrderBook(0, capacity);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (final Update u : updates)
        {
            final TreeMap<Long, Long> model = u.side() == DepthMessage.BID ? bids : asks;
            final Long bestBefore = model.isEmpty() ? null : model.firstKey();
            final Long bestQtyBefore = bestBefore == null ? null : model.get(bestBefore);
            if (u.quantity() == 0)
            {
                model.remove(u.price());
            }
            else
            {
                model.put(u.price(), u.quantity());
            }
            final boolean full = model.size() > capacity && model.pollLastEntry().getKey() == u.price();
            final int outcome = book.set(u.side(), u.price(), u.quantity());
            assertThat(outcome == OrderBook.FULL).as("full at %d", u.price()).isEqualTo(full);
            final Long bestAfter = model.isEmpty() ? null : model.firstKey();
            final boolean topChanged = !java.util.Objects.equals(bestBefore, bestAfter) ||
                (bestAfter != null && !model.get(bestAfter).equals(bestQtyBefore));
            if (topChanged)
            {
                assertThat(outcome).isEqualTo(OrderBook.TOP_CHANGED);
            }
            else
            {
                assertThat(outcome).isNotEqualTo(OrderBook.TOP_CHANGED);
            }
        }
        assertSide(book.bids(), bids);
        assertSide(book.asks(), asks);
    }

    @Property(tries = 100)
    void fullSideKeepsTheBestLevels(@ForAll("updates") final List<Update> updates)
    {
        final int capacity = 8;
        final OrderBook book = new OrderBook(0, capacity);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        for (final Update u : updates)
        {
            if (u.quantity() == 0)
            {
                continue;
            }
            bids.put(u.price(), u.quantity());
            book.set(DepthMessage.BID, u.price(), u.quantity());
        }
        final TreeMap<Long, Long> best = new TreeMap<>(Comparator.reverseOrder());
        bids.entrySet().stream().limit(capacity).forEach(e -> best.put(e.getKey(), e.getValue()));
        assertSide(book.bids(), best);
    }

    @Property(tries = 300)
    void aCutThatSaysItIsCompleteKeepsExactlyTheBestLevels(@ForAll("updates") final List<Update> updates)
    {
        cutKeepsTheBestLevels(updates);
    }

    @Property(tries = 200)
    void aCutKeepsTheBestLevelsAsPricesMove(@ForAll("movingUpdates") final List<Update> updates)
    {
        cutKeepsTheBestLevels(updates);
    }

    private static void cutKeepsTheBestLevels(final List<Update> updates)
    {
        final int capacity = 8;
        final int depth = 5;
        final OrderBook book = new OrderBook(0, capacity);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < updates.size(); i++)
        {
            final Update u = updates.get(i);
            book.set(u.side(), u.price(), u.quantity());
            final TreeMap<Long, Long> model = u.side() == DepthMessage.BID ? bids : asks;
            if (u.quantity() == 0)
            {
                model.remove(u.price());
            }
            else
            {
                model.put(u.price(), u.quantity());
            }
            if (i % 7 == 6)
            {
                final boolean complete = book.truncate(depth);
                keepBest(bids, depth);
                keepBest(asks, depth);
                if (!complete)
                {
                    return;
                }
                assertSide(book.bids(), bids);
                assertSide(book.asks(), asks);
            }
        }
    }

    @Test
    void aCutReportsALevelWithinDepthLostToAFullSide()
    {
        final OrderBook book = new OrderBook(0, 3);
        book.set(DepthMessage.BID, 100, 1);
        book.set(DepthMessage.BID, 99, 1);
        book.set(DepthMessage.BID, 98, 1);
        book.set(DepthMessage.BID, 101, 1);
        assertThat(book.truncate(3)).as("98 pushed out by 101 is beyond depth 3").isTrue();

        book.set(DepthMessage.BID, 102, 1);
        book.set(DepthMessage.BID, 101, 0);

        assertThat(book.truncate(3)).as("99 pushed out by 102, needed again once 101 went").isFalse();
        assertThat(book.truncate(3)).as("reported once per cut").isTrue();
    }

    @Property(tries = 300)
    void volumePressureIsTheImbalanceOfTheTopLevelsAndStaysWithinOne(
        @ForAll("quantities") final List<Long> bidQuantities,
        @ForAll("quantities") final List<Long> askQuantities)
    {
        final int depth = 10;
        final OrderBook book = new OrderBook(0, 64);
        for (int i = 0; i < bidQuantities.size(); i++)
        {
            book.set(DepthMessage.BID, 1_000 - i, bidQuantities.get(i));
        }
        for (int i = 0; i < askQuantities.size(); i++)
        {
            book.set(DepthMessage.ASK, 2_000 + i, askQuantities.get(i));
        }

        final double pressure = book.volumePressure(depth);

        final BigInteger bid = topVolume(bidQuantities, depth);
        final BigInteger ask = topVolume(askQuantities, depth);
        assertThat(pressure).isBetween(-1.0, 1.0);
        if (bid.signum() == 0 && ask.signum() == 0)
        {
            assertThat(pressure).isZero();
        }
        else if (bid.bitLength() < Long.SIZE && ask.bitLength() < Long.SIZE)
        {
            final double exact = new BigDecimal(bid.subtract(ask))
                .divide(new BigDecimal(bid.add(ask)), MathContext.DECIMAL64).doubleValue();
            assertThat(pressure).isCloseTo(exact, within(1e-12));
        }
    }

    @Provide
    Arbitrary<List<Long>> quantities()
    {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).list().ofMaxSize(12);
    }

    private static void keepBest(final TreeMap<Long, Long> side, final int depth)
    {
        while (side.size() > depth)
        {
            side.pollLastEntry();
        }
    }

    private static BigInteger topVolume(final List<Long> quantities, final int depth)
    {
        return quantities.stream().limit(depth).map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static void assertSide(final BookSide side, final TreeMap<Long, Long> model)
    {
        assertThat(side.size()).isEqualTo(model.size());
        final long[] prices = new long[model.size()];
        final long[] quantities = new long[model.size()];
        int i = 0;
        for (final Map.Entry<Long, Long> level : model.entrySet())
        {
            assertThat(side.price(i)).isEqualTo(level.getKey());
            assertThat(side.quantity(i)).isEqualTo(level.getValue());
            prices[i] = level.getKey();
            quantities[i] = level.getValue();
            i++;
        }
        for (int rank = prices.length - 1; rank >= 0; rank -= 3)
        {
            assertThat(side.price(rank)).as("rank %d read out of order", rank).isEqualTo(prices[rank]);
        }
        final long[] copiedPrices = new long[prices.length + 1];
        final long[] copiedQuantities = new long[prices.length + 1];
        final int top = Math.min(10, prices.length);
        assertThat(side.copyTop(10, copiedPrices, 1, copiedQuantities, 1, 1)).isEqualTo(top);
        assertThat(Arrays.copyOfRange(copiedPrices, 1, 1 + top)).containsExactly(Arrays.copyOf(prices, top));
        assertThat(Arrays.copyOfRange(copiedQuantities, 1, 1 + top)).containsExactly(Arrays.copyOf(quantities, top));

        final long[] allPrices = new long[prices.length];
        final long[] allQuantities = new long[prices.length];
        assertThat(side.copyTop(prices.length + 1, allPrices, 0, allQuantities, 0, 1)).isEqualTo(prices.length);
        assertThat(allPrices).containsExactly(prices);
        assertThat(allQuantities).containsExactly(quantities);
        BigInteger volume = BigInteger.ZERO;
        for (final long quantity : quantities)
        {
            volume = volume.add(BigInteger.valueOf(quantity));
        }
        assertThat(side.volume(prices.length + 1))
            .isEqualTo(volume.bitLength() < Long.SIZE ? volume.longValue() : Long.MAX_VALUE);
    }
}
