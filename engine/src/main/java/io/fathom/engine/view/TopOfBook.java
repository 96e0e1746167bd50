package io.fathom.engine.view;

import io.fathom.codec.decimal.FixedPoint;

/**
 * The best bid and ask of one moment of a book, copied by {@link BookView#read(TopOfBook)} into this
 * caller-owned holder, which a reading thread reuses so that reads allocate nothing.
 *
 * <p>A side with no level, and both sides of a book that was not valid, read as NaN price and quantity and
 * 0 mantissas, so a copy never shows a stale price as current. Not thread-safe: one reading thread per holder.
 */
public final class TopOfBook extends BookCopy
{
    boolean hasBid;
    boolean hasAsk;
    long bidPriceMantissa;
    long bidQuantityMantissa;
    long askPriceMantissa;
    long askQuantityMantissa;

    /** Whether the copy holds a best bid. */
    public boolean hasBid()
    {
        return hasBid;
    }

    /** Whether the copy holds a best ask. */
    public boolean hasAsk()
    {
        return hasAsk;
    }

    /** Best bid price, NaN when there is none. */
    public double bidPrice()
    {
        return hasBid ? FixedPoint.toDouble(bidPriceMantissa, priceScale) : Double.NaN;
    }

    /** Quantity at the best bid, NaN when there is none. */
    public double bidQuantity()
    {
        return hasBid ? FixedPoint.toDouble(bidQuantityMantissa, quantityScale) : Double.NaN;
    }

    /** Best ask price, NaN when there is none. */
    public double askPrice()
    {
        return hasAsk ? FixedPoint.toDouble(askPriceMantissa, priceScale) : Double.NaN;
    }

    /** Quantity at the best ask, NaN when there is none. */
    public double askQuantity()
    {
        return hasAsk ? FixedPoint.toDouble(askQuantityMantissa, quantityScale) : Double.NaN;
    }

    /** Best bid price exactly, in units of 10^-{@link #priceScale()}; 0 when there is none. */
    public long bidPriceMantissa()
    {
        return bidPriceMantissa;
    }

    /** Quantity at the best bid exactly, in units of 10^-{@link #quantityScale()}; 0 when there is none. */
    public long bidQuantityMantissa()
    {
        return bidQuantityMantissa;
    }

    /** Best ask price exactly, in units of 10^-{@link #priceScale()}; 0 when there is none. */
    public long askPriceMantissa()
    {
        return askPriceMantissa;
    }

    /** Quantity at the best ask exactly, in units of 10^-{@link #quantityScale()}; 0 when there is none. */
    public long askQuantityMantissa()
    {
        return askQuantityMantissa;
    }

    @Override
    public String toString()
    {
        return "TopOfBook{instrument=" + instrumentId + (valid ? "" : ", invalid=" + reasonName(invalidReason)) +
            ", updateId=" + updateId + ", lastChangeEpochNs=" + lastChangeEpochNs +
            ", bid=" + bidQuantity() + "@" + bidPrice() + ", ask=" + askQuantity() + "@" + askPrice() + "}";
    }
}
