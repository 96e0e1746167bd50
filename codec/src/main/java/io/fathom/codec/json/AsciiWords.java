package io.fathom.codec.json;

/**
 * Eight bytes of JSON text at a time (SWAR): a little-endian {@code long} read from the text is checked for
 * digits and converted, or checked for anything a string scan must stop at, in a handful of operations
 * instead of eight byte steps. Stateless.
 */
final class AsciiWords
{
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = 0x2222_2222_2222_2222L;
    private static final long BACKSLASHES = 0x5C5C_5C5C_5C5C_5C5CL;
    private static final long CONTROL_LIMITS = 0x2020_2020_2020_2020L;

    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long SEVENS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long NOT_BELOW_TEN = 0x7676_7676_7676_7676L;

    /** What a value is multiplied by to append eight digits. */
    static final long EIGHT_DIGITS_FACTOR = 100_000_000L;

    private AsciiWords()
    {
    }

    /** Whether all eight bytes of a little-endian word are ASCII digits. */
    static boolean isEightDigits(final long word)
    {
        return ((word & 0xF0F0_F0F0_F0F0_F0F0L) | (((word + 0x0606_0606_0606_0606L) & 0xF0F0_F0F0_F0F0_F0F0L) >>> 4)) ==
            0x3333_3333_3333_3333L;
    }

    /**
     * The value of eight ASCII digits read as a little-endian word (the first digit in the lowest byte), in
     * three multiplications instead of eight: pairs, then quads, then the whole.
     */
    static long eightDigits(final long word)
    {
        long digits = word - 0x3030_3030_3030_3030L;
        digits = digits * 10 + (digits >>> 8);
        return ((digits & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32)) +
            ((digits >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /**
     * Whether none of eight bytes ends or complicates a JSON string scan: no quote, no backslash, no control
     * character below 0x20, and no byte of 0x80 or above (UTF-8 is validated byte by byte).
     */
    static boolean isPlainStringText(final long word)
    {
        final long quotes = word ^ QUOTES;
        final long backslashes = word ^ BACKSLASHES;
        final long stops =
            ((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes) | ((word - CONTROL_LIMITS) & ~word) | word;
        return (stops & HIGH_BITS) == 0;
    }

    /** How many ASCII digits a little-endian word starts with, 0..8: the first byte {@link #nonDigits} marks. */
    static int leadingDigits(final long word)
    {
        return Long.numberOfTrailingZeros(nonDigits(word)) >>> 3;
    }

    /**
     * The high bit of every byte of a little-endian word that is not an ASCII digit, each byte tested on its
     * own (no carry crosses a byte), so every set bit is exact, not only the lowest.
     */
    static long nonDigits(final long word)
    {
        final long offsets = word ^ ZEROS;
        return (((offsets & SEVENS) + NOT_BELOW_TEN) | offsets) & HIGH_BITS;
    }

    /**
     * The value of the first {@code count} (1..8) bytes of a little-endian word, which must be ASCII digits;
     * the bytes after them are dropped before the three multiplications of {@link #eightDigits(long)}.
     */
    static long leadingDigitsValue(final long word, final int count)
    {
        long digits = (word - ZEROS) << ((Long.BYTES - count) << 3);
        digits = digits * 10 + (digits >>> 8);
        return ((digits & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32)) +
            ((digits >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /**
     * Whether bytes {@code from} to {@code to - 1} ({@code 0 <= from <= to <= 8}) of a little-endian word are all
     * the digit {@code 0}.
     */
    static boolean zeroDigits(final long word, final int from, final int to)
    {
        final long below = to == Long.BYTES ? -1L : (1L << (to << 3)) - 1;
        return ((word ^ ZEROS) & below & (-1L << (from << 3))) == 0;
    }

    /**
     * How many bytes of a little-endian word a plain string scan passes before a byte it must stop at
     * (see {@link #isPlainStringText(long)}), 0..8.
     */
    static int plainStringBytes(final long word)
    {
        final long quotes = word ^ QUOTES;
        final long backslashes = word ^ BACKSLASHES;
        final long stops =
            ((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes) | ((word - CONTROL_LIMITS) & ~word) | word;
        return Long.numberOfTrailingZeros(stops & HIGH_BITS) >>> 3;
    }
}
