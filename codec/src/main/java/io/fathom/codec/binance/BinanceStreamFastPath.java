package io.fathom.codec.binance;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLiteral;
import org.agrona.DirectBuffer;

/**
 * Reads a {@code depthUpdate} event in the order Binance sends its keys, in one pass with no
 * whitespace, bare or in the combined-stream envelope:
 *
 * <pre>
 *   {"stream":"btcusdt@depth@100ms","data":
 *    {"e":"depthUpdate","E":ms,["T":ms,]"s":"BTCUSDT","U":id,"u":id,["pu":id,]"b":[...],"a":[...]}}
 * </pre>
 *
 * ({@code T} and {@code pu} are USD-M futures'). Any other frame, and any value that is not in its
 * usual form, is not matched and is left to {@link BinanceDepthDecoder}'s general path, which decodes
 * whatever this path decodes to the same message. Not thread-safe.
 */
final class BinanceStreamFastPath
{
    private static final JsonLiteral ENVELOPE = JsonLiteral.of("{\"stream\":");
    private static final JsonLiteral ENVELOPE_DATA = JsonLiteral.of(",\"data\":");
    private static final JsonLiteral DEPTH_UPDATE = JsonLiteral.of("{\"e\":\"depthUpdate\",\"E\":");
    private static final JsonLiteral TRANSACTION_TIME = JsonLiteral.of(",\"T\":");
    private static final JsonLiteral SYMBOL = JsonLiteral.of(",\"s\":");
    private static final JsonLiteral FIRST_ID = JsonLiteral.of(",\"U\":");
    private static final JsonLiteral LAST_ID = JsonLiteral.of(",\"u\":");
    private static final JsonLiteral PREVIOUS_ID = JsonLiteral.of(",\"pu\":");
    private static final JsonLiteral BIDS = JsonLiteral.of(",\"b\":");
    private static final JsonLiteral ASKS = JsonLiteral.of(",\"a\":");
    private static final JsonLiteral CLOSE = JsonLiteral.of("}");
    private static final JsonLiteral CLOSE_ENVELOPE = JsonLiteral.of("}}");

    private final JsonFastReader reader = new JsonFastReader();

    BinanceStreamFastPath()
    {
    }

    /**
     * Decodes the frame into {@code out} (already reset, scaled and of kind delta) when it is in the usual
     * shape.
     *
     * @return false when it is not; {@code out} may then hold part of the frame.
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        final JsonFastReader reader = this.reader;
        if (!reader.wrap(buffer, offset, length))
        {
            return false;
        }
        int position = reader.expect(offset, ENVELOPE);
        final boolean envelope = position >= 0;
        position = envelope ? reader.expect(reader.plainString(position), ENVELOPE_DATA) : offset;

        position = reader.nonNegativeLong(reader.expect(position, DEPTH_UPDATE));
        out.eventTimeMs(reader.value());
        final int transactionTime = reader.expect(position, TRANSACTION_TIME);
        if (transactionTime >= 0)
        {
            position = reader.nonNegativeLong(transactionTime);
        }
        position = reader.plainString(reader.expect(position, SYMBOL));
        if (position < 0 || !reader.symbol(out))
        {
            return false;
        }
        position = reader.nonNegativeLong(reader.expect(position, FIRST_ID));
        out.firstUpdateId(reader.value());
        position = reader.nonNegativeLong(reader.expect(position, LAST_ID));
        out.lastUpdateId(reader.value());
        final int previousId = reader.expect(position, PREVIOUS_ID);
        if (previousId >= 0)
        {
            position = reader.nonNegativeLong(previousId);
            out.previousUpdateId(reader.value());
        }
        final int priceScale = out.priceScale();
        final int quantityScale = out.quantityScale();
        position = reader.levels(reader.expect(position, BIDS), out, DepthMessage.BID, priceScale, quantityScale);
        position = reader.levels(reader.expect(position, ASKS), out, DepthMessage.ASK, priceScale, quantityScale);
        position = reader.expect(position, envelope ? CLOSE_ENVELOPE : CLOSE);
        return position == reader.end();
    }
}
