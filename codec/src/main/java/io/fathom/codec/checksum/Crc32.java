package io.fathom.codec.checksum;

/**
 * CRC-32 as zlib computes it (reflected polynomial {@code 0xEDB88320}), updated a byte at a time so that
 * checksum text can be hashed as it is produced, with no buffer. Stateless and thread-safe: the running
 * value is the caller's {@code int}.
 *
 * <pre>
 *   int crc = Crc32.INITIAL;
 *   crc = Crc32.update(crc, b);   // for each byte
 *   long value = Crc32.finish(crc);   // 0..2^32-1
 * </pre>
 */
public final class Crc32
{
    /** The running value before the first byte. */
    public static final int INITIAL = 0xFFFF_FFFF;

    private static final int[] TABLE = new int[256];

    static
    {
        for (int n = 0; n < 256; n++)
        {
            int c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32()
    {
    }

    /** Adds one byte to a running value. */
    public static int update(final int crc, final int b)
    {
        return TABLE[(crc ^ b) & 0xFF] ^ (crc >>> 8);
    }

    /** The CRC-32 of everything added, as an unsigned 32-bit value. */
    public static long finish(final int crc)
    {
        return ~crc & 0xFFFF_FFFFL;
    }
}
