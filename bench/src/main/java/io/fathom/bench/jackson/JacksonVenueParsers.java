package io.fathom.bench.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fathom.codec.DepthMessage;

import java.io.IOException;

/**
 * Jackson streaming readers of each venue's depth frame, written as a careful Java developer would: field
 * names by {@link JsonParser#currentName()} (interned by Jackson, so a {@code switch} on them allocates
 * nothing), unknown values skipped with {@link JsonParser#skipChildren()}, the symbol copied from the
 * parser's characters, numbers converted by {@link JacksonDepth}. They read the fields Fathom's decoders
 * produce, in the same order, and validate nothing beyond what Jackson itself checks.
 */
public final class JacksonVenueParsers
{
    private JacksonVenueParsers()
    {
    }

    /**
     * Moves past the next field's name onto its value.
     *
     * @return the field's name (interned by Jackson), or null at the end of the object.
     */
    private static String nextField(final JsonParser parser) throws IOException
    {
        if (parser.nextToken() != JsonToken.FIELD_NAME)
        {
            return null;
        }
        final String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /** Binance {@code depthUpdate}, bare or in the combined-stream envelope. */
    public static void binance(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        binanceObject(parser, out);
    }

    private static void binanceObject(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "data":
                    if (parser.currentToken() == JsonToken.START_OBJECT)
                    {
                        binanceObject(parser, out);
                    }
                    else
                    {
                        parser.skipChildren();
                    }
                    break;
                case "e":
                    if (!JacksonDepth.textEquals(parser, "depthUpdate"))
                    {
                        throw new IllegalStateException("not a depthUpdate");
                    }
                    break;
                case "E":
                    out.eventTimeMs = parser.getLongValue();
                    break;
                case "s":
                    out.symbol(parser);
                    break;
                case "U":
                    out.firstUpdateId = parser.getLongValue();
                    break;
                case "u":
                    out.lastUpdateId = parser.getLongValue();
                    break;
                case "pu":
                    out.previousUpdateId = parser.getLongValue();
                    break;
                case "b":
                    out.arrayLevels(parser, DepthMessage.BID);
                    break;
                case "a":
                    out.arrayLevels(parser, DepthMessage.ASK);
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    /** OKX v5 {@code books} and Bitget v1 {@code books} pushes (the same shape). */
    public static void okx(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "action":
                    out.snapshot = JacksonDepth.textEquals(parser, "snapshot");
                    break;
                case "arg":
                    String field;
                    while (null != (field = nextField(parser)))
                    {
                        if ("instId".equals(field))
                        {
                            out.symbol(parser);
                        }
                    }
                    break;
                case "data":
                    while (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        okxBook(parser, out);
                    }
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    private static void okxBook(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "asks":
                    out.arrayLevels(parser, DepthMessage.ASK);
                    break;
                case "bids":
                    out.arrayLevels(parser, DepthMessage.BID);
                    break;
                case "ts":
                    out.eventTimeMs = JacksonDepth.longValue(parser);
                    break;
                case "checksum":
                    final long checksum = parser.getLongValue();
                    if (0 != checksum)
                    {
                        out.checksum = checksum;
                        out.hasChecksum = true;
                    }
                    break;
                case "seqId":
                    out.firstUpdateId = parser.getLongValue();
                    out.lastUpdateId = out.firstUpdateId;
                    break;
                case "prevSeqId":
                    final long previous = parser.getLongValue();
                    out.previousUpdateId = previous < 0 ? JacksonDepth.NO_ID : previous;
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    /** Kraken WebSocket v1 {@code book}: {@code [channelID, {dict}(, {dict}), "book-N", "PAIR"]}. */
    public static void krakenV1(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        parser.nextToken();
        long latestMicros = -1;
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            String name;
            while (null != (name = nextField(parser)))
            {
                switch (name)
                {
                    case "as":
                        out.snapshot = true;
                        latestMicros = Math.max(latestMicros, krakenV1Levels(parser, out, DepthMessage.ASK));
                        break;
                    case "a":
                        latestMicros = Math.max(latestMicros, krakenV1Levels(parser, out, DepthMessage.ASK));
                        break;
                    case "bs":
                    case "b":
                        latestMicros = Math.max(latestMicros, krakenV1Levels(parser, out, DepthMessage.BID));
                        break;
                    case "c":
                        out.checksum = Long.parseLong(parser.getText());
                        out.hasChecksum = true;
                        break;
                    default:
                        parser.skipChildren();
                        break;
                }
            }
        }
        parser.nextToken();
        out.symbol(parser);
        if (latestMicros >= 0)
        {
            out.eventTimeMs = latestMicros / 1000;
        }
    }

    /** @return the latest level timestamp in microseconds. */
    private static long krakenV1Levels(final JsonParser parser, final JacksonDepth out, final byte side) throws IOException
    {
        long latestMicros = -1;
        while (parser.nextToken() == JsonToken.START_ARRAY)
        {
            parser.nextToken();
            out.price(parser);
            parser.nextToken();
            out.quantity(parser);
            parser.nextToken();
            latestMicros = Math.max(latestMicros, out.timestampMicros(parser));
            JacksonDepth.skipRestOfArray(parser);
            out.addLevel(side);
        }
        return latestMicros;
    }

    /** Kraken WebSocket v2 {@code book}, prices and quantities as JSON numbers. */
    public static void krakenV2(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "type":
                    out.snapshot = JacksonDepth.textEquals(parser, "snapshot");
                    break;
                case "data":
                    while (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        krakenV2Book(parser, out);
                    }
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    private static void krakenV2Book(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "symbol":
                    out.symbol(parser);
                    break;
                case "bids":
                    objectLevels(parser, out, DepthMessage.BID, "price", "qty");
                    break;
                case "asks":
                    objectLevels(parser, out, DepthMessage.ASK, "price", "qty");
                    break;
                case "checksum":
                    out.checksum = parser.getLongValue();
                    out.hasChecksum = true;
                    break;
                case "timestamp":
                    out.eventTimeMs = JacksonDepth.epochMs(parser);
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    /** Coinbase Advanced Trade {@code l2_data}: the first event, as Fathom's {@code decode} yields. */
    public static void coinbase(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "timestamp":
                    out.eventTimeMs = JacksonDepth.epochMs(parser);
                    break;
                case "sequence_num":
                    out.sequence = parser.getLongValue();
                    break;
                case "events":
                    if (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        coinbaseEvent(parser, out);
                        JacksonDepth.skipRestOfArray(parser);
                    }
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    private static void coinbaseEvent(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "type":
                    out.snapshot = JacksonDepth.textEquals(parser, "snapshot");
                    break;
                case "product_id":
                    out.symbol(parser);
                    break;
                case "updates":
                    while (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        byte side = DepthMessage.BID;
                        String field;
                        while (null != (field = nextField(parser)))
                        {
                            switch (field)
                            {
                                case "side":
                                    side = JacksonDepth.textEquals(parser, "bid") ? DepthMessage.BID : DepthMessage.ASK;
                                    break;
                                case "price_level":
                                    out.price(parser);
                                    break;
                                case "new_quantity":
                                    out.quantity(parser);
                                    break;
                                default:
                                    parser.skipChildren();
                                    break;
                            }
                        }
                        out.addLevel(side);
                    }
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    /** Hyperliquid {@code l2Book}: a full book, bids then asks. */
    public static void hyperliquid(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        parser.nextToken();
        out.snapshot = true;
        String name;
        while (null != (name = nextField(parser)))
        {
            if ("data".equals(name))
            {
                hyperliquidData(parser, out);
            }
            else
            {
                parser.skipChildren();
            }
        }
    }

    private static void hyperliquidData(final JsonParser parser, final JacksonDepth out) throws IOException
    {
        String name;
        while (null != (name = nextField(parser)))
        {
            switch (name)
            {
                case "coin":
                    out.symbol(parser);
                    break;
                case "time":
                    out.eventTimeMs = parser.getLongValue();
                    break;
                case "levels":
                    parser.nextToken();
                    objectLevels(parser, out, DepthMessage.BID, "px", "sz");
                    parser.nextToken();
                    objectLevels(parser, out, DepthMessage.ASK, "px", "sz");
                    parser.nextToken();
                    break;
                default:
                    parser.skipChildren();
                    break;
            }
        }
    }

    /** An array of level objects whose start the parser is on, e.g. {@code [{"price":1.5,"qty":2},...]}. */
    private static void objectLevels(
        final JsonParser parser, final JacksonDepth out, final byte side, final String priceKey, final String quantityKey)
        throws IOException
    {
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            String field;
            while (null != (field = nextField(parser)))
            {
                if (priceKey.equals(field))
                {
                    out.price(parser);
                }
                else if (quantityKey.equals(field))
                {
                    out.quantity(parser);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            out.addLevel(side);
        }
    }
}
