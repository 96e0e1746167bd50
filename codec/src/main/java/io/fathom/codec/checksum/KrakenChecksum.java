package io.fathom.codec.checksum;

import io.fathom.codec.DepthMessage;

/**
 * Kraken's book checksum, WebSocket v1 ({@code "c"}) and v2 ({@code checksum}): the CRC-32 of the top
 * {@value #LEVELS} asks (price ascending) then the top {@value #LEVELS} bids (price descending), each level
 * written as its price then its quantity, every value with the point and leading zeros removed
 * ({@code "0.00100000"} becomes {@code "100000"}).
 *
 * <p>Documented at https://docs.kraken.com/api/docs/guides/spot-ws-book-v1 and
 * https://docs.kraken.com/api/docs/guides/spot-ws-book-v2. The book must first have every level of the
 * message applied in order and be truncated to the subscribed depth. Stateless, allocation-free.
 */
public final class KrakenChecksum
{
    /** Levels per side that the checksum covers, whatever the subscribed depth. */
    public static final int LEVELS = 10;

    private KrakenChecksum()
    {
    }

    /**
     * @return the checksum as an unsigned 32-bit value, comparable with {@link DepthMessage#checksum()}.
     */
    public static long compute(final ChecksumBook book)
    {
        int crc = Crc32.INITIAL;
        crc = updateSide(crc, book, DepthMessage.ASK);
        crc = updateSide(crc, book, DepthMessage.BID);
        return Crc32.finish(crc);
    }

    private static int updateSide(final int crc, final ChecksumBook book, final byte side)
    {
        final int priceScale = book.priceScale();
        final int quantityScale = book.quantityScale();
        final int count = Math.min(LEVELS, book.levelCount(side));
        int c = crc;
        for (int level = 0; level < count; level++)
        {
            c = ChecksumText.updateStripped(c, book.price(side, level), priceScale, book.priceDecimals(side, level));
            c = ChecksumText.updateStripped(
                c, book.quantity(side, level), quantityScale, book.quantityDecimals(side, level));
        }
        return c;
    }
}
