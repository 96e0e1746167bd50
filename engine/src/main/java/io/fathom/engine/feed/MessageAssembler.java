package io.fathom.engine.feed;

import java.nio.ByteBuffer;

/**
 * Gathers the parts of one WebSocket message into a reusable byte array, text encoded as UTF-8, so the
 * decoders read bytes as they do from Java-WebSocket. The JDK's client hands text over as decoded
 * {@code CharSequence} parts, split wherever its reads happened to end; this turns them back into bytes
 * without a {@code String} or an array per message. The array grows, doubling, up to the limit and is then
 * kept. One thread at a time.
 *
 * <p>Encoding is done here rather than by a {@code CharsetEncoder}: venue frames are ASCII, which is one
 * compare and one store per character, and a surrogate pair split across two parts is joined without
 * keeping an encoder's leftover input. A lone surrogate, which no valid UTF-8 decodes to, becomes U+FFFD.
 */
final class MessageAssembler
{
    /** Room one character may take: a replacement for a dangling high surrogate, then a surrogate pair. */
    private static final int ROOM_PER_CHARACTER = 3 + 4;
    private static final char NO_SURROGATE = 0;

    private final int maxLength;
    private byte[] bytes;
    private ByteBuffer view;
    private int length;
    /** A high surrogate that ended the previous part, waiting for its low half. */
    private char pendingHighSurrogate = NO_SURROGATE;

    /**
     * @param maxLength the longest message accepted, in bytes.
     */
    MessageAssembler(final int initialCapacity, final int maxLength)
    {
        this.maxLength = maxLength;
        this.bytes = new byte[Math.min(initialCapacity, maxLength + ROOM_PER_CHARACTER)];
        this.view = ByteBuffer.wrap(bytes);
    }

    /**
     * Appends a text part as UTF-8.
     *
     * @return false when the message is now longer than the limit; what was gathered is then meaningless.
     */
    boolean appendText(final CharSequence part)
    {
        byte[] b = bytes;
        int n = length;
        for (int i = 0, size = part.length(); i < size; i++)
        {
            if (b.length - n < ROOM_PER_CHARACTER)
            {
                length = n;
                if (n > maxLength)
                {
                    return false;
                }
                grow();
                b = bytes;
            }
            final char c = part.charAt(i);
            if (c < 0x80 && pendingHighSurrogate == NO_SURROGATE)
            {
                b[n++] = (byte)c;
            }
            else
            {
                n = putNonAscii(b, n, c);
            }
        }
        length = n;
        return n <= maxLength;
    }

    /**
     * Appends a binary part, leaving its position as it was.
     *
     * @return false when the message is now longer than the limit.
     */
    boolean appendBinary(final ByteBuffer part)
    {
        final int size = part.remaining();
        if (size > maxLength - length)
        {
            length = maxLength + 1;
            return false;
        }
        while (bytes.length - length < size)
        {
            grow();
        }
        part.get(part.position(), bytes, length, size);
        length += size;
        return true;
    }

    /** The message gathered so far, from position 0; valid until the next append or {@link #reset()}. */
    ByteBuffer message()
    {
        if (pendingHighSurrogate != NO_SURROGATE)
        {
            length = putReplacement(bytes, length);
            pendingHighSurrogate = NO_SURROGATE;
        }
        view.limit(length).position(0);
        return view;
    }

    int length()
    {
        return length;
    }

    /** Starts the next message; keeps the array. */
    void reset()
    {
        length = 0;
        pendingHighSurrogate = NO_SURROGATE;
    }

    private int putNonAscii(final byte[] b, final int at, final char c)
    {
        int n = at;
        if (pendingHighSurrogate != NO_SURROGATE)
        {
            final char high = pendingHighSurrogate;
            pendingHighSurrogate = NO_SURROGATE;
            if (Character.isLowSurrogate(c))
            {
                return putCodePoint(b, n, Character.toCodePoint(high, c));
            }
            n = putReplacement(b, n);
        }
        if (c < 0x80)
        {
            b[n++] = (byte)c;
        }
        else if (c < 0x800)
        {
            b[n++] = (byte)(0xC0 | (c >> 6));
            b[n++] = (byte)(0x80 | (c & 0x3F));
        }
        else if (Character.isHighSurrogate(c))
        {
            pendingHighSurrogate = c;
        }
        else if (Character.isLowSurrogate(c))
        {
            n = putReplacement(b, n);
        }
        else
        {
            n = putCodePoint(b, n, c);
        }
        return n;
    }

    private static int putCodePoint(final byte[] b, final int at, final int codePoint)
    {
        int n = at;
        if (codePoint < 0x10000)
        {
            b[n++] = (byte)(0xE0 | (codePoint >> 12));
            b[n++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            b[n++] = (byte)(0x80 | (codePoint & 0x3F));
        }
        else
        {
            b[n++] = (byte)(0xF0 | (codePoint >> 18));
            b[n++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            b[n++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            b[n++] = (byte)(0x80 | (codePoint & 0x3F));
        }
        return n;
    }

    private static int putReplacement(final byte[] b, final int at)
    {
        return putCodePoint(b, at, 0xFFFD);
    }

    private void grow()
    {
        final int capacity = (int)Math.min((long)maxLength + ROOM_PER_CHARACTER, 2L * bytes.length);
        final byte[] grown = new byte[capacity];
        System.arraycopy(bytes, 0, grown, 0, length);
        bytes = grown;
        view = ByteBuffer.wrap(grown);
    }
}
