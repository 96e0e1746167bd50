package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.decimal.ParseError;

/**
 * Converts the scanner's current token, a decimal's text (quoted or a bare JSON number), into a
 * non-negative fixed-point mantissa, recording {@link DecodeResult#UNREPRESENTABLE_VALUE} for a decimal the
 * scale cannot hold and {@link DecodeResult#INVALID_NUMBER} for any other failure. Stateless.
 */
public final class JsonDecimals
{
    private JsonDecimals()
    {
    }

    /**
     * @return the mantissa at {@code scale}, or -1 after recording an error: the text is not
     * {@code digits[.digits]}, is negative, too precise for the scale, or has more than
     * {@link DepthMessage#MAX_DECIMALS} fractional digits.
     */
    public static long toMantissa(final JsonScanner scanner, final int scale)
    {
        final int offset = scanner.tokenOffset();
        final int length = scanner.tokenLength();
        final long value = FixedPoint.parse(scanner.buffer(), offset, length, scale);
        if (value < 0 || (length > 0 && scanner.buffer().getByte(offset) == '-') ||
            FixedPoint.fractionDigits(scanner.buffer(), offset, length) > DepthMessage.MAX_DECIMALS)
        {
            scanner.fail(value == FixedPoint.INVALID && isUnrepresentable(scanner.buffer(), offset, length, scale) ?
                DecodeResult.UNREPRESENTABLE_VALUE : DecodeResult.INVALID_NUMBER, offset);
            return -1;
        }
        return value;
    }

    /** Well-formed, non-negative and at most {@link DepthMessage#MAX_DECIMALS} decimals, but too precise or too large. */
    private static boolean isUnrepresentable(
        final org.agrona.DirectBuffer buffer, final int offset, final int length, final int scale)
    {
        if (length == 0 || buffer.getByte(offset) == '-' ||
            FixedPoint.fractionDigits(buffer, offset, length) > DepthMessage.MAX_DECIMALS)
        {
            return false;
        }
        final ParseError error = FixedPoint.parseError(buffer, offset, length, scale);
        return error == ParseError.OVERFLOW || error == ParseError.EXCESS_PRECISION;
    }
}
