package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * One pass over a JSON object that validates it and remembers where the value of each known key starts,
 * so a decoder can then read the fields in the order it needs, whatever order the venue sent them in.
 *
 * <p>Keys are matched on their raw bytes (an escaped key never matches); unknown keys' values are
 * validated and skipped. A known key seen twice is {@link DecodeResult#DUPLICATE_FIELD}. Allocates only
 * at construction; not thread-safe.
 */
public final class JsonFieldIndex
{
    /** Returned by {@link #position(int)} for a key the object did not contain. */
    public static final int ABSENT = -1;

    private final byte[][] keys;
    private final int[] positions;

    /**
     * @param keys the known keys, ASCII; a key's index in this list is its field id.
     */
    public JsonFieldIndex(final String... keys)
    {
        this.keys = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++)
        {
            this.keys[i] = keys[i].getBytes(US_ASCII);
        }
        positions = new int[keys.length];
    }

    /**
     * Scans the object starting at the scanner's position, leaving the scanner just after it.
     *
     * @return false after recording the error in the scanner; a non-object is
     * {@link DecodeResult#UNEXPECTED_TYPE}.
     */
    public boolean scan(final JsonScanner scanner)
    {
        Arrays.fill(positions, ABSENT);
        if (scanner.peek() != '{')
        {
            return scanner.failUnexpected();
        }
        scanner.position(scanner.position() + 1);
        if (scanner.tryConsume('}'))
        {
            return true;
        }
        do
        {
            if (!scanner.readKey())
            {
                return false;
            }
            final int keyPosition = scanner.tokenOffset() - 1;
            final int field = lookup(scanner);
            if (!scanner.expect(':'))
            {
                return false;
            }
            if (field >= 0)
            {
                if (ABSENT != positions[field])
                {
                    return scanner.fail(DecodeResult.DUPLICATE_FIELD, keyPosition);
                }
                scanner.peek();
                positions[field] = scanner.position();
            }
            if (!scanner.skipValue())
            {
                return false;
            }
        }
        while (scanner.tryConsume(','));

        return scanner.expect('}');
    }

    /** Whether the last scanned object contained the field. */
    public boolean has(final int field)
    {
        return ABSENT != positions[field];
    }

    /** The absolute position of the field's value in the last scanned object, or {@link #ABSENT}. */
    public int position(final int field)
    {
        return positions[field];
    }

    /**
     * Moves the scanner to the field's value.
     *
     * @return false when the field was absent (nothing recorded in the scanner).
     */
    public boolean seek(final JsonScanner scanner, final int field)
    {
        final int position = positions[field];
        if (ABSENT == position)
        {
            return false;
        }
        scanner.position(position);
        return true;
    }

    private int lookup(final JsonScanner scanner)
    {
        if (scanner.tokenEscaped())
        {
            return ABSENT;
        }
        for (int i = 0; i < keys.length; i++)
        {
            if (scanner.tokenEquals(keys[i]))
            {
                return i;
            }
        }
        return ABSENT;
    }
}
