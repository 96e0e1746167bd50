package io.fathom.tools;

import io.fathom.engine.book.OrderBook;
import io.fathom.tools.sim.SimBook;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine's book against the simulator's own book of the same instrument, level by level. */
final class SimBookAssertions
{
    private SimBookAssertions()
    {
    }

    static void assertSameLevels(final String symbol, final OrderBook book, final SimBook expected)
    {
        assertThat(book.bids().size()).as("%s bid levels", symbol).isEqualTo(expected.bidCount());
        assertThat(book.asks().size()).as("%s ask levels", symbol).isEqualTo(expected.askCount());
        for (int i = 0; i < expected.bidCount(); i++)
        {
            assertThat(book.bids().price(i)).as("%s bid %d price", symbol, i).isEqualTo(expected.bidPrice(i));
            assertThat(book.bids().quantity(i)).as("%s bid %d qty", symbol, i).isEqualTo(expected.bidQuantity(i));
        }
        for (int i = 0; i < expected.askCount(); i++)
        {
            assertThat(book.asks().price(i)).as("%s ask %d price", symbol, i).isEqualTo(expected.askPrice(i));
            assertThat(book.asks().quantity(i)).as("%s ask %d qty", symbol, i).isEqualTo(expected.askQuantity(i));
        }
    }
}
