package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;

/**
 * The top of a {@link SimBook} as a snapshot-on-subscribe venue shows it, and what changed in it across one
 * diff: {@link #capture} copies the top levels before the diff, {@link #appendChanges} then writes the levels
 * a client holding that view needs so that, after it truncates to the same depth, it holds the book's new
 * top exactly.
 *
 * <p>A level still in view with a new quantity, or new to the view (inserted, or moved up because a better
 * one went), is sent with its quantity; a level that left the book is sent with quantity 0; a level pushed
 * below the depth by an insert is sent as 0 only when the venue says so ({@code reportPushedOut}), Kraken
 * does not and leaves truncation to the client. A removal of a level the view never held is not sent.
 * Preallocated; generator thread only.
 */
final class SimBookView
{
    /** A depth meaning "the whole book". */
    static final int FULL_DEPTH = Integer.MAX_VALUE;

    private final long[][] prices;
    private final long[][] quantities;
    private final int[] counts = new int[2];

    /**
     * @param sideCapacity the most levels a book side holds ({@link SimBook#sideCapacity()}).
     */
    SimBookView(final int sideCapacity)
    {
        prices = new long[2][sideCapacity];
        quantities = new long[2][sideCapacity];
    }

    /** Copies the top {@code depth} levels of each side of {@code book}, as they are before the next diff. */
    void capture(final SimBook book, final int depth)
    {
        captureSide(book, DepthMessage.BID, depth);
        captureSide(book, DepthMessage.ASK, depth);
    }

    /**
     * Appends, best first, the levels of {@code side} that turn the captured top {@code depth} (at most the
     * captured depth) into the book's current top {@code depth}.
     */
    void appendChanges(
        final SimBook book,
        final byte side,
        final int depth,
        final boolean reportPushedOut,
        final SimNumberFormat format,
        final DepthMessage out)
    {
        final boolean bid = side == DepthMessage.BID;
        final long[] oldPrices = prices[side];
        final long[] oldQuantities = quantities[side];
        final int oldCount = Math.min(depth, counts[side]);
        final int newCount = Math.min(depth, book.levelCount(side));
        int i = 0;
        int j = 0;
        while (i < oldCount || j < newCount)
        {
            final long newPrice = j < newCount ? book.price(side, j) : 0;
            if (j >= newCount || (i < oldCount && better(bid, oldPrices[i], newPrice)))
            {
                final long oldPrice = oldPrices[i++];
                if (reportPushedOut || book.indexOf(side, oldPrice) < 0)
                {
                    format.addLevel(out, side, oldPrice, 0);
                }
            }
            else if (i >= oldCount || better(bid, newPrice, oldPrices[i]))
            {
                format.addLevel(out, side, newPrice, book.quantity(side, j++));
            }
            else
            {
                final long quantity = book.quantity(side, j++);
                if (quantity != oldQuantities[i++])
                {
                    format.addLevel(out, side, newPrice, quantity);
                }
            }
        }
    }

    /** Appends the top {@code depth} levels of {@code side}, best first. */
    static void appendTop(
        final SimBook book, final byte side, final int depth, final SimNumberFormat format, final DepthMessage out)
    {
        for (int i = 0, count = Math.min(depth, book.levelCount(side)); i < count; i++)
        {
            format.addLevel(out, side, book.price(side, i), book.quantity(side, i));
        }
    }

    private void captureSide(final SimBook book, final byte side, final int depth)
    {
        final int count = Math.min(depth, book.levelCount(side));
        for (int i = 0; i < count; i++)
        {
            prices[side][i] = book.price(side, i);
            quantities[side][i] = book.quantity(side, i);
        }
        counts[side] = count;
    }

    private static boolean better(final boolean bid, final long price, final long than)
    {
        return bid ? price > than : price < than;
    }
}
