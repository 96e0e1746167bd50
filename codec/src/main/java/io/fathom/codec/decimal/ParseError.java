package io.fathom.codec.decimal;

/**
 * Why a decimal could not be parsed by {@link FixedPoint}; {@link #NONE} when it could.
 */
public enum ParseError
{
    NONE("no error"),
    EMPTY("empty input"),
    MALFORMED("malformed, expected [-]digits[.digits]"),
    OVERFLOW("magnitude does not fit in a long mantissa at this scale"),
    EXCESS_PRECISION("more non-zero fractional digits than the scale"),
    INVALID_SCALE("scale outside 0.." + FixedPoint.MAX_SCALE);

    private final String description;

    ParseError(final String description)
    {
        this.description = description;
    }

    /**
     * @return a short human-readable reason, for error messages.
     */
    public String description()
    {
        return description;
    }
}
