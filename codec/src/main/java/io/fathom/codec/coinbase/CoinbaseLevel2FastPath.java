package io.fathom.codec.coinbase;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLiteral;
import io.fathom.codec.json.Rfc3339;
import org.agrona.DirectBuffer;

/**
 * Reads a Coinbase {@code l2_data} frame in one pass when it has no whitespace, plain ASCII strings and the
 * venue's key order:
 *
 * <pre>
 *   {"channel":"l2_data","client_id":"","timestamp":"rfc3339","sequence_num":n,"events":[
 *    {"type":"snapshot"|"update","product_id":"BTC-USD","updates":[{"side":"bid"|"offer",
 *     "event_time":"...","price_level":"p","new_quantity":"q"},...]},...]}
 * </pre>
 *
 * The first event is decoded on the way; the others are checked for that shape and their starts kept, so
 * {@link #decodeEvent} reads any of them again in one pass. Anything else (another key or order, more than
 * {@link #MAX_EVENTS} events, a value not in its usual form) is left to {@link CoinbaseLevel2Decoder}'s
 * general path, which decodes whatever this path decodes to the same messages. Not thread-safe.
 */
final class CoinbaseLevel2FastPath
{
    /** The most events a frame read here may hold; Coinbase sends one per product, so a few at most. */
    static final int MAX_EVENTS = 64;

    private static final JsonLiteral START = JsonLiteral.of("{\"channel\":\"l2_data\",\"client_id\":");
    private static final JsonLiteral TIMESTAMP = JsonLiteral.of(",\"timestamp\":");
    private static final JsonLiteral SEQUENCE_NUM = JsonLiteral.of(",\"sequence_num\":");
    private static final JsonLiteral EVENTS = JsonLiteral.of(",\"events\":");
    private static final JsonLiteral TYPE = JsonLiteral.of("{\"type\":\"");
    private static final JsonLiteral SNAPSHOT = JsonLiteral.of("snapshot\"");
    private static final JsonLiteral UPDATE = JsonLiteral.of("update\"");
    private static final JsonLiteral PRODUCT_ID = JsonLiteral.of(",\"product_id\":");
    private static final JsonLiteral UPDATES = JsonLiteral.of(",\"updates\":[");
    private static final JsonLiteral SIDE = JsonLiteral.of("{\"side\":\"");
    private static final JsonLiteral BID = JsonLiteral.of("bid\"");
    private static final JsonLiteral OFFER = JsonLiteral.of("offer\"");
    private static final JsonLiteral EVENT_TIME = JsonLiteral.of(",\"event_time\":");
    private static final JsonLiteral PRICE_LEVEL = JsonLiteral.of(",\"price_level\":");
    private static final JsonLiteral NEW_QUANTITY = JsonLiteral.of(",\"new_quantity\":");
    private static final JsonLiteral CLOSE_EVENT = JsonLiteral.of("}");
    private static final JsonLiteral END = JsonLiteral.of("]}");

    private final JsonFastReader reader = new JsonFastReader();
    private final int[] eventStarts = new int[MAX_EVENTS];
    private int eventCount;
    private int eventsPosition;
    private long sequenceNumber;
    private long timestampMs;

    CoinbaseLevel2FastPath()
    {
    }

