package io.fathom.codec.checksum;

import io.fathom.codec.DepthMessage;

/**
 * The OKX v5 {@code books} checksum, which Bitget v1 {@code books} shares: the CRC-32, read as a signed
 * 32-bit integer, of {@code bidPx:bidSz:askPx:askSz:...} over the top {@value #LEVELS} levels of each side,
 * level by level, bid first; once one side runs out the other side's levels continue alone. Values are the
 * text as received (trailing zeros kept).
 *
 * <p>Documented at https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel
 * (section "Checksum") and https://bitgetlimited.github.io/apidoc/en/spot/#depth-channel. OKX announced the
 * live field is always 0 from June 2026, so a caller checks only a non-zero checksum there. Stateless,
 * allocation-free.
 */
public final class OkxChecksum
{
    /** Levels per side that the checksum covers. */
    public static final int LEVELS = 25;

    private OkxChecksum()
    {
    }

    /**
     * @return the checksum as a signed 32-bit value widened to {@code long}, comparable with
     * {@link DepthMessage#checksum()}.
     */
    public static long compute(final ChecksumBook book)
    {
        final int bids = Math.min(LEVELS, book.levelCount(DepthMessage.BID));
        final int asks = Math.min(LEVELS, book.levelCount(DepthMessage.ASK));
        int crc = Crc32.INITIAL;
        boolean first = true;
        for (int level = 0, levels = Math.max(bids, asks); level < levels; level++)
        {
            if (level < bids)
            {
                crc = updateLevel(crc, book, DepthMessage.BID, level, first);
                first = false;
            }
            if (level < asks)
            {
                crc = updateLevel(crc, book, DepthMessage.ASK, level, first);
                first = false;
            }
        }
        return (int)Crc32.finish(crc);
    }

    private static int updateLevel(
        final int crc, final ChecksumBook book, final byte side, final int level, final boolean first)
    {
        int c = first ? crc : Crc32.update(crc, ':');
        c = ChecksumText.updateDecimal(c, book.price(side, level), book.priceScale(), book.priceDecimals(side, level));
        c = Crc32.update(c, ':');
        return ChecksumText.updateDecimal(
            c, book.quantity(side, level), book.quantityScale(), book.quantityDecimals(side, level));
    }
}
