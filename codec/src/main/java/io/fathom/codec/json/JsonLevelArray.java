package io.fathom.codec.json;

import io.fathom.codec.DepthMessage;

/**
 * One reader of a venue's array of levels for the fast paths over {@link JsonFastReader}, parameterised by the
 * shape of an element, which is all the venues' level loops differed in:
 *
 * <pre>
 *   [ open price between quantity (count long) close , ... ]
 * </pre>
 *
 * e.g. Hyperliquid's {@code {"px":"p","sz":"q","n":3}} and Kraken v2's {@code {"price":1.5,"qty":2}} (bare
 * numbers). Levels are added in the order sent, each with the decimals of its text. Stateless. Kraken v1's
 * {@code ["p","q","ts"(,"r")]} keeps a loop of its own: read through this record (a timestamp and a republish
 * flag as two more optional parts) it cost 7% more CPU a 10-level frame (bench/RESULTS.md).
 *
 * @param open       before the price: the element's opening and, for an object, the price's key.
 * @param between    between the price and the quantity.
 * @param quoted     whether prices and quantities are strings ({@code "1.5"}) or bare numbers ({@code 1.5}).
 * @param count      before an integer after the quantity that is read and not kept, or null.
 * @param close      the element's closing byte.
 */
public record JsonLevelArray(JsonLiteral open, JsonLiteral between, boolean quoted, JsonLiteral count, byte close)
{
    /**
     * Reads the array at {@code start} into {@code out} as {@code side} levels at the message's scales.
     *
     * @return the position after the array, or {@link JsonFastReader#NO_MATCH}.
     */
    public int read(final JsonFastReader reader, final int start, final DepthMessage out, final byte side)
    {
        if (reader.byteAt(start) != '[')
        {
            return JsonFastReader.NO_MATCH;
        }
        if (reader.byteAt(start + 1) == ']')
        {
            return start + 2;
        }
        final int priceScale = out.priceScale();
        final int quantityScale = out.quantityScale();
        int position = start + 1;
        while (true)
        {
            position = decimal(reader, reader.expect(position, open), priceScale);
            final long price = reader.value();
            final int priceDecimals = reader.fractionDigits();
            position = decimal(reader, reader.expect(position, between), quantityScale);
            final long quantity = reader.value();
            final int quantityDecimals = reader.fractionDigits();
            if (null != count)
            {
                position = reader.nonNegativeLong(reader.expect(position, count));
            }
            if (position < 0 || reader.byteAt(position) != close ||
                !out.addLevel(side, price, quantity, priceDecimals, quantityDecimals))
            {
                return JsonFastReader.NO_MATCH;
            }
            final int next = reader.byteAt(position + 1);
            if (']' == next)
            {
                return position + 2;
            }
            if (',' != next)
            {
                return JsonFastReader.NO_MATCH;
            }
            position += 2;
        }
    }

    private int decimal(final JsonFastReader reader, final int position, final int scale)
    {
        return quoted ? reader.quotedDecimal(position, scale) : reader.bareDecimal(position, scale);
    }
}
