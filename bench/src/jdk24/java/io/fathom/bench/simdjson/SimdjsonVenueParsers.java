package io.fathom.bench.simdjson;

import io.fathom.bench.jackson.JacksonDepth;
import io.fathom.codec.DepthMessage;
import org.simdjson.JsonValue;
import org.simdjson.SimdJsonParser;

import java.time.Instant;
import java.util.Iterator;

/**
 * simdjson-java's DOM parser reading each venue's depth frame into the fields Fathom's decoders produce, the
 * competitor of {@code DecodeBenchmark} on JDKs with the Vector API (simdjson-java needs JDK 24 or later and
 * {@code --add-modules jdk.incubator.vector}). The whole frame is parsed to simdjson's tape, then the fields are
 * looked up by name; decimals sent as strings go through {@link Double#parseDouble(String)}, bare numbers are
 * simdjson's own doubles, as {@code jacksonDouble} does. Not thread-safe: one parser per instance.
 */
public final class SimdjsonVenueParsers implements SimdjsonCompetitor.Parser
{
    private final SimdJsonParser parser = new SimdJsonParser();
    private final String venue;

    private SimdjsonVenueParsers(final String venue)
    {
        this.venue = venue;
    }

    /** Called by {@link SimdjsonCompetitor} through reflection, so the rest of the module builds on JDK 17. */
    public static SimdjsonCompetitor.Parser forVenue(final String venue)
    {
        switch (venue)
        {
            case "binance-spot":
            case "binance-usdm":
            case "kraken-v1":
            case "kraken-v2":
            case "okx":
            case "bitget":
            case "coinbase":
            case "hyperliquid":
                return new SimdjsonVenueParsers(venue);
            default:
                throw new IllegalArgumentException("no simdjson reader for " + venue);
        }
    }

    @Override
    public void parse(final byte[] frame, final JacksonDepth out)
    {
        out.reset();
        final JsonValue root = parser.parse(frame, frame.length);
        switch (venue)
        {
            case "kraken-v1":
                krakenV1(root, out);
                break;
            case "kraken-v2":
                krakenV2(root, out);
                break;
            case "okx":
            case "bitget":
                okx(root, out);
                break;
            case "coinbase":
                coinbase(root, out);
                break;
            case "hyperliquid":
                hyperliquid(root, out);
                break;
            default:
                binance(root.get("data") != null ? root.get("data") : root, out);
                break;
        }
    }

    private static void binance(final JsonValue data, final JacksonDepth out)
    {
        if (!"depthUpdate".equals(data.get("e").asString()))
        {
            throw new IllegalStateException("not a depthUpdate");
        }
        out.eventTimeMs = data.get("E").asLong();
        out.symbol(data.get("s").asString());
        out.firstUpdateId = data.get("U").asLong();
        out.lastUpdateId = data.get("u").asLong();
        final JsonValue previous = data.get("pu");
        if (previous != null)
        {
            out.previousUpdateId = previous.asLong();
        }
        arrayLevels(data.get("b"), out, DepthMessage.BID);
        arrayLevels(data.get("a"), out, DepthMessage.ASK);
    }

    private static void okx(final JsonValue root, final JacksonDepth out)
    {
        final JsonValue action = root.get("action");
        out.snapshot = action != null && "snapshot".equals(action.asString());
        out.symbol(root.get("arg").get("instId").asString());
        for (final Iterator<JsonValue> books = root.get("data").arrayIterator(); books.hasNext(); )
        {
            final JsonValue book = books.next();
            arrayLevels(book.get("asks"), out, DepthMessage.ASK);
            arrayLevels(book.get("bids"), out, DepthMessage.BID);
            out.eventTimeMs = longOf(book.get("ts"));
            final JsonValue checksum = book.get("checksum");
            if (checksum != null && checksum.asLong() != 0)
            {
                out.checksum = checksum.asLong();
                out.hasChecksum = true;
            }
            final JsonValue seqId = book.get("seqId");
            if (seqId != null)
            {
                out.firstUpdateId = seqId.asLong();
                out.lastUpdateId = out.firstUpdateId;
            }
            final JsonValue prevSeqId = book.get("prevSeqId");
            if (prevSeqId != null)
            {
                out.previousUpdateId = prevSeqId.asLong() < 0 ? JacksonDepth.NO_ID : prevSeqId.asLong();
            }
        }
    }

