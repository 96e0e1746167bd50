package io.fathom.codec.okx;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.json.JsonFastReader;
import io.fathom.codec.json.JsonLiteral;
import org.agrona.DirectBuffer;

/**
 * Reads an OKX or Bitget {@code books} push in one pass when it has no whitespace, plain ASCII strings
 * and exactly the keys the venues send, in any order:
 *
 * <pre>
 *   {"arg":{["instType":"sp",]"channel":"books","instId":"BTC-USDT"},"action":"update",
 *    "data":[{"asks":[...],"bids":[...],"ts":"ms","checksum":int[,"prevSeqId":long,"seqId":long]}]}
 * </pre>
 *
 * Levels are appended in key order, as the general path does. Anything else (another key, a missing
 * {@code action}, a value not in its usual form, a duplicate) is not matched and is left to
 * {@link OkxBooksDecoder}'s general path, which decodes whatever this path decodes to the same message.
 * Not thread-safe.
 */
final class OkxBooksFastPath
{
    private static final int ARG = 1;
    private static final int ACTION = 1 << 1;
    private static final int DATA = 1 << 2;
    private static final int FRAME_FIELDS = ARG | ACTION | DATA;
    private static final int CHANNEL = 1 << 3;
    private static final int INST_ID = 1 << 4;
    private static final int INST_TYPE = 1 << 5;
    private static final int ARG_FIELDS = CHANNEL | INST_ID;
    private static final int ASKS = 1 << 6;
    private static final int BIDS = 1 << 7;
    private static final int TS = 1 << 8;
    private static final int CHECKSUM = 1 << 9;
    private static final int SEQ_ID = 1 << 10;
    private static final int PREV_SEQ_ID = 1 << 11;
    private static final int BOOK_FIELDS = ASKS | BIDS | TS;

    private static final JsonLiteral OPEN = JsonLiteral.of("{");
    private static final JsonLiteral ARG_KEY = JsonLiteral.of("\"arg\":{");
    private static final JsonLiteral ACTION_KEY = JsonLiteral.of("\"action\":");
    private static final JsonLiteral DATA_KEY = JsonLiteral.of("\"data\":[{");
    private static final JsonLiteral DATA_END = JsonLiteral.of("]");
    private static final JsonLiteral CHANNEL_KEY = JsonLiteral.of("\"channel\":");
    private static final JsonLiteral INST_ID_KEY = JsonLiteral.of("\"instId\":");
    private static final JsonLiteral INST_TYPE_KEY = JsonLiteral.of("\"instType\":");
    private static final JsonLiteral ASKS_KEY = JsonLiteral.of("\"asks\":");
    private static final JsonLiteral BIDS_KEY = JsonLiteral.of("\"bids\":");
    private static final JsonLiteral TS_KEY = JsonLiteral.of("\"ts\":");
    private static final JsonLiteral CHECKSUM_KEY = JsonLiteral.of("\"checksum\":");
    private static final JsonLiteral SEQ_ID_KEY = JsonLiteral.of("\"seqId\":");
    private static final JsonLiteral PREV_SEQ_ID_KEY = JsonLiteral.of("\"prevSeqId\":");
    private static final JsonLiteral BOOKS = JsonLiteral.of("books");
    private static final JsonLiteral BBO_TBT = JsonLiteral.of("bbo-tbt");
    private static final JsonLiteral SNAPSHOT = JsonLiteral.of("snapshot");
    private static final JsonLiteral UPDATE = JsonLiteral.of("update");

    private final JsonFastReader reader = new JsonFastReader();
    private DepthMessage out;
    private int seen;

