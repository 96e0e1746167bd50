package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;

/**
 * How the Binance venues write one simulated instrument's values, which {@link SimBook} keeps at
 * {@link SimBook#SCALE} (prices in ticks of 0.01, quantities in steps of 0.001). With mixed precision on,
 * instrument 1 is PEPE-style (one tick is {@code 0.0000000001}, so prices such as {@code 0.0000098765}
 * need 10 decimals) and instrument 2 SHIB-style (one step is {@code 9876543.21}, so quantities pass
 * 10^11 and need 2 decimals); every other instrument is written as before. A written value is
 * {@code internal / divisor * multiplier} at this precision's scale, exact because the internal values
 * are whole ticks and steps. Immutable.
 */
final class SimPrecision
{
    /** The book's own values at 8 and 8 decimals; tick 0.01, step 0.001. */
    static final SimPrecision STANDARD = new SimPrecision(
        new Axis(SimBook.SCALE, 1, 1, "0.01000000"), new Axis(SimBook.SCALE, 1, 1, "0.00100000"));
    /** Prices of 10 decimals: one tick of the book is {@code 0.0000000001}. */
    static final SimPrecision TEN_DECIMAL_PRICES = new SimPrecision(
        new Axis(10, SimBook.TICK_SIZE, 1, "0.0000000001"), STANDARD.quantity);
    /** Quantities of 2 decimals above 10^11: one step of the book is {@code 9876543.21}. */
    static final SimPrecision HUGE_QUANTITIES = new SimPrecision(
        STANDARD.price, new Axis(2, SimBook.QUANTITY_STEP, 987_654_321L, "0.01"));

    static final int TEN_DECIMAL_PRICES_INDEX = 1;
    static final int HUGE_QUANTITIES_INDEX = 2;

    private final Axis price;
    private final Axis quantity;

    /**
     * How one kind of value is written: {@code internal / divisor * multiplier} at {@code scale} decimals;
     * {@code size} is the venue's tick or step size.
     */
    private record Axis(int scale, long divisor, long multiplier, String size)
    {
        long written(final long internal)
        {
            return internal / divisor * multiplier;
        }
    }

    private SimPrecision(final Axis price, final Axis quantity)
    {
        this.price = price;
        this.quantity = quantity;
    }

    /** The precision of instrument {@code symbolIndex}: {@link #STANDARD} unless {@code mixed}. */
    static SimPrecision of(final int symbolIndex, final boolean mixed)
    {
        if (!mixed)
        {
            return STANDARD;
        }
        if (symbolIndex == TEN_DECIMAL_PRICES_INDEX)
        {
            return TEN_DECIMAL_PRICES;
        }
        return symbolIndex == HUGE_QUANTITIES_INDEX ? HUGE_QUANTITIES : STANDARD;
    }

    int priceScale()
    {
        return price.scale();
    }

    int quantityScale()
    {
        return quantity.scale();
    }

    /** Binance's {@code PRICE_FILTER.tickSize} for this precision. */
    String tickSize()
    {
        return price.size();
    }

    /** Binance's {@code LOT_SIZE.stepSize} for this precision. */
    String stepSize()
    {
        return quantity.size();
    }

    /** A book price as written, a mantissa at {@link #priceScale()}. */
    long price(final long bookPrice)
    {
        return price.written(bookPrice);
    }

    /** A book quantity as written, a mantissa at {@link #quantityScale()}. */
    long quantity(final long bookQuantity)
    {
        return quantity.written(bookQuantity);
    }

    /**
     * @return {@code book} itself for {@link #STANDARD}, else {@code scratch} filled with its header and its
     * levels as written; no allocation.
     */
    DepthMessage written(final DepthMessage book, final DepthMessage scratch)
    {
        if (this == STANDARD)
        {
            return book;
        }
        scratch.reset();
        scratch.kind(book.kind()).eventTimeMs(book.eventTimeMs()).firstUpdateId(book.firstUpdateId())
            .lastUpdateId(book.lastUpdateId()).previousUpdateId(book.previousUpdateId())
            .scales(price.scale(), quantity.scale());
        scratch.symbol(book.symbolBytes(), 0, book.symbolLength());
        for (int i = 0; i < book.levelCount(); i++)
        {
            scratch.addLevel(book.side(i), price(book.price(i)), quantity(book.quantity(i)));
        }
        return scratch;
    }
}
