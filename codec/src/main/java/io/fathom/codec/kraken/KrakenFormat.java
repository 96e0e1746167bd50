package io.fathom.codec.kraken;

import io.fathom.codec.json.JsonScanner;

/**
 * Kraken's checksum text, a plain unsigned 32-bit integer in a string ({@code "c":"974947235"}).
 */
final class KrakenFormat
{
    static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

    private KrakenFormat()
    {
    }

    /** The token as an unsigned integer of at most 10 digits, or -1. */
    static long parseUnsigned(final JsonScanner scanner)
    {
        final int length = scanner.tokenLength();
        if (length < 1 || length > 10)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final int digit = scanner.buffer().getByte(scanner.tokenOffset() + i) - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
