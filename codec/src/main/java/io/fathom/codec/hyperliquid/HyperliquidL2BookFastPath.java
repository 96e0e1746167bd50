package io.fathom.codec.hyperliquid;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLiteral;
import org.agrona.DirectBuffer;

/**
 * Reads a Hyperliquid {@code l2Book} push in one pass when it has no whitespace, plain ASCII strings and
 * the venue's key order:
 *
 * <pre>
 *   {"channel":"l2Book","data":{"coin":"BTC","time":ms,"levels":[[{"px":"p","sz":"q","n":count},...],[...]]}}
 * </pre>
 *
 * Anything else (another key or order, a value not in its usual form) is left to
 * {@link HyperliquidL2BookDecoder}'s general path, which decodes whatever this path decodes to the same
 * message. Not thread-safe.
 */
final class HyperliquidL2BookFastPath
{
    private static final JsonLiteral START = JsonLiteral.of("{\"channel\":\"l2Book\",\"data\":{\"coin\":");
    private static final JsonLiteral TIME = JsonLiteral.of(",\"time\":");
    private static final JsonLiteral LEVELS = JsonLiteral.of(",\"levels\":[");
    private static final JsonLiteral PX = JsonLiteral.of("{\"px\":");
    private static final JsonLiteral SZ = JsonLiteral.of(",\"sz\":");
    private static final JsonLiteral N = JsonLiteral.of(",\"n\":");
    private static final JsonLiteral BETWEEN_SIDES = JsonLiteral.of(",");
    private static final JsonLiteral END = JsonLiteral.of("]}}");

    private final JsonFastReader reader = new JsonFastReader();

    HyperliquidL2BookFastPath()
    {
    }

    /**
     * Decodes the frame into {@code out} (already reset and scaled) when it is in the usual shape.
     *
     * @return false when it is not; {@code out} may then hold part of the frame.
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        if (!reader.wrap(buffer, offset, length))
        {
            return false;
        }
        int position = reader.plainString(reader.expect(offset, START));
        if (position < 0 || !reader.symbol(out))
        {
            return false;
        }
        position = reader.nonNegativeLong(reader.expect(position, TIME));
        out.kind(DepthMessage.KIND_SNAPSHOT).eventTimeMs(reader.value());
        position = side(reader.expect(position, LEVELS), out, DepthMessage.BID);
        position = side(reader.expect(position, BETWEEN_SIDES), out, DepthMessage.ASK);
        return reader.expect(position, END) == reader.end();
    }

    /** One side's array of level objects, in the order sent. */
    private int side(final int start, final DepthMessage out, final byte side)
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
            position = reader.quotedDecimal(reader.expect(position, PX), priceScale);
            final long price = reader.value();
            final int priceDecimals = reader.fractionDigits();
            position = reader.quotedDecimal(reader.expect(position, SZ), quantityScale);
            final long quantity = reader.value();
            final int quantityDecimals = reader.fractionDigits();
            position = reader.nonNegativeLong(reader.expect(position, N));
            if (position < 0 || reader.byteAt(position) != '}' ||
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
}
