package io.fathom.codec.checksum;

/**
 * A read-only view of the top of one instrument's book, as the venue checksums need it: each side's levels
 * best first, with fixed-point mantissas and the fractional digit counts of the text last received for each
 * price and quantity (see {@link io.fathom.codec.DepthMessage#priceDecimals(int)}).
 *
 * <p>The engine's book implements this so that {@link KrakenChecksum} and {@link OkxChecksum} read it in
 * place; a level's decimals may be larger or smaller than the scale, but its mantissa must be exactly
 * representable with them (it is, when both came from the same text). For Kraken WebSocket v2, whose JSON
 * numbers drop trailing zeros, report the instrument's {@code price_precision} and {@code qty_precision}
 * as every level's decimals.
 */
public interface ChecksumBook
{
    /** Decimals of every price mantissa. */
    int priceScale();

    /** Decimals of every quantity mantissa. */
    int quantityScale();

    /** Levels held on a side, {@link io.fathom.codec.DepthMessage#BID} or {@link io.fathom.codec.DepthMessage#ASK}. */
    int levelCount(byte side);

    /** Price mantissa of a level; level 0 is the best. */
    long price(byte side, int level);

    /** Quantity mantissa of a level; level 0 is the best. */
    long quantity(byte side, int level);

    /** Fractional digits of the level's price text as received. */
    int priceDecimals(byte side, int level);

    /** Fractional digits of the level's quantity text as received. */
    int quantityDecimals(byte side, int level);
}
