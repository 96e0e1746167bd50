package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;

/**
 * How many fractional digits a venue writes for the simulator's prices and quantities, which are
 * fixed-point at {@link SimBook#SCALE}: a fixed count (trailing zeros kept, as Kraken and Bitget send them)
 * or {@link #MINIMAL} (trailing zeros dropped, as OKX and Hyperliquid send them). The checksum venues hash
 * exactly these digits, so the encoders and {@link SimChecksumBook} both take them from here.
 *
 * <p>Every price is a multiple of {@link SimBook#TICK_SIZE} (2 decimals) and every quantity of 0.001, so
 * each fixed count is exact. Immutable.
 */
final class SimNumberFormat
{
    /** Write as few digits as the value needs: {@code 101.5}, {@code 3}. */
    static final int MINIMAL = -1;
    /** The instrument precision a Kraken v2 client would read from the instrument channel. */
    static final int PRICE_PRECISION = 2;
    static final int QUANTITY_PRECISION = 8;

    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000 };

    private final int priceDecimals;
    private final int quantityDecimals;
    private final boolean bareZeroQuantity;

    private SimNumberFormat(final int priceDecimals, final int quantityDecimals, final boolean bareZeroQuantity)
    {
        this.priceDecimals = priceDecimals;
        this.quantityDecimals = quantityDecimals;
        this.bareZeroQuantity = bareZeroQuantity;
    }

    /**
     * Binance: 8 and 8 (its encoder's own scales); Kraken v2: JSON numbers at the instrument precision, 2 and
     * 8; Kraken v1: strings of 5 and 8 decimals, like {@code "56218.30000"}; OKX and Hyperliquid: minimal;
     * Bitget: 4 and 4; Coinbase: 2 and 8, a removal {@code "0"}.
     */
    static SimNumberFormat forVenue(final Venue venue)
    {
        switch (venue)
        {
            case KRAKEN:
                return new SimNumberFormat(PRICE_PRECISION, QUANTITY_PRECISION, false);
            case KRAKEN_V1:
                return new SimNumberFormat(5, QUANTITY_PRECISION, false);
            case OKX:
            case HYPERLIQUID:
                return new SimNumberFormat(MINIMAL, MINIMAL, true);
            case BITGET:
                return new SimNumberFormat(4, 4, false);
            case COINBASE:
                return new SimNumberFormat(PRICE_PRECISION, QUANTITY_PRECISION, true);
            default:
                return new SimNumberFormat(SimBook.SCALE, SimBook.SCALE, false);
        }
    }

    /** The digits a price at {@link SimBook#SCALE} is written with. */
    int priceDecimals(final long price)
    {
        return priceDecimals == MINIMAL ? minimalDecimals(price) : priceDecimals;
    }

    /** The digits a quantity at {@link SimBook#SCALE} is written with. */
    int quantityDecimals(final long quantity)
    {
        if (0 == quantity && bareZeroQuantity)
        {
            return 0;
        }
        return quantityDecimals == MINIMAL ? minimalDecimals(quantity) : quantityDecimals;
    }

    /** Appends a level with this format's digits; the message's scales must be {@link SimBook#SCALE}. */
    boolean addLevel(final DepthMessage out, final byte side, final long price, final long quantity)
    {
        return out.addLevel(side, price, quantity, priceDecimals(price), quantityDecimals(quantity));
    }

    private static int minimalDecimals(final long mantissa)
    {
        if (0 == mantissa)
        {
            return 0;
        }
        int decimals = SimBook.SCALE;
        while (decimals > 0 && mantissa % POWERS_OF_TEN[SimBook.SCALE - decimals + 1] == 0)
        {
            decimals--;
        }
        return decimals;
    }
}
