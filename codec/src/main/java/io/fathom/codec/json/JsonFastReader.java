package io.fathom.codec.json;

import io.fathom.codec.DepthMessage;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * The one-pass reader behind the decoders' fast paths: a frame in the exact shape a venue sends (its key
 * order, no whitespace, plain ASCII strings, decimals a {@code long} holds at the scale) is read once, eight
 * bytes at a time where it can, and anything else is left to the decoder's general path.
 *
 * <p>The range is checked against the buffer once, in {@link #wrap}; every later read is an unchecked
 * load from the buffer's array or address, kept inside the range by the reader itself (a word read that
 * would cross the end is assembled byte by byte and padded with zeros). A reading method takes the
 * position to read at and returns the position after what it read, or {@link #NO_MATCH} when the text
 * there is not what it reads; every method given {@link #NO_MATCH} returns it, so a decoder chains calls
 * with the position in a local and checks once. A fast path that accepts a frame must leave the message
 * exactly as the general path would; one that does not match changes nothing but the message, which the
 * general path then resets. Numbers read are left in {@link #value()} and {@link #fractionDigits()}.
 * Not thread-safe: one instance per decoder.
 */
public final class JsonFastReader
{
    /** Returned by every reading method when the text is not in the shape it reads. */
    public static final int NO_MATCH = -1;

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private final byte[] symbolScratch = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private byte[] array;
    private long address;
    private int end;
    private long value;
    private int fractionDigits;
    private int tokenOffset;
    private int tokenLength;

    /**
     * Points the reader at {@code length} bytes from {@code offset}.
     *
     * @return false, reading nothing, when the range is outside the buffer or longer than
     * {@link JsonScanner#MAX_FRAME_LENGTH}: the general path reports those.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length || length > JsonScanner.MAX_FRAME_LENGTH)
        {
            return false;
        }
        array = buffer.byteArray();
        address = buffer.addressOffset();
        end = offset + length;
        return true;
    }

    /** Absolute index just past the wrapped range. */
    public int end()
    {
        return end;
    }

    /** The integer or mantissa the last number read held. */
    public long value()
    {
        return value;
    }

    /** Digits after the point of the last decimal read, 0 without a point. */
    public int fractionDigits()
    {
        return fractionDigits;
    }

    /** Absolute index of the first content byte of the last string read. */
    public int tokenOffset()
    {
        return tokenOffset;
    }

    /** Length in bytes of the last string read. */
    public int tokenLength()
    {
        return tokenLength;
    }

    /** The byte at {@code index} as an unsigned value, or {@link #NO_MATCH} outside the range. */
    public int byteAt(final int index)
    {
        return index >= 0 && index < end ? UnsafeApi.getByte(array, address + index) & 0xFF : NO_MATCH;
    }

    /**
     * Expects {@code literal} at {@code position}.
     *
     * @return the position after it, or {@link #NO_MATCH}.
     */
    public int expect(final int position, final JsonLiteral literal)
    {
        if (position < 0)
        {
            return NO_MATCH;
        }
        final long[] words = literal.words;
        final long[] masks = literal.masks;
        for (int i = 0; i < words.length; i++)
        {
            if ((word(position + (i << 3)) & masks[i]) != words[i])
            {
                return NO_MATCH;
            }
        }
        return position + literal.length;
    }

    /**
     * Reads a JSON integer in {@code 0..999,999,999,999,999,999} (no sign, no leading zero, at most 18
     * digits: a subset of what {@link JsonScanner#readNonNegativeLong()} takes, to the same value) into
     * {@link #value()}. The byte after it is the caller's to check.
     *
     * @return the position after the digits, or {@link #NO_MATCH}.
     */
    public int nonNegativeLong(final int position)
    {
        return JsonFastNumbers.nonNegativeLong(this, position);
    }

    /**
     * Reads a JSON integer as {@link #nonNegativeLong(int)} does, after an optional minus sign, into
     * {@link #value()} ({@code -0} is 0, as {@link JsonScanner#readLong()} reads it).
     *
     * @return the position after the digits, or {@link #NO_MATCH}.
     */
    public int signedLong(final int position)
    {
        if (byteAt(position) != '-')
        {
            return nonNegativeLong(position);
        }
        final int next = nonNegativeLong(position + 1);
        value = -value;
        return next;
    }

    /**
     * Reads a quoted run of 1-18 ASCII digits and nothing else, such as {@code "1652459225464"}, into
     * {@link #value()}.
     *
     * @return the position after the closing quote, or {@link #NO_MATCH}.
     */
    public int quotedDigits(final int position)
    {
        return JsonFastNumbers.quotedDigits(this, position);
    }

    /**
     * Reads a quoted non-negative decimal ({@code "0.35130000"}, {@code "813"}) into a mantissa at
     * {@code scale} in {@link #value()} and its digits after the point in {@link #fractionDigits()}; it
     * takes the text {@link QuotedDecimals} takes, to the same result, whole words of digits at a time.
     *
     * @return the position after the closing quote, or {@link #NO_MATCH}.
     */
    public int quotedDecimal(final int position, final int scale)
    {
        return JsonFastNumbers.quotedDecimal(this, position, scale);
    }

    /**
     * Reads a bare JSON number that is a non-negative decimal ({@code 45283.5}, {@code 12}: no sign, exponent
     * or leading zero) into a mantissa at {@code scale} in {@link #value()} and its digits after the point in
     * {@link #fractionDigits()}, as the general path's {@link JsonScanner#readNumber()} then
     * {@link JsonDecimals#toMantissa} would. The byte after it is the caller's to check.
     *
     * @return the position after the number, or {@link #NO_MATCH}.
     */
    public int bareDecimal(final int position, final int scale)
    {
        return JsonFastNumbers.bareDecimal(this, position, scale);
    }

    /**
     * Reads a string of printable ASCII without escapes; its content is then {@link #tokenOffset()} and
     * {@link #tokenLength()}.
     *
     * @return the position after the closing quote, or {@link #NO_MATCH} for any other value or string.
     */
    public int plainString(final int position)
    {
        if (byteAt(position) != '"')
        {
            return NO_MATCH;
        }
        int i = position + 1;
        while (true)
        {
            final int plain = AsciiWords.plainStringBytes(word(i));
            i += plain;
            if (plain < Long.BYTES)
            {
                break;
            }
        }
        if (byteAt(i) != '"')
        {
            return NO_MATCH;
        }
        tokenOffset = position + 1;
        tokenLength = i - tokenOffset;
        return i + 1;
    }

    /** Whether the last string read starts with {@code prefix}, compared a word at a time. */
    public boolean tokenStartsWith(final JsonLiteral prefix)
    {
        return tokenLength >= prefix.length && expect(tokenOffset, prefix) >= 0;
    }

    /** Whether the last string read is exactly {@code text}. */
    public boolean tokenEquals(final JsonLiteral text)
    {
        return tokenLength == text.length && expect(tokenOffset, text) >= 0;
    }

    /**
     * Sets the last string read as the message's symbol, as {@link JsonSymbol} would from the same plain
     * string.
     *
     * @return false when it is empty or longer than {@link DepthMessage#MAX_SYMBOL_LENGTH}.
     */
    public boolean symbol(final DepthMessage out)
    {
        final int length = tokenLength;
        if (0 == length || length > DepthMessage.MAX_SYMBOL_LENGTH)
        {
            return false;
        }
        if (null != array)
        {
            return out.symbol(array, (int)(address - BufferUtil.ARRAY_BASE_OFFSET) + tokenOffset, length);
        }
        for (int i = 0; i < length; i++)
        {
            symbolScratch[i] = UnsafeApi.getByte(address + tokenOffset + i);
        }
        return out.symbol(symbolScratch, 0, length);
    }

    /**
     * Reads a level array {@code [["price","quantity"],...]} as {@link JsonLevels} does, appending each
     * level to {@code out}; elements after the quantity must be plain strings (OKX's order counts).
     *
     * @return the position after the closing bracket, or {@link #NO_MATCH}, also when {@code out} is full.
     */
    public int levels(
        final int position, final DepthMessage out, final byte side, final int priceScale, final int quantityScale)
    {
        if (position < 0)
        {
            return NO_MATCH;
        }
        final long open = word(position);
        if ((open & 0xFF) != '[')
        {
            return NO_MATCH;
        }
        if ((open & 0xFF00) == (']' << 8))
        {
            return position + 2;
        }
        int i = position + 1;
        while (true)
        {
            if (byteAt(i) != '[')
            {
                return NO_MATCH;
            }
            i = quotedDecimal(i + 1, priceScale);
            if (i < 0 || byteAt(i) != ',')
            {
                return NO_MATCH;
            }
            final long price = value;
            final int priceDecimals = fractionDigits;
            i = quotedDecimal(i + 1, quantityScale);
            if (i < 0)
            {
                return NO_MATCH;
            }
            int next = byteAt(i);
            while (',' == next)
            {
                i = plainString(i + 1);
                next = byteAt(i);
            }
            if (']' != next || !out.addLevel(side, price, value, priceDecimals, fractionDigits))
            {
                return NO_MATCH;
            }
            next = byteAt(i + 1);
            if (']' == next)
            {
                return i + 2;
            }
            if (',' != next)
            {
                return NO_MATCH;
            }
            i += 2;
        }
    }

    /** Leaves an integer read by {@link JsonFastNumbers} in {@link #value()}. */
    void integer(final long value)
    {
        this.value = value;
    }

    /** Leaves a number read by {@link JsonFastNumbers} in {@link #value()} and {@link #fractionDigits()}. */
    void number(final long value, final int fractionDigits)
    {
        this.value = value;
        this.fractionDigits = fractionDigits;
    }

    /** The byte at {@code index} as an unsigned value; the caller has checked that {@code index} is in the range. */
    int byteWithin(final int index)
    {
        return UnsafeApi.getByte(array, address + index) & 0xFF;
    }

    /** Eight bytes from {@code index} as a little-endian word; the caller has checked that all eight are in the range. */
    long wordWithin(final int index)
    {
        final long word = UnsafeApi.getLong(array, address + index);
        return LITTLE_ENDIAN ? word : Long.reverseBytes(word);
    }

    /** Eight bytes from {@code index} as a little-endian word, zeros past the end of the range. */
    long word(final int index)
    {
        if (index <= end - Long.BYTES)
        {
            return wordWithin(index);
        }
        long word = 0;
        for (int i = index, shift = 0; i < end; i++, shift += 8)
        {
            word |= (UnsafeApi.getByte(array, address + i) & 0xFFL) << shift;
        }
        return word;
    }
}
