package io.fathom.codec.kraken;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLiteral;
import org.agrona.DirectBuffer;

/**
 * Reads a Kraken v1 book update in one pass when it has no whitespace and the usual form:
 *
 * <pre>
 *   [channelID,{"a":[["price","volume","timestamp"(,"r")],...](,"b":[...])(,"c":"crc")}(,{...}),"book-N","SYM"]
 * </pre>
 *
 * with {@code a}, {@code b} and {@code c} in any order. Snapshots ({@code as}, {@code bs}) and anything
 * else not in that form are left to {@link KrakenV1BookDecoder}'s general path, which decodes whatever this
 * path decodes to the same message. Not thread-safe.
 */
final class KrakenV1BookFastPath
{
    private static final int TIMESTAMP_SCALE = 6;
    private static final int MAX_CHECKSUM_DIGITS = 10;
    private static final int MAX_DEPTH = 100_000;
    private static final int ASKS = 1;
    private static final int BIDS = 1 << 1;
    private static final int CHECKSUM = 1 << 2;

    private static final JsonLiteral OPEN = JsonLiteral.of("[");
    private static final JsonLiteral DICT = JsonLiteral.of(",{");
    private static final JsonLiteral ASKS_KEY = JsonLiteral.of("\"a\":");
    private static final JsonLiteral BIDS_KEY = JsonLiteral.of("\"b\":");
    private static final JsonLiteral CHECKSUM_KEY = JsonLiteral.of("\"c\":");
    private static final JsonLiteral CHANNEL = JsonLiteral.of(",\"book-");
    private static final JsonLiteral CHANNEL_END = JsonLiteral.of("\",");
    private static final JsonLiteral REPUBLISH = JsonLiteral.of(",\"r\"");
    private static final JsonLiteral CLOSE = JsonLiteral.of("]");

    private final JsonFastReader reader = new JsonFastReader();
    private DepthMessage out;
    private long latestTimestampMicros;
    private boolean checksumSeen;
    private long channelId;
    private int bookDepth;

    KrakenV1BookFastPath()
    {
    }

    /** The channel id of the last frame decoded. */
    long channelId()
    {
        return channelId;
    }

    /** The depth in the channel name of the last frame decoded. */
    int bookDepth()
    {
        return bookDepth;
    }

    /**
     * Decodes the frame into {@code out} (already reset and scaled) when it is in the usual shape. The pair
     * comes last, so levels are read at the default scales and converted to the pair's own once it is known;
     * a value that does not convert leaves the frame to the general path, which reads the pair first.
     *
     * @return false when it is not; {@code out} may then hold part of the frame.
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        if (!reader.wrap(buffer, offset, length))
        {
            return false;
        }
        this.out = out;
        final int readPriceScale = out.priceScale();
        final int readQuantityScale = out.quantityScale();
        latestTimestampMicros = -1;
        checksumSeen = false;
        int position = reader.nonNegativeLong(reader.expect(offset, OPEN));
        final long id = reader.value();
        position = dict(reader.expect(position, DICT));
        final int second = reader.expect(position, DICT);
        if (second >= 0)
        {
            position = dict(second);
        }
        position = reader.nonNegativeLong(reader.expect(position, CHANNEL));
        final long depth = reader.value();
        position = reader.plainString(reader.expect(position, CHANNEL_END));
        this.out = null;
        if (position < 0 || depth < 1 || depth > MAX_DEPTH || !reader.symbol(out) ||
            reader.expect(position, CLOSE) != reader.end() || !out.rescaleLevels(readPriceScale, readQuantityScale))
        {
            return false;
        }
        out.kind(DepthMessage.KIND_DELTA);
        if (latestTimestampMicros >= 0)
        {
            out.eventTimeMs(latestTimestampMicros / 1000);
        }
        channelId = id;
        bookDepth = (int)depth;
        return true;
    }

    /** One update dict after its opening brace. */
    private int dict(final int start)
    {
        int seen = 0;
        int position = start;
        while (position >= 0)
        {
            int value = reader.expect(position, ASKS_KEY);
            int field = ASKS;
            if (value < 0)
            {
                value = reader.expect(position, BIDS_KEY);
                field = BIDS;
            }
            if (value < 0)
            {
                value = reader.expect(position, CHECKSUM_KEY);
                field = CHECKSUM;
            }
            if (value < 0 || (seen & field) != 0)
            {
                return JsonFastReader.NO_MATCH;
            }
            seen |= field;
            position = CHECKSUM == field ? checksum(value) :
                levels(value, ASKS == field ? DepthMessage.ASK : DepthMessage.BID);
            final int next = reader.byteAt(position);
            if ('}' == next)
            {
                return (seen & (ASKS | BIDS)) != 0 ? position + 1 : JsonFastReader.NO_MATCH;
            }
            position = ',' == next ? position + 1 : JsonFastReader.NO_MATCH;
        }
        return JsonFastReader.NO_MATCH;
    }

    private int checksum(final int start)
    {
        final int position = reader.quotedDigits(start);
        if (position < 0 || checksumSeen || position - start - 2 > MAX_CHECKSUM_DIGITS ||
            reader.value() > KrakenFormat.MAX_CHECKSUM)
        {
            return JsonFastReader.NO_MATCH;
        }
        checksumSeen = true;
        out.checksum(reader.value());
        return position;
    }

    private int levels(final int start, final byte side)
    {
        if (reader.byteAt(start) != '[')
        {
            return JsonFastReader.NO_MATCH;
        }
        if (reader.byteAt(start + 1) == ']')
        {
            return start + 2;
        }
        int position = start + 1;
        while (true)
        {
            if (reader.byteAt(position) != '[')
            {
                return JsonFastReader.NO_MATCH;
            }
            position = reader.quotedDecimal(position + 1, out.priceScale());
            final long price = reader.value();
            final int priceDecimals = reader.fractionDigits();
            position = reader.byteAt(position) == ',' ? reader.quotedDecimal(position + 1, out.quantityScale()) :
                JsonFastReader.NO_MATCH;
            final long quantity = reader.value();
            final int quantityDecimals = reader.fractionDigits();
            position = reader.byteAt(position) == ',' ? reader.quotedDecimal(position + 1, TIMESTAMP_SCALE) :
                JsonFastReader.NO_MATCH;
            final int republish = reader.expect(position, REPUBLISH);
            if (republish >= 0)
            {
                position = republish;
            }
            if (reader.byteAt(position) != ']' ||
                !out.addLevel(side, price, quantity, priceDecimals, quantityDecimals))
            {
                return JsonFastReader.NO_MATCH;
            }
            latestTimestampMicros = Math.max(latestTimestampMicros, reader.value());
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
