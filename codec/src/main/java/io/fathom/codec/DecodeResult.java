package io.fathom.codec;

/**
 * Outcome of decoding one frame. Decoders return a constant rather than throwing so that a bad
 * frame costs no allocation on the feed thread; the decoder's {@code errorOffset()} says where.
 */
public enum DecodeResult
{
    /** A depth message was decoded into the target {@link DepthMessage}. */
    DEPTH(false),

    /** A well-formed frame that is not a depth message: a subscription response or another event type. */
    IGNORED(false),

    /** The frame is not valid JSON: a syntax error or truncated input. */
    MALFORMED_JSON(true),

    /**
     * The frame is longer than {@link io.fathom.codec.json.JsonScanner#MAX_FRAME_LENGTH}; it is refused
     * before any of it is read, and the error offset is the first byte beyond the limit.
     */
    FRAME_TOO_LARGE(true),

    /**
     * A string holds bytes that are not well-formed UTF-8 (RFC 3629): a stray continuation byte, an
     * overlong form, a surrogate or a code point above U+10FFFF. JSON text must be UTF-8 (RFC 8259).
     */
    INVALID_UTF8(true),

    /** Containers are nested deeper than the scanner allows. */
    NESTING_TOO_DEEP(true),

    /** A field the message requires is absent. */
    MISSING_FIELD(true),

    /** A field the decoder reads appears more than once in the same message. */
    DUPLICATE_FIELD(true),

    /**
     * A number is malformed, negative or out of range; a well-formed decimal its instrument's scale cannot hold
     * is {@link #UNREPRESENTABLE_VALUE}.
     */
    INVALID_NUMBER(true),

    /**
     * A level's price is zero or negative. No venue quotes such a price, and applying one would put a level
     * at or below zero at the top of a book; quantity zero stays legal (it deletes a level).
     */
    INVALID_PRICE(true),

    /** The message holds more levels than the target {@link DepthMessage} has capacity for. */
    TOO_MANY_LEVELS(true),

    /** The symbol is longer than {@link DepthMessage#MAX_SYMBOL_LENGTH}. */
    SYMBOL_TOO_LONG(true),

    /** The symbol is empty, contains JSON escapes, or holds bytes outside ASCII. */
    INVALID_SYMBOL(true),

    /** A field holds valid JSON of the wrong type, for example a string where an array belongs. */
    UNEXPECTED_TYPE(true),

    /**
     * A price or quantity is a well-formed decimal that its instrument's scale cannot hold: more non-zero
     * decimals than the scale, or a mantissa beyond a {@code long}. The frame is sound; the instrument's scales
     * are wrong for it, so it names neither a syntax error nor a hostile peer.
     */
    UNREPRESENTABLE_VALUE(true);

    private final boolean error;

    DecodeResult(final boolean error)
    {
        this.error = error;
    }

    /**
     * @return true when the frame could not be decoded; false for {@link #DEPTH} and {@link #IGNORED}.
     */
    public boolean isError()
    {
        return error;
    }
}
