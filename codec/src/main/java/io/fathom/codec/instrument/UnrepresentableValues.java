package io.fathom.codec.instrument;

import io.fathom.codec.DecodeResult;
import org.agrona.DirectBuffer;

/**
 * The words for a {@link DecodeResult#UNREPRESENTABLE_VALUE}: which instrument sent which value that its scales
 * cannot hold, so the engine's error log, the snapshot fetcher and {@code fathom check} say it alike. Allocates:
 * for the first occurrence of an error, never per message.
 */
public final class UnrepresentableValues
{
    private static final int MAX_VALUE_LENGTH = 64;

    private UnrepresentableValues()
    {
    }

    /** The error's text: the instrument, the value, its scales, and what to do about it. */
    public static String describe(final String symbol, final String value, final int priceScale, final int quantityScale)
    {
        return DecodeResult.UNREPRESENTABLE_VALUE + ": " + symbol + " sent " + value + ", which its scales (price " +
            priceScale + ", quantity " + quantityScale + " decimals) cannot hold: too many decimals or too large; " +
            "give the instrument's scales with --instruments";
    }

    /** The number text at {@code offset} of a frame of {@code length} bytes (a decoder's error offset), or "?". */
    public static String valueAt(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || offset >= length)
        {
            return "?";
        }
        int end = offset;
        while (end < length && end - offset < MAX_VALUE_LENGTH && isNumberByte(buffer.getByte(end)))
        {
            end++;
        }
        return end == offset ? "?" : buffer.getStringWithoutLengthAscii(offset, end - offset);
    }

    private static boolean isNumberByte(final byte b)
    {
        return (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
    }
}
