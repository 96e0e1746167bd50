package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.decimal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * A forward cursor over one JSON text in a {@link DirectBuffer}, for decoders that read a few known
 * fields and skip the rest without allocating.
 *
 * <p>The range is checked against the buffer once, in {@link #wrap}; the scan then reads the buffer's array
 * or memory unchecked, every read bounded by the wrapped range, so truncated input ends in
 * {@link DecodeResult#MALFORMED_JSON}, never an exception. Skipped values are fully validated;
 * strings are scanned raw (escapes are checked, not decoded; bytes above ASCII must be well-formed
 * UTF-8, else {@link DecodeResult#INVALID_UTF8}) and exposed as a token range; nesting inside a
 * skipped value is bounded by {@link #MAX_DEPTH}. Methods that can fail return {@code false} (or -1)
 * and keep the first error and its position. Not thread-safe: one instance per decoding thread.
 */
public final class JsonScanner
{
    /** The deepest container nesting {@link #skipValue()} accepts inside the value it skips. */
    public static final int MAX_DEPTH = 32;

    /**
     * The longest frame a decoder reads, 1 MiB: several times the largest depth message a venue sends
     * (a 5,000-level Binance REST snapshot is about 300 KiB), small enough that a hostile peer cannot
     * make a decoder walk an unbounded input. Longer frames are {@link DecodeResult#FRAME_TOO_LARGE}
     * before a byte of them is read.
     */
    public static final int MAX_FRAME_LENGTH = 1 << 20;

    /** Returned by {@link #peek()} at the end of the input. */
    public static final int END = -1;


    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private byte[] array;
    private long address;
    private int frameStart;
    private int end;
    private int position;
    private DecodeResult error;
    private int errorPosition;
    private int tokenOffset;
    private int tokenLength;
    private boolean tokenEscaped;
    private int tokenFractionDigits = -1;

    /**
     * Points the scanner at {@code length} bytes from {@code offset} and clears any error.
     *
     * @throws IllegalArgumentException when the range lies outside the buffer (a caller bug, not bad input).
     */
    public JsonScanner wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            throw new IllegalArgumentException(
                "range outside buffer: offset=" + offset + " length=" + length + " capacity=" + buffer.capacity());
        }
        this.buffer = buffer;
        this.array = buffer.byteArray();
        this.address = buffer.addressOffset();
        this.frameStart = offset;
        this.end = offset + length;
        this.position = offset;
        this.error = null;
        this.errorPosition = -1;
        this.tokenOffset = offset;
        this.tokenLength = 0;
        this.tokenEscaped = false;
        this.tokenFractionDigits = -1;
        return this;
    }

    /** Absolute index just past the wrapped range. */
    int limit()
    {
        return end;
    }

    /**
     * Digits after the point of the last token, which must be the text of a decimal (0 without a point);
     * known without a further pass when {@link QuotedDecimals} read it.
     */
    int tokenFractionDigits()
    {
        if (tokenFractionDigits < 0)
        {
            tokenFractionDigits = FixedPoint.fractionDigits(buffer, tokenOffset, tokenLength);
        }
        return tokenFractionDigits;
    }

    /** Consumes a quoted decimal that {@link QuotedDecimals} has read, as {@link #readString()} would. */
    void takeQuotedDecimal(final int offset, final int length, final int fractionDigits)
    {
        tokenOffset = offset;
        tokenLength = length;
        tokenEscaped = false;
        tokenFractionDigits = fractionDigits;
        position = offset + length + 1;
    }

    /** Moves to an absolute index inside the wrapped range, unchecked: for the scanner's own readers. */
    void moveTo(final int position)
    {
        this.position = position;
    }

    /** Sets the token to a string's raw content or a number's text, for the scanner's own readers. */
    void token(final int offset, final int length, final boolean escaped)
    {
        tokenOffset = offset;
        tokenLength = length;
        tokenEscaped = escaped;
        tokenFractionDigits = -1;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Whether the rest of the input, after optional whitespace, is exactly {@code text} and optional
     * whitespace; for venues' bare-text keep-alives such as {@code pong}. Moves nothing.
     */
    public boolean remainingEquals(final byte[] text)
    {
        final int start = JsonSyntax.skipWhitespace(buffer, position, end);
        if (end - start < text.length)
        {
            return false;
        }
        for (int i = 0; i < text.length; i++)
        {
            if (byteAt(start + i) != text[i])
            {
                return false;
            }
        }
        return JsonSyntax.skipWhitespace(buffer, start + text.length, end) == end;
    }

    /** Absolute index into {@link #buffer()} of the next byte to read. */
    public int position()
    {
        return position;
    }

    /**
     * Moves back (or forward) to an absolute index previously read from {@link #position()}.
     *
     * @throws IllegalArgumentException outside the wrapped range (a caller bug, not bad input).
     */
    public void position(final int position)
    {
        if (position < frameStart || position > end)
        {
            throw new IllegalArgumentException("position " + position + " outside " + frameStart + ".." + end);
        }
        this.position = position;
    }

    /** The first error recorded since {@link #wrap}, or null. */
    public DecodeResult error()
    {
        return error;
    }

    /** Absolute index where the first error was detected, or -1. */
    public int errorPosition()
    {
        return errorPosition;
    }

    /**
     * Records an error unless one is already recorded.
     *
     * @return always false, so callers can {@code return scanner.fail(...)}.
     */
    public boolean fail(final DecodeResult result, final int position)
    {
        if (null == error)
        {
            error = result;
            errorPosition = position;
        }
        return false;
    }

    /** Absolute index of the last string token's first content byte (after the opening quote). */
    public int tokenOffset()
    {
        return tokenOffset;
    }

    /** Length in bytes of the last string token's raw content, escapes not decoded. */
    public int tokenLength()
    {
        return tokenLength;
    }

    /** Whether the last string token contained a backslash escape. */
    public boolean tokenEscaped()
    {
        return tokenEscaped;
    }

    /** Whether the last string token's raw bytes equal {@code expected}. */
    public boolean tokenEquals(final byte[] expected)
    {
        if (tokenLength != expected.length)
        {
            return false;
        }
        for (int i = 0; i < tokenLength; i++)
        {
            if (byteAt(tokenOffset + i) != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Skips whitespace and returns the next byte without consuming it.
     *
     * @return the byte as an unsigned value, or {@link #END}.
     */
    public int peek()
    {
        final int i = position;
        if (i < end)
        {
            final byte b = byteAt(i);
            if (b > ' ')
            {
                return b;
            }
        }
        return peekPastWhitespace();
    }

    private int peekPastWhitespace()
    {
        for (int i = position; i < end; i++)
        {
            final byte b = byteAt(i);
            if (b > ' ' || !JsonSyntax.isWhitespace(b))
            {
                position = i;
                return b & 0xFF;
            }
        }
        position = end;
        return END;
    }

    /** Whether only whitespace remains. */
    public boolean isAtEnd()
    {
        return peek() == END;
    }

    /** Consumes {@code expected} after optional whitespace if it is next; records no error otherwise. */
    public boolean tryConsume(final int expected)
    {
        if (peek() == expected)
        {
            position++;
            return true;
        }
        return false;
    }

    /** Consumes {@code expected} after optional whitespace, or fails with {@link DecodeResult#MALFORMED_JSON}. */
    public boolean expect(final int expected)
    {
        return tryConsume(expected) || fail(DecodeResult.MALFORMED_JSON, position);
    }

    /** Reads an object key: a string, else {@link DecodeResult#MALFORMED_JSON}. */
    public boolean readKey()
    {
        return peek() == '"' ? JsonValueSkipper.scanString(this) : fail(DecodeResult.MALFORMED_JSON, position);
    }

    /** Reads a string value into the token; another JSON value is {@link DecodeResult#UNEXPECTED_TYPE}. */
    public boolean readString()
    {
        return peek() == '"' ? JsonValueSkipper.scanString(this) : failUnexpected();
    }

    /**
     * Reads a JSON integer in {@code 0..Long.MAX_VALUE}. A fraction, exponent, sign, leading zero or
     * overflow is {@link DecodeResult#INVALID_NUMBER}; another JSON type is
     * {@link DecodeResult#UNEXPECTED_TYPE}.
     *
     * @return the value, or -1 on error.
     */
    public long readNonNegativeLong()
    {
        return JsonNumberReader.readNonNegativeLong(this);
    }

    /** Returned by {@link #readLong()} on error; never a value it reads. */
    public static final long INVALID_LONG = Long.MIN_VALUE;

    /**
     * Reads a JSON integer in {@code -Long.MAX_VALUE..Long.MAX_VALUE}, for fields such as signed checksums.
     * The same rules as {@link #readNonNegativeLong()} apply after an optional minus sign; {@code -0} is 0.
     *
     * @return the value, or {@link #INVALID_LONG} on error.
     */
    public long readLong()
    {
        return JsonNumberReader.readLong(this);
    }

    /**
     * Reads any JSON number and exposes its raw text as the token ({@link #tokenOffset()},
     * {@link #tokenLength()}), for decoders that convert it exactly themselves; another JSON type is
     * {@link DecodeResult#UNEXPECTED_TYPE}, a malformed number {@link DecodeResult#MALFORMED_JSON}.
     */
    public boolean readNumber()
    {
        return JsonNumberReader.readNumber(this);
    }

    /**
     * Refuses a frame longer than {@link #MAX_FRAME_LENGTH}: after {@link #wrap}, records
     * {@link DecodeResult#FRAME_TOO_LARGE} at the first byte beyond the limit.
     *
     * @return false when the frame is too long.
     */
    public boolean checkFrameLength()
    {
        return end - frameStart <= MAX_FRAME_LENGTH || fail(DecodeResult.FRAME_TOO_LARGE, frameStart + MAX_FRAME_LENGTH);
    }

    /** Skips one complete, valid JSON value of any type. */
    public boolean skipValue()
    {
        return JsonValueSkipper.skipValue(this, 0);
    }

    /**
     * Fails at the current position with {@link DecodeResult#UNEXPECTED_TYPE} when a valid JSON value of
     * some other type starts there; when the value there is not valid JSON, with the error that makes it
     * invalid ({@link DecodeResult#MALFORMED_JSON}, {@link DecodeResult#NESTING_TOO_DEEP},
     * {@link DecodeResult#INVALID_UTF8}), so a hostile value is reported as what it is. Leaves the
     * position where it was.
     */
    public boolean failUnexpected()
    {
        final int c = peek();
        final int start = position;
        final boolean valueStart = c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' ||
            c == '-' || (c >= '0' && c <= '9');
        if (!valueStart)
        {
            return fail(DecodeResult.MALFORMED_JSON, start);
        }
        final boolean valid = skipValue();
        position = start;
        return valid ? fail(DecodeResult.UNEXPECTED_TYPE, start) : false;
    }

    /** The byte at an absolute index the caller has checked against {@link #limit()}. */
    byte byteAt(final int index)
    {
        return UnsafeApi.getByte(array, address + index);
    }

    /** Eight bytes from an absolute index at least eight before {@link #limit()}, as a little-endian word. */
    long wordAt(final int index)
    {
        final long word = UnsafeApi.getLong(array, address + index);
        return LITTLE_ENDIAN ? word : Long.reverseBytes(word);
    }
}
