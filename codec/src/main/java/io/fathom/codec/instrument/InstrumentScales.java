package io.fathom.codec.instrument;

import io.fathom.codec.decimal.FixedPoint;
import java.util.Locale;

/**
 * One instrument's decimals: its prices are mantissas at {@code priceScale}, its quantities at
 * {@code quantityScale}. Immutable; the symbol is kept as the venue spells it in messages.
 *
 * @param symbol        the venue's symbol, for example {@code SHIBUSDT} or {@code BTC/USD}.
 * @param priceScale    decimals of its prices, 0..{@link FixedPoint#MAX_SCALE}.
 * @param quantityScale decimals of its quantities, 0..{@link FixedPoint#MAX_SCALE}.
 */
public record InstrumentScales(String symbol, int priceScale, int quantityScale)
{
    /**
     * @throws IllegalArgumentException for an empty or non-ASCII symbol, or a scale outside
     * 0..{@link FixedPoint#MAX_SCALE}.
     */
    public InstrumentScales
    {
        if (null == symbol || symbol.isEmpty() || !symbol.chars().allMatch(c -> c > ' ' && c < 0x7F))
        {
            throw new IllegalArgumentException("symbol must be non-empty printable ASCII: " + symbol);
        }
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "price_scale of " + symbol + " must be 0.." + FixedPoint.MAX_SCALE + ": " + priceScale);
        }
        if (quantityScale < 0 || quantityScale > FixedPoint.MAX_SCALE)
        {
            throw new IllegalArgumentException(
                "quantity_scale of " + symbol + " must be 0.." + FixedPoint.MAX_SCALE + ": " + quantityScale);
        }
    }

    /** The symbol as the catalogue matches it: ASCII upper case. */
    public String key()
    {
        return symbol.toUpperCase(Locale.ROOT);
    }
}