    private static void krakenV1(final JsonValue root, final JacksonDepth out)
    {
        final Iterator<JsonValue> elements = root.arrayIterator();
        elements.next();
        long latestMicros = -1;
        JsonValue element = elements.next();
        while (element.isObject())
        {
            latestMicros = Math.max(latestMicros, krakenV1Levels(element, "as", out, DepthMessage.ASK));
            latestMicros = Math.max(latestMicros, krakenV1Levels(element, "a", out, DepthMessage.ASK));
            latestMicros = Math.max(latestMicros, krakenV1Levels(element, "bs", out, DepthMessage.BID));
            latestMicros = Math.max(latestMicros, krakenV1Levels(element, "b", out, DepthMessage.BID));
            out.snapshot |= element.get("as") != null;
            final JsonValue checksum = element.get("c");
            if (checksum != null)
            {
                out.checksum = Long.parseLong(checksum.asString());
                out.hasChecksum = true;
            }
            element = elements.next();
        }
        out.symbol(elements.next().asString());
        if (latestMicros >= 0)
        {
            out.eventTimeMs = latestMicros / 1000;
        }
    }

    private static long krakenV1Levels(final JsonValue dict, final String key, final JacksonDepth out, final byte side)
    {
        final JsonValue levels = dict.get(key);
        long latestMicros = -1;
        if (levels == null)
        {
            return latestMicros;
        }
        for (final Iterator<JsonValue> it = levels.arrayIterator(); it.hasNext(); )
        {
            final Iterator<JsonValue> level = it.next().arrayIterator();
            out.priceValue(Double.parseDouble(level.next().asString()));
            out.quantityValue(Double.parseDouble(level.next().asString()));
            latestMicros = Math.max(latestMicros, Math.round(Double.parseDouble(level.next().asString()) * 1e6));
            out.addLevel(side);
        }
        return latestMicros;
    }

    private static void krakenV2(final JsonValue root, final JacksonDepth out)
    {
        out.snapshot = "snapshot".equals(root.get("type").asString());
        for (final Iterator<JsonValue> books = root.get("data").arrayIterator(); books.hasNext(); )
        {
            final JsonValue book = books.next();
            out.symbol(book.get("symbol").asString());
            objectLevels(book.get("bids"), out, DepthMessage.BID, "price", "qty");
            objectLevels(book.get("asks"), out, DepthMessage.ASK, "price", "qty");
            final JsonValue checksum = book.get("checksum");
            if (checksum != null)
            {
                out.checksum = checksum.asLong();
                out.hasChecksum = true;
            }
            final JsonValue timestamp = book.get("timestamp");
            if (timestamp != null)
            {
                out.eventTimeMs = Instant.parse(timestamp.asString()).toEpochMilli();
            }
        }
    }

    private static void coinbase(final JsonValue root, final JacksonDepth out)
    {
        out.eventTimeMs = Instant.parse(root.get("timestamp").asString()).toEpochMilli();
        out.sequence = root.get("sequence_num").asLong();
        final JsonValue event = root.get("events").arrayIterator().next();
        out.snapshot = "snapshot".equals(event.get("type").asString());
        out.symbol(event.get("product_id").asString());
        for (final Iterator<JsonValue> updates = event.get("updates").arrayIterator(); updates.hasNext(); )
        {
            final JsonValue update = updates.next();
            out.priceValue(number(update.get("price_level")));
            out.quantityValue(number(update.get("new_quantity")));
            out.addLevel("bid".equals(update.get("side").asString()) ? DepthMessage.BID : DepthMessage.ASK);
        }
    }

    private static void hyperliquid(final JsonValue root, final JacksonDepth out)
    {
        out.snapshot = true;
        final JsonValue data = root.get("data");
        out.symbol(data.get("coin").asString());
        out.eventTimeMs = data.get("time").asLong();
        final Iterator<JsonValue> sides = data.get("levels").arrayIterator();
        objectLevels(sides.next(), out, DepthMessage.BID, "px", "sz");
        objectLevels(sides.next(), out, DepthMessage.ASK, "px", "sz");
    }

    private static void arrayLevels(final JsonValue levels, final JacksonDepth out, final byte side)
    {
        for (final Iterator<JsonValue> it = levels.arrayIterator(); it.hasNext(); )
        {
            final Iterator<JsonValue> level = it.next().arrayIterator();
            out.priceValue(number(level.next()));
            out.quantityValue(number(level.next()));
            out.addLevel(side);
        }
    }

    private static void objectLevels(
        final JsonValue levels, final JacksonDepth out, final byte side, final String priceKey, final String quantityKey)
    {
        for (final Iterator<JsonValue> it = levels.arrayIterator(); it.hasNext(); )
        {
            final JsonValue level = it.next();
            out.priceValue(number(level.get(priceKey)));
            out.quantityValue(number(level.get(quantityKey)));
            out.addLevel(side);
        }
    }

    private static long longOf(final JsonValue value)
    {
        return value.isString() ? Long.parseLong(value.asString()) : value.asLong();
    }

    /** A decimal sent as a string or as a bare JSON number. */
    private static double number(final JsonValue value)
    {
        if (value.isString())
        {
            return Double.parseDouble(value.asString());
        }
        return value.isLong() ? value.asLong() : value.asDouble();
    }
}