    OkxBooksFastPath()
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
        this.out = out;
        seen = 0;
        int position = reader.expect(offset, OPEN);
        while (position >= 0)
        {
            position = field(position);
            final int next = reader.byteAt(position);
            if ('}' == next)
            {
                position++;
                break;
            }
            position = ',' == next ? position + 1 : JsonFastReader.NO_MATCH;
        }
        this.out = null;
        return position == reader.end() && (seen & FRAME_FIELDS) == FRAME_FIELDS;
    }

    private int field(final int position)
    {
        int value = reader.expect(position, ARG_KEY);
        if (value >= 0)
        {
            return once(ARG) ? arg(value) : JsonFastReader.NO_MATCH;
        }
        value = reader.expect(position, DATA_KEY);
        if (value >= 0)
        {
            return once(DATA) ? reader.expect(book(value), DATA_END) : JsonFastReader.NO_MATCH;
        }
        value = reader.plainString(reader.expect(position, ACTION_KEY));
        if (value < 0 || !once(ACTION))
        {
            return JsonFastReader.NO_MATCH;
        }
        if (reader.tokenEquals(UPDATE))
        {
            out.kind(DepthMessage.KIND_DELTA);
            return value;
        }
        if (reader.tokenEquals(SNAPSHOT))
        {
            out.kind(DepthMessage.KIND_SNAPSHOT);
            return value;
        }
        return JsonFastReader.NO_MATCH;
    }

    /** The {@code arg} object after its opening brace. */
    private int arg(final int start)
    {
        int position = start;
        while (true)
        {
            int value = reader.plainString(reader.expect(position, CHANNEL_KEY));
            if (value >= 0)
            {
                if (!once(CHANNEL) || !(reader.tokenStartsWith(BOOKS) || reader.tokenEquals(BBO_TBT)))
                {
                    return JsonFastReader.NO_MATCH;
                }
            }
            else if ((value = reader.plainString(reader.expect(position, INST_ID_KEY))) >= 0)
            {
                if (!once(INST_ID) || !reader.symbol(out))
                {
                    return JsonFastReader.NO_MATCH;
                }
            }
            else if ((value = reader.plainString(reader.expect(position, INST_TYPE_KEY))) < 0 || !once(INST_TYPE))
            {
                return JsonFastReader.NO_MATCH;
            }
            final int next = reader.byteAt(value);
            if ('}' == next)
            {
                return (seen & ARG_FIELDS) == ARG_FIELDS ? value + 1 : JsonFastReader.NO_MATCH;
            }
            if (',' != next)
            {
                return JsonFastReader.NO_MATCH;
            }
            position = value + 1;
        }
    }

    /** The one book object of {@code data} after its opening brace. */
    private int book(final int start)
    {
        int position = start;
        while (position >= 0)
        {
            position = bookField(position);
            final int next = reader.byteAt(position);
            if ('}' == next)
            {
                return (seen & BOOK_FIELDS) == BOOK_FIELDS ? position + 1 : JsonFastReader.NO_MATCH;
            }
            position = ',' == next ? position + 1 : JsonFastReader.NO_MATCH;
        }
        return JsonFastReader.NO_MATCH;
    }

    private int bookField(final int position)
    {
        int value = reader.expect(position, ASKS_KEY);
        if (value >= 0)
        {
            return once(ASKS) && symbolRead() ?
                reader.levels(value, out, DepthMessage.ASK, out.priceScale(), out.quantityScale()) :
                JsonFastReader.NO_MATCH;
        }
        value = reader.expect(position, BIDS_KEY);
        if (value >= 0)
        {
            return once(BIDS) && symbolRead() ?
                reader.levels(value, out, DepthMessage.BID, out.priceScale(), out.quantityScale()) :
                JsonFastReader.NO_MATCH;
        }
        value = reader.expect(position, TS_KEY);
        if (value >= 0)
        {
            value = reader.quotedDigits(value);
            out.eventTimeMs(reader.value());
            return once(TS) ? value : JsonFastReader.NO_MATCH;
        }
        value = reader.expect(position, CHECKSUM_KEY);
        if (value >= 0)
        {
            value = reader.signedLong(value);
            final long checksum = reader.value();
            if (value < 0 || !once(CHECKSUM) || checksum < Integer.MIN_VALUE || checksum > Integer.MAX_VALUE)
            {
                return JsonFastReader.NO_MATCH;
            }
            if (0 != checksum)
            {
                out.checksum(checksum);
            }
            return value;
        }
        value = reader.expect(position, SEQ_ID_KEY);
        if (value >= 0)
        {
            value = reader.nonNegativeLong(value);
            out.firstUpdateId(reader.value()).lastUpdateId(reader.value());
            return once(SEQ_ID) ? value : JsonFastReader.NO_MATCH;
        }
        value = reader.signedLong(reader.expect(position, PREV_SEQ_ID_KEY));
        if (value < 0 || !once(PREV_SEQ_ID) || reader.value() < DepthMessage.NO_ID)
        {
            return JsonFastReader.NO_MATCH;
        }
        out.previousUpdateId(reader.value());
        return value;
    }

    /** Marks a field seen; false when it was already. */
    /** Levels are scaled for their instrument: a frame with levels before {@code instId} goes to the general path. */
    private boolean symbolRead()
    {
        return (seen & INST_ID) != 0;
    }

    private boolean once(final int field)
    {
        final boolean first = (seen & field) == 0;
        seen |= field;
        return first;
    }
}
