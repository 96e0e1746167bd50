package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.coinbase.CoinbaseLevel2Decoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookDecoder;
import io.fathom.codec.kraken.KrakenBookDecoder;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import io.fathom.codec.okx.OkxBooksDecoder;
import org.agrona.DirectBuffer;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * Every decoder entry point the engine feeds untrusted bytes to, each with a small well-formed depth
 * frame to inject hostile values into and frames of other message types it must ignore.
 *
 * <p>Each template's first level in text order has the price {@link Template#price()} and the quantity
 * {@link Template#quantity()}; those texts occur nowhere else in the frame, so a test can replace them.
 */
enum FuzzTarget
{
    BINANCE_STREAM(
        new Template(
            "{\"e\":\"depthUpdate\",\"E\":1700000000000,\"s\":\"BTCUSDT\",\"U\":157,\"u\":160," +
            "\"b\":[[\"101.5\",\"2.25\"],[\"101.25\",\"0.5\"]],\"a\":[[\"101.75\",\"3.125\"],[\"102\",\"1\"]]}",
            "BTCUSDT", "101.5", "2.25", 4, false),
        List.of(
            "{\"e\":\"trade\",\"E\":1700000000000,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\"}",
            "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\"," +
                "\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}",
            "{\"result\":null,\"id\":1}")),

    BINANCE_SNAPSHOT(
        new Template(
            "{\"lastUpdateId\":160,\"bids\":[[\"101.5\",\"2.25\"],[\"101.25\",\"0.5\"]]," +
            "\"asks\":[[\"101.75\",\"3.125\"],[\"102\",\"1\"]]}",
            null, "101.5", "2.25", 4, false),
        List.of()),

    KRAKEN(
        new Template(
            "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"," +
            "\"bids\":[{\"price\":101.5,\"qty\":2.25},{\"price\":101.25,\"qty\":0.5}]," +
            "\"asks\":[{\"price\":101.75,\"qty\":3.125},{\"price\":102,\"qty\":1}],\"checksum\":974947235," +
            "\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}",
            "BTC/USD", "101.5", "2.25", 4, true),
        List.of(
            "{\"channel\":\"heartbeat\"}",
            "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bid\":101.5}]}",
            "{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"symbol\":\"BTC/USD\"},\"success\":true}")),

    KRAKEN_V1(
        new Template(
            "[42,{\"a\":[[\"101.75\",\"3.125\",\"1700000000.123456\"],[\"102\",\"1\",\"1700000000.123457\"]]}," +
            "{\"b\":[[\"101.5\",\"2.25\",\"1700000000.123458\"],[\"101.25\",\"0.5\",\"1700000000.123459\"]]," +
            "\"c\":\"974947235\"},\"book-10\",\"XBT/USD\"]",
            "XBT/USD", "101.75", "3.125", 4, false),
        List.of(
            "{\"event\":\"heartbeat\"}",
            "[42,[[\"101.5\",\"2.25\",\"1700000000.123456\",\"b\",\"l\",\"\"]],\"trade\",\"XBT/USD\"]",
            "{\"event\":\"systemStatus\",\"connectionID\":1,\"status\":\"online\",\"version\":\"1.9.0\"}")),

    OKX(
        new Template(
            "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{" +
            "\"asks\":[[\"101.75\",\"3.125\",\"0\",\"1\"],[\"102\",\"1\",\"0\",\"1\"]]," +
            "\"bids\":[[\"101.5\",\"2.25\",\"0\",\"1\"],[\"101.25\",\"0.5\",\"0\",\"1\"]]," +
            "\"ts\":\"1700000000000\",\"checksum\":-855196043,\"prevSeqId\":122,\"seqId\":123}]}",
            "BTC-USDT", "101.75", "3.125", 4, false),
        List.of(
            "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"connId\":\"a4d3ae55\"}",
            "pong",
            "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"101.5\",\"sz\":\"2\"}]}")),

    BITGET(
        new Template(
            "{\"action\":\"update\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}," +
            "\"data\":[{\"asks\":[[\"101.75\",\"3.125\"],[\"102\",\"1\"]],\"bids\":[[\"101.5\",\"2.25\"],[\"101.25\",\"0.5\"]]," +
            "\"checksum\":-855196043,\"ts\":\"1700000000000\"}]}",
            "BTCUSDT", "101.75", "3.125", 4, false),
        List.of(
            "{\"event\":\"subscribe\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}}",
            "pong",
            "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"sp\",\"channel\":\"ticker\",\"instId\":\"BTCUSDT\"}," +
                "\"data\":[{\"last\":\"101.5\"}]}")),

    COINBASE(
        new Template(
            "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"," +
            "\"sequence_num\":7,\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":[" +
            "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50.01Z\",\"price_level\":\"101.5\",\"new_quantity\":\"2.25\"}," +
            "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50.01Z\",\"price_level\":\"101.25\",\"new_quantity\":\"0.5\"}," +
            "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50.01Z\",\"price_level\":\"101.75\",\"new_quantity\":\"3.125\"}," +
            "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50.01Z\",\"price_level\":\"102\",\"new_quantity\":\"1\"}]}]}",
            "BTC-USD", "101.5", "2.25", 4, false),
        List.of(
            "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"2023-06-23T20:31:26.122969572Z\"," +
                "\"sequence_num\":8,\"events\":[{\"current_time\":\"2023-06-23 20:31:56.121961769 +0000 UTC\"," +
                "\"heartbeat_counter\":\"3049\"}]}",
            "{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"," +
                "\"sequence_num\":1,\"events\":[{\"subscriptions\":{\"level2\":[\"BTC-USD\"]}}]}",
            "{\"channel\":\"ticker\",\"sequence_num\":9,\"events\":[]}")),

    HYPERLIQUID(
        new Template(
            "{\"channel\":\"l2Book\",\"data\":{\"coin\":\"BTC\",\"time\":1700000000123,\"levels\":[" +
            "[{\"px\":\"101.5\",\"sz\":\"2.25\",\"n\":3},{\"px\":\"101.25\",\"sz\":\"0.5\",\"n\":1}]," +
            "[{\"px\":\"101.75\",\"sz\":\"3.125\",\"n\":1},{\"px\":\"102\",\"sz\":\"1\",\"n\":2}]]}}",
            "BTC", "101.5", "2.25", 4, false),
        List.of(
            "{\"channel\":\"pong\"}",
            "{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"subscribe\"," +
                "\"subscription\":{\"type\":\"l2Book\",\"coin\":\"BTC\"}}}",
            "{\"channel\":\"trades\",\"data\":[{\"coin\":\"BTC\",\"px\":\"101.5\"}]}"));

    /** The scale every target decodes at, as the engine does. */
    static final int SCALE = 8;

    /**
     * A well-formed depth frame.
     *
     * @param symbol      the symbol's text, or null when the frame carries none (a REST snapshot).
     * @param price       the first level's price text.
     * @param quantity    the first level's quantity text.
     * @param levels      how many levels it decodes to.
     * @param bareNumbers whether prices and quantities are JSON numbers rather than quoted decimals.
     */
    record Template(String frame, String symbol, String price, String quantity, int levels, boolean bareNumbers)
    {
        /** The price as it appears in the frame: quoted, unless the venue sends bare numbers. */
        String priceToken()
        {
            return bareNumbers ? price : '"' + price + '"';
        }

        /** The quantity as it appears in the frame. */
        String quantityToken()
        {
            return bareNumbers ? quantity : '"' + quantity + '"';
        }
    }

    /** One decoder instance behind the shape every entry point shares. */
    interface Decoding
    {
        DecodeResult decode(DirectBuffer buffer, int offset, int length, DepthMessage out);

        int errorOffset();

        /** Further depth messages in the last frame decoded (Coinbase events after the first). */
        default int moreEvents()
        {
            return 0;
        }

        /** Decodes further message {@code index} (1..moreEvents()) of the last frame. */
        default DecodeResult decodeEvent(final int index, final DepthMessage out)
        {
            throw new UnsupportedOperationException("one depth message per frame");
        }
    }

    private final Template template;
    private final List<String> otherMessages;

    FuzzTarget(final Template template, final List<String> otherMessages)
    {
        this.template = template;
        this.otherMessages = otherMessages;
    }

    Template template()
    {
        return template;
    }

    /** Well-formed frames of other message types, each {@link DecodeResult#IGNORED}. */
    List<String> otherMessages()
    {
        return otherMessages;
    }

    /** A new decoder at {@link #SCALE}, with no state from any earlier frame. */
    Decoding newDecoding()
    {
        return newDecoding(SCALE, SCALE);
    }

    /** A new decoder at an instrument's own scales, with no state from any earlier frame. */
    Decoding newDecoding(final int priceScale, final int quantityScale)
    {
        switch (this)
        {
            case BINANCE_STREAM:
            {
                final BinanceDepthDecoder decoder = new BinanceDepthDecoder(priceScale, quantityScale);
                return of(decoder::decodeStreamFrame, decoder::errorOffset);
            }
            case BINANCE_SNAPSHOT:
            {
                final BinanceDepthDecoder decoder = new BinanceDepthDecoder(priceScale, quantityScale);
                return of(decoder::decodeSnapshot, decoder::errorOffset);
            }
            case KRAKEN:
            {
                final KrakenBookDecoder decoder = new KrakenBookDecoder(priceScale, quantityScale);
                return of(decoder::decode, decoder::errorOffset);
            }
            case KRAKEN_V1:
            {
                final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(priceScale, quantityScale);
                return of(decoder::decode, decoder::errorOffset);
            }
            case OKX:
            {
                final OkxBooksDecoder decoder = new OkxBooksDecoder(priceScale, quantityScale);
                return of(decoder::decode, decoder::errorOffset);
            }
            case BITGET:
            {
                final BitgetBooksDecoder decoder = new BitgetBooksDecoder(priceScale, quantityScale);
                return of(decoder::decode, decoder::errorOffset);
            }
            case COINBASE:
                return coinbase(new CoinbaseLevel2Decoder(priceScale, quantityScale));
            case HYPERLIQUID:
            {
                final HyperliquidL2BookDecoder decoder = new HyperliquidL2BookDecoder(priceScale, quantityScale);
                return of(decoder::decode, decoder::errorOffset);
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    private interface DecodeMethod
    {
        DecodeResult decode(DirectBuffer buffer, int offset, int length, DepthMessage out);
    }

    private static Decoding of(final DecodeMethod method, final IntSupplier errorOffset)
    {
        return new Decoding()
        {
            @Override
            public DecodeResult decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
            {
                return method.decode(buffer, offset, length, out);
            }

            @Override
            public int errorOffset()
            {
                return errorOffset.getAsInt();
            }
        };
    }

    private static Decoding coinbase(final CoinbaseLevel2Decoder decoder)
    {
        return new Decoding()
        {
            @Override
            public DecodeResult decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
            {
                return decoder.decode(buffer, offset, length, out);
            }

            @Override
            public int errorOffset()
            {
                return decoder.errorOffset();
            }

            @Override
            public int moreEvents()
            {
                return Math.max(0, decoder.eventCount() - 1);
            }

            @Override
            public DecodeResult decodeEvent(final int index, final DepthMessage out)
            {
                return decoder.decodeEvent(index, out);
            }
        };
    }
}
