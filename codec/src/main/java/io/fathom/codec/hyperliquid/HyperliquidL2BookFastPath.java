package io.fathom.codec.hyperliquid;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLevelArray;
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
    private static final JsonLevelArray SIDE = new JsonLevelArray(PX, SZ, true, N, (byte)'}');

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
        position = SIDE.read(reader, reader.expect(position, LEVELS), out, DepthMessage.BID);
        position = SIDE.read(reader, reader.expect(position, BETWEEN_SIDES), out, DepthMessage.ASK);
        return reader.expect(position, END) == reader.end();
    }
}
