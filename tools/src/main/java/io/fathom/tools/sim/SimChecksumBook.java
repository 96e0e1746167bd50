package io.fathom.tools.sim;

import io.fathom.codec.checksum.ChecksumBook;

/**
 * A {@link SimBook} as the codec's checksums read it, every value with the digits the venue writes
 * ({@link SimNumberFormat}), so the checksum sent is the one a client computes from the text it received.
 * Point it at a book with {@link #wrap}; generator thread only.
 */
final class SimChecksumBook implements ChecksumBook
{
    private final SimNumberFormat format;
    private SimBook book;

    SimChecksumBook(final SimNumberFormat format)
    {
        this.format = format;
    }

    SimChecksumBook wrap(final SimBook book)
    {
        this.book = book;
        return this;
    }

    public int priceScale()
    {
        return SimBook.SCALE;
    }

    public int quantityScale()
    {
        return SimBook.SCALE;
    }

    public int levelCount(final byte side)
    {
        return book.levelCount(side);
    }

    public long price(final byte side, final int level)
    {
        return book.price(side, level);
    }

    public long quantity(final byte side, final int level)
    {
        return book.quantity(side, level);
    }

    public int priceDecimals(final byte side, final int level)
    {
        return format.priceDecimals(book.price(side, level));
    }

    public int quantityDecimals(final byte side, final int level)
    {
        return format.quantityDecimals(book.quantity(side, level));
    }
}
