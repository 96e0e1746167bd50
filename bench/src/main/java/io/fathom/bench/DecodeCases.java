package io.fathom.bench;

import io.fathom.bench.jackson.JacksonDepthParser;
import io.fathom.bench.jackson.JacksonVenueParsers;
import io.fathom.bench.simdjson.SimdjsonCompetitor;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.binance.BinanceDepthEncoder;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.coinbase.CoinbaseLevel2Decoder;
import io.fathom.codec.coinbase.CoinbaseLevel2Encoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookDecoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookEncoder;
import io.fathom.codec.kraken.KrakenBookDecoder;
import io.fathom.codec.kraken.KrakenBookEncoder;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import io.fathom.codec.kraken.KrakenV1BookEncoder;
import io.fathom.codec.okx.OkxBooksDecoder;
import io.fathom.codec.okx.OkxBooksEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cases of {@link DecodeBenchmark}: for each, the frames, Fathom's decoder and the Jackson reader of the
 * same venue.
 *
 * <p>A case named for a venue alone ({@code okx}) is every delta frame of that venue's real recording in
 * {@code data/realdata}; a case ending in {@code -10} is 256 frames written by the codec's encoder for
 * that venue, each one book change of 10 levels (5 bids, 5 asks, BTC-like prices within 20 ticks of the
 * touch, 2 price and 8 quantity decimals; Binance's encoder writes 8 and 8, as Binance does), the same
 * changes on every venue.
 *
 * <p>A case may end in {@code @P/Q} to decode at price scale P and quantity scale Q instead of {@link #SCALE}, as
 * the engine does with an instrument's own precision from its venue's metadata: {@code binance-spot-10@2/8} reads
 * Binance's eight written decimals at a tick of 0.01 (the frames of a real recording that the scales cannot hold
 * are left out). Fathom's decoder only: the Jackson and simdjson readers stay at {@link #SCALE}.
 */
final class DecodeCases
{
    /** Decimals of the mantissas every decoder produces in the benchmark. */
    static final int SCALE = 8;

    private static final int SYNTHETIC_FRAMES = 256;
    private static final int SYNTHETIC_LEVELS_PER_SIDE = 5;
    private static final long MID = 4_325_000_000_000L;
    private static final long TICK = 1_000_000L;
    private static final String SYNTHETIC_SUFFIX = "-10";

    /** How Fathom reads one frame. */
    @FunctionalInterface
    interface FathomDecoder
    {
        DecodeResult decode(DirectBuffer buffer, int offset, int length, DepthMessage out);
    }

    private DecodeCases()
    {
    }

    static FathomDecoder fathom(final String decodeCase)
    {
        final int priceScale = scale(decodeCase, 0);
        final int quantityScale = scale(decodeCase, 1);
        switch (venue(decodeCase))
        {
            case "binance-spot":
            case "binance-usdm":
                return new BinanceDepthDecoder(priceScale, quantityScale)::decodeStreamFrame;
            case "kraken-v1":
                return new KrakenV1BookDecoder(priceScale, quantityScale)::decode;
            case "kraken-v2":
                return new KrakenBookDecoder(priceScale, quantityScale)::decode;
            case "okx":
                return new OkxBooksDecoder(priceScale, quantityScale)::decode;
            case "bitget":
                return new BitgetBooksDecoder(priceScale, quantityScale)::decode;
            case "coinbase":
                return new CoinbaseLevel2Decoder(priceScale, quantityScale)::decode;
            case "hyperliquid":
                return new HyperliquidL2BookDecoder(priceScale, quantityScale)::decode;
            default:
                throw new IllegalArgumentException("unknown decode case " + decodeCase);
        }
    }

    static JacksonDepthParser jackson(final String decodeCase)
    {
        switch (venue(decodeCase))
        {
            case "binance-spot":
            case "binance-usdm":
                return JacksonVenueParsers::binance;
            case "kraken-v1":
                return JacksonVenueParsers::krakenV1;
            case "kraken-v2":
                return JacksonVenueParsers::krakenV2;
            case "okx":
            case "bitget":
                return JacksonVenueParsers::okx;
            case "coinbase":
                return JacksonVenueParsers::coinbase;
            case "hyperliquid":
                return JacksonVenueParsers::hyperliquid;
            default:
                throw new IllegalArgumentException("unknown decode case " + decodeCase);
        }
    }

    /** simdjson-java's reader of the case's venue; throws, saying why, where simdjson-java cannot run. */
    static SimdjsonCompetitor.Parser simdjson(final String decodeCase)
    {
        return SimdjsonCompetitor.forVenue(venue(decodeCase));
    }

    /** The frames of a case; every one decodes as depth (a real recording's delta frames only). */
    static List<byte[]> frames(final String decodeCase)
    {
        if (frameSet(decodeCase).endsWith(SYNTHETIC_SUFFIX))
        {
            return encoded(venue(decodeCase));
        }
        final String file;
        switch (frameSet(decodeCase))
        {
            case "binance-spot":
                file = "binance_spot_depth100ms_4sym.ws.txt";
                break;
            case "binance-usdm":
                file = "binance_usdm_depth100ms_4sym.ws.txt";
                break;
            case "kraken-v1":
                file = "kraken_v1_book1000_10pairs.ws.txt";
                break;
            case "okx":
                file = "okx_v5_books_3inst.ws.txt";
                break;
            case "bitget":
                file = "bitget_spot_v1_books_8inst.ws.txt";
                break;
            default:
                throw new IllegalArgumentException("no recording for decode case " + decodeCase);
        }
        final FathomDecoder decoder = fathom(decodeCase);
        final DepthMessage message = new DepthMessage(10_000);
        final List<byte[]> deltas = new ArrayList<>();
        for (final byte[] frame : RealFrames.loadAll(file))
        {
            if (decoder.decode(new UnsafeBuffer(frame), 0, frame.length, message) == DecodeResult.DEPTH &&
                message.kind() == DepthMessage.KIND_DELTA)
            {
                deltas.add(frame);
            }
        }
        if (deltas.isEmpty())
        {
            throw new IllegalStateException("no delta frames in " + file);
        }
        return deltas;
    }

    private static String venue(final String decodeCase)
    {
        final String frames = frameSet(decodeCase);
        return frames.endsWith(SYNTHETIC_SUFFIX) ? frames.substring(0, frames.length() - SYNTHETIC_SUFFIX.length()) : frames;
    }

    /** A case's name without its {@code @P/Q} scales: the frames it decodes. */
    private static String frameSet(final String decodeCase)
    {
        final int at = decodeCase.indexOf('@');
        return at < 0 ? decodeCase : decodeCase.substring(0, at);
    }

    /** The price (0) or quantity (1) scale a case decodes at: {@link #SCALE}, or as its {@code @P/Q} suffix says. */
    private static int scale(final String decodeCase, final int which)
    {
        final int at = decodeCase.indexOf('@');
        return at < 0 ? SCALE : Integer.parseInt(decodeCase.substring(at + 1).split("/")[which]);
    }

    private static List<byte[]> encoded(final String venue)
    {
        final SplittableRandom random = new SplittableRandom(7);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 16]);
        final UnsafeBuffer streamName = new UnsafeBuffer("btcusdt@depth@100ms".getBytes(StandardCharsets.US_ASCII));
        final List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < SYNTHETIC_FRAMES; i++)
        {
            final DepthMessage message = tenLevels(random, i, symbol(venue), "okx".equals(venue));
            final int length;
            switch (venue)
            {
                case "binance-spot":
                    length = new BinanceDepthEncoder(SCALE, SCALE).encodeCombinedDepthUpdate(
                        buffer, 0, streamName, 0, streamName.capacity(), message);
                    break;
                case "kraken-v1":
                    length = new KrakenV1BookEncoder().encode(buffer, 0, 1360, 1000, message);
                    break;
                case "kraken-v2":
                    length = new KrakenBookEncoder().encode(buffer, 0, message);
                    break;
                case "okx":
                    length = new OkxBooksEncoder().encode(buffer, 0, message);
                    break;
                case "bitget":
                    length = new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE).encode(buffer, 0, message);
                    break;
                case "coinbase":
                    length = new CoinbaseLevel2Encoder().encode(buffer, 0, message);
                    break;
                case "hyperliquid":
                    length = new HyperliquidL2BookEncoder().encode(buffer, 0, message);
                    break;
                default:
                    throw new IllegalArgumentException("no encoder for " + venue);
            }
            final byte[] frame = new byte[length];
            buffer.getBytes(0, frame);
            frames.add(frame);
        }
        return frames;
    }

    private static String symbol(final String venue)
    {
        switch (venue)
        {
            case "kraken-v1":
            case "kraken-v2":
                return "XBT/USD";
            case "okx":
                return "BTC-USDT";
            case "coinbase":
                return "BTC-USD";
            case "hyperliquid":
                return "BTC";
            default:
                return "BTCUSDT";
        }
    }

    /** One 10-level book change: 5 bids then 5 asks, near the touch, with sequence fields and a checksum. */
    private static DepthMessage tenLevels(
        final SplittableRandom random, final int index, final String symbol, final boolean sequencedById)
    {
        final DepthMessage message = new DepthMessage(2 * SYNTHETIC_LEVELS_PER_SIDE);
        message.kind(DepthMessage.KIND_DELTA).scales(SCALE, SCALE);
        final byte[] symbolBytes = symbol.getBytes(StandardCharsets.US_ASCII);
        message.symbol(symbolBytes, 0, symbolBytes.length);
        final long updateId = 40_000_000_000L + 10L * index;
        message.eventTimeMs(1_700_000_000_000L + 100L * index)
            .firstUpdateId(sequencedById ? updateId + 9 : updateId)
            .lastUpdateId(updateId + 9)
            .previousUpdateId(sequencedById ? updateId - 1 : DepthMessage.NO_ID)
            .sequence(index)
            .checksum(1 + random.nextLong(Integer.MAX_VALUE));
        for (int side = 0; side < 2; side++)
        {
            final long[] ticks = random.ints(1, 21).distinct().limit(SYNTHETIC_LEVELS_PER_SIDE).asLongStream().toArray();
            Arrays.sort(ticks);
            for (final long tick : ticks)
            {
                final long price = side == DepthMessage.BID ? MID - tick * TICK : MID + tick * TICK;
                final long quantity = random.nextInt(20) == 0 ? 0 : 1 + random.nextLong(500_000_000L);
                message.addLevel((byte)side, price, quantity, 2, SCALE);
            }
        }
        return message;
    }
}
