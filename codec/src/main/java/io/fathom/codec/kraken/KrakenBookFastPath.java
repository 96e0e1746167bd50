package io.fathom.codec.kraken;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLevelArray;
import io.fathom.codec.json.JsonLiteral;
import io.fathom.codec.json.Rfc3339;
import org.agrona.DirectBuffer;

/**
 * Reads a Kraken v2 {@code book} snapshot or update in one pass when it has no whitespace, plain ASCII
 * strings and the venue's key order:
 *
 * <pre>
 *   {"channel":"book","type":"snapshot"|"update","data":[{"symbol":"BTC/USD",
 *     "bids":[{"price":45283.5,"qty":0.1},...],"asks":[...](,"checksum":crc)(,"timestamp":"rfc3339")}]}
 * </pre>
 *
 * Prices and quantities are bare JSON numbers, read with the decimals as sent (the checksum needs them).
 * Anything else (another key or order, an exponent, a value not in its usual form) is left to
 * {@link KrakenBookDecoder}'s general path, which decodes whatever this path decodes to the same message.
 * Not thread-safe.
 */
final class KrakenBookFastPath
{
    private static final JsonLiteral START = JsonLiteral.of("{\"channel\":\"book\",\"type\":\"");
    private static final JsonLiteral SNAPSHOT = JsonLiteral.of("snapshot\"");
    private static final JsonLiteral UPDATE = JsonLiteral.of("update\"");
    private static final JsonLiteral SYMBOL = JsonLiteral.of(",\"data\":[{\"symbol\":");
    private static final JsonLiteral BIDS = JsonLiteral.of(",\"bids\":");
    private static final JsonLiteral ASKS = JsonLiteral.of(",\"asks\":");
    private static final JsonLiteral CHECKSUM = JsonLiteral.of(",\"checksum\":");
    private static final JsonLiteral TIMESTAMP = JsonLiteral.of(",\"timestamp\":");
    private static final JsonLiteral PRICE = JsonLiteral.of("{\"price\":");
    private static final JsonLiteral QTY = JsonLiteral.of(",\"qty\":");
    private static final JsonLiteral END = JsonLiteral.of("}]}");
    private static final JsonLevelArray SIDE = new JsonLevelArray(PRICE, QTY, false, null, (byte)'}');

    private final JsonFastReader reader = new JsonFastReader();

    KrakenBookFastPath()
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
        int position = reader.expect(offset, START);
        final int update = reader.expect(position, UPDATE);
        if (update >= 0)
        {
            position = update;
        }
        else
        {
            position = reader.expect(position, SNAPSHOT);
            out.kind(DepthMessage.KIND_SNAPSHOT);
        }
        position = reader.plainString(reader.expect(position, SYMBOL));
        if (position < 0 || !reader.symbol(out))
        {
            return false;
        }
        position = SIDE.read(reader, reader.expect(position, BIDS), out, DepthMessage.BID);
        position = SIDE.read(reader, reader.expect(position, ASKS), out, DepthMessage.ASK);
        final int checksum = reader.nonNegativeLong(reader.expect(position, CHECKSUM));
        if (checksum >= 0)
        {
            if (reader.value() > KrakenFormat.MAX_CHECKSUM)
            {
                return false;
            }
            out.checksum(reader.value());
            position = checksum;
        }
        final int timestamp = reader.plainString(reader.expect(position, TIMESTAMP));
        if (timestamp >= 0)
        {
            final long epochMs = Rfc3339.toEpochMs(buffer, reader.tokenOffset(), reader.tokenLength());
            if (Rfc3339.INVALID == epochMs)
            {
                return false;
            }
            out.eventTimeMs(epochMs);
            position = timestamp;
        }
        return reader.expect(position, END) == reader.end();
    }
}
