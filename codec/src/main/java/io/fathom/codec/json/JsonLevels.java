package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;

/**
 * Reads the level array most venues send, {@code [["price","quantity", ...], ...]}, appending each level
 * to a {@link DepthMessage} in array order without allocating.
 *
 * <p>Price and quantity are the first two elements, quoted decimals that must be non-negative and exact
 * at the given scales, with at most {@link DepthMessage#MAX_DECIMALS} fractional digits, which are recorded
 * per level; further elements (order counts, liquidation flags) are validated and skipped.
 * Stateless and thread-safe; the scanner and message belong to the caller's thread.
 */
public final class JsonLevels
{
    private JsonLevels()
    {
    }

    /**
     * Reads one level array at the scanner's position.
     *
     * @return false after recording the error in the scanner: {@link DecodeResult#TOO_MANY_LEVELS} or
     * {@link DecodeResult#INVALID_PRICE} (at the level), {@link DecodeResult#INVALID_NUMBER},
     * {@link DecodeResult#UNEXPECTED_TYPE} or {@link DecodeResult#MALFORMED_JSON}.
     */
    public static boolean read(
        final JsonScanner scanner,
        final DepthMessage out,
        final byte side,
        final int priceScale,
        final int quantityScale)
    {
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        if (scanner.tryConsume(']'))
        {
            return true;
        }
        do
        {
            if (scanner.peek() != '[')
            {
                return scanner.failUnexpected();
            }
            final int levelPosition = scanner.position();
            scanner.position(levelPosition + 1);
            if (scanner.peek() == ']')
            {
                return failShape(scanner);
            }

            final long price = readDecimal(scanner, priceScale);
            if (price < 0)
            {
                return false;
            }
            final int priceDecimals = scanner.tokenFractionDigits();
            if (!scanner.tryConsume(','))
            {
                return failShape(scanner);
            }
            final long quantity = readDecimal(scanner, quantityScale);
            if (quantity < 0)
            {
                return false;
            }
            final int quantityDecimals = scanner.tokenFractionDigits();
            while (scanner.tryConsume(','))
            {
                if (!scanner.skipValue())
                {
                    return false;
                }
            }
            if (!scanner.expect(']'))
            {
                return false;
            }
            if (!out.addLevel(side, price, quantity, priceDecimals, quantityDecimals))
            {
                return scanner.fail(out.refusal(), levelPosition);
            }
        }
        while (scanner.tryConsume(','));

        return scanner.expect(']');
    }

    /** A level that closes before its quantity is well-formed JSON of the wrong shape. */
    private static boolean failShape(final JsonScanner scanner)
    {
        final boolean closedEarly = scanner.peek() == ']';
        final DecodeResult error = closedEarly ? DecodeResult.UNEXPECTED_TYPE : DecodeResult.MALFORMED_JSON;
        return scanner.fail(error, scanner.position());
    }

    /**
     * @return the non-negative mantissa of a quoted decimal, or -1 after recording an error.
     */
    private static long readDecimal(final JsonScanner scanner, final int scale)
    {
        final long mantissa = QuotedDecimals.tryRead(scanner, scale);
        if (QuotedDecimals.NOT_TAKEN != mantissa)
        {
            return mantissa;
        }
        if (!scanner.readString())
        {
            return -1;
        }
        return JsonDecimals.toMantissa(scanner, scale);
    }
}
