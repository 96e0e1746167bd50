package io.fathom.codec.json;

import java.nio.charset.StandardCharsets;

/**
 * A run of ASCII text a venue always sends at one place, such as {@code ,"E":}, packed into little-endian
 * words so that {@link JsonFastReader#expect(int, JsonLiteral)} compares it eight bytes at a time.
 * Immutable and thread-safe.
 */
public final class JsonLiteral
{
    final long[] words;
    final long[] masks;
    final int length;

    private JsonLiteral(final byte[] text)
    {
        length = text.length;
        final int count = (length + Long.BYTES - 1) / Long.BYTES;
        words = new long[count];
        masks = new long[count];
        for (int i = 0; i < length; i++)
        {
            words[i / Long.BYTES] |= (text[i] & 0xFFL) << ((i % Long.BYTES) << 3);
            masks[i / Long.BYTES] |= 0xFFL << ((i % Long.BYTES) << 3);
        }
    }

    /**
     * @param text printable ASCII, not empty.
     * @throws IllegalArgumentException otherwise.
     */
    public static JsonLiteral of(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (0 == bytes.length)
        {
            throw new IllegalArgumentException("empty literal");
        }
        for (final byte b : bytes)
        {
            if (b < ' ' || b > '~')
            {
                throw new IllegalArgumentException("literal not printable ASCII: " + text);
            }
        }
        return new JsonLiteral(bytes);
    }

    /** Length of the text in bytes. */
    public int length()
    {
        return length;
    }
}
