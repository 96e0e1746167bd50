package io.fathom.engine.view;

import io.fathom.engine.book.OrderBook;

/** An {@link OrderBook} read as a {@link BookLevelSource}; re-pointed per publish, so it never allocates. */
final class OrderBookLevels implements BookLevelSource
{
    private OrderBook book;

    OrderBookLevels wrap(final OrderBook book)
    {
        this.book = book;
        return this;
    }

    @Override
    public int levelCount(final byte side)
    {
        return book.levelCount(side);
    }

    @Override
    public long price(final byte side, final int level)
    {
        return book.price(side, level);
    }

    @Override
    public long quantity(final byte side, final int level)
    {
        return book.quantity(side, level);
    }
}