    /**
     * Decodes the frame and its first event into {@code out} (already reset and scaled) when it is in the
     * usual shape with at least one event.
     *
     * @return false when it is not; {@code out} may then hold part of the frame.
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        eventCount = 0;
        if (!reader.wrap(buffer, offset, length))
        {
            return false;
        }
        int position = reader.plainString(reader.expect(reader.plainString(reader.expect(offset, START)), TIMESTAMP));
        if (position < 0)
        {
            return false;
        }
        timestampMs = Rfc3339.toEpochMs(buffer, reader.tokenOffset(), reader.tokenLength());
        position = reader.nonNegativeLong(reader.expect(position, SEQUENCE_NUM));
        sequenceNumber = reader.value();
        position = reader.expect(position, EVENTS);
        if (Rfc3339.INVALID == timestampMs || reader.byteAt(position) != '[')
        {
            return false;
        }
        eventsPosition = position;
        int count = 0;
        while (true)
        {
            if (MAX_EVENTS == count)
            {
                return false;
            }
            eventStarts[count] = ++position;
            position = event(position, 0 == count ? out : null);
            if (position < 0)
            {
                return false;
            }
            count++;
            if (reader.byteAt(position) != ',')
            {
                break;
            }
        }
        eventCount = count;
        return reader.expect(position, END) == reader.end();
    }

    /**
     * Decodes event {@code index} of the frame the last successful {@link #decode} read, whose bytes must be
     * unchanged, into {@code out} (already reset and scaled).
     *
     * @return false when it is not in the usual shape after all; {@code out} may then hold part of it.
     */
    boolean decodeEvent(final int index, final DepthMessage out)
    {
        return index < eventCount && event(eventStarts[index], out) >= 0;
    }

    /** Events in the last frame {@link #decode} accepted, 0 when it accepted none. */
    int eventCount()
    {
        return eventCount;
    }

    /** Absolute index of the {@code events} array's opening bracket in the last frame accepted. */
    int eventsPosition()
    {
        return eventsPosition;
    }

    /** The {@code timestamp} of the last frame accepted, in milliseconds since the epoch. */
    long timestampMs()
    {
        return timestampMs;
    }

    /** The {@code sequence_num} of the last frame accepted. */
    long sequenceNumber()
    {
        return sequenceNumber;
    }

    /**
     * One event object: decoded into {@code out}, or with {@code out} null only checked for the usual shape.
     *
     * @return the position after it, or {@link JsonFastReader#NO_MATCH}.
     */
    private int event(final int start, final DepthMessage out)
    {
        int position = reader.expect(start, TYPE);
        final int update = reader.expect(position, UPDATE);
        final boolean snapshot = update < 0;
        position = snapshot ? reader.expect(position, SNAPSHOT) : update;
        position = reader.plainString(reader.expect(position, PRODUCT_ID));
        if (position < 0)
        {
            return JsonFastReader.NO_MATCH;
        }
        if (null != out)
        {
            if (!reader.symbol(out))
            {
                return JsonFastReader.NO_MATCH;
            }
            out.eventTimeMs(timestampMs).sequence(sequenceNumber);
            if (snapshot)
            {
                out.kind(DepthMessage.KIND_SNAPSHOT);
            }
        }
        position = reader.expect(position, UPDATES);
        if (reader.byteAt(position) == ']')
        {
            return reader.expect(position + 1, CLOSE_EVENT);
        }
        while (true)
        {
            position = update(position, out);
            final int next = reader.byteAt(position);
            if (']' == next)
            {
                return reader.expect(position + 1, CLOSE_EVENT);
            }
            if (',' != next)
            {
                return JsonFastReader.NO_MATCH;
            }
            position++;
        }
    }

    /** One update object, added to {@code out} unless it is null. */
    private int update(final int start, final DepthMessage out)
    {
        int position = reader.expect(start, SIDE);
        final int bid = reader.expect(position, BID);
        final byte side = bid >= 0 ? DepthMessage.BID : DepthMessage.ASK;
        position = bid >= 0 ? bid : reader.expect(position, OFFER);
        position = reader.plainString(reader.expect(position, EVENT_TIME));
        if (null == out)
        {
            position = reader.plainString(reader.expect(position, PRICE_LEVEL));
            position = reader.plainString(reader.expect(position, NEW_QUANTITY));
            return reader.expect(position, CLOSE_EVENT);
        }
        position = reader.quotedDecimal(reader.expect(position, PRICE_LEVEL), out.priceScale());
        final long price = reader.value();
        final int priceDecimals = reader.fractionDigits();
        position = reader.quotedDecimal(reader.expect(position, NEW_QUANTITY), out.quantityScale());
        if (position < 0 || reader.byteAt(position) != '}' ||
            !out.addLevel(side, price, reader.value(), priceDecimals, reader.fractionDigits()))
        {
            return JsonFastReader.NO_MATCH;
        }
        return position + 1;
    }
}
