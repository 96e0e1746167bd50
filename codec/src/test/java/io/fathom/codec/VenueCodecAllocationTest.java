package io.fathom.codec;

import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.checksum.ReferenceBook;
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
import io.fathom.codec.recording.RecordType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero allocation in steady state on every venue's decode, encode and checksum path, asserted with the
 * thread's allocation counter, as {@code BinanceCodecAllocationTest} does (and for the same reasons, passing
 * at the first window of several rounds that allocates nothing).
 */
class VenueCodecAllocationTest
{
    private static final int WARM_UP_ROUNDS = 20;
    private static final int ROUNDS_PER_WINDOW = 3;
    private static final int MAX_WINDOWS = 10;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final KrakenV1BookDecoder krakenV1 = new KrakenV1BookDecoder(8, 8);
    private final KrakenV1BookEncoder krakenV1Encoder = new KrakenV1BookEncoder();
    private final KrakenBookDecoder kraken = new KrakenBookDecoder(8, 8);
    private final KrakenBookEncoder krakenEncoder = new KrakenBookEncoder();
    private final OkxBooksDecoder okx = new OkxBooksDecoder(8, 8);
    private final OkxBooksEncoder okxEncoder = new OkxBooksEncoder();
    private final BitgetBooksDecoder bitget = new BitgetBooksDecoder(8, 8);
    private final BitgetBooksEncoder bitgetEncoder = new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE);
    private final CoinbaseLevel2Decoder coinbase = new CoinbaseLevel2Decoder(8, 8);
    private final CoinbaseLevel2Encoder coinbaseEncoder = new CoinbaseLevel2Encoder();
    private final HyperliquidL2BookDecoder hyperliquid = new HyperliquidL2BookDecoder(8, 8);
    private final HyperliquidL2BookEncoder hyperliquidEncoder = new HyperliquidL2BookEncoder();
    private final DepthMessage message = new DepthMessage(4096);
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[1 << 20]);
    private long sink;

    @Test
    void decodesEncodesAndChecksumsWithoutAllocating()
    {
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        final UnsafeBuffer[] krakenFrames = load("kraken_v1_book1000_10pairs.ws.txt", 600);
        final UnsafeBuffer[] okxFrames = load("okx_v5_books_3inst.ws.txt", 400);
        final UnsafeBuffer[] bitgetFrames = load("bitget_spot_v1_books_8inst.ws.txt", 400);
        final UnsafeBuffer[] others = encodedOthers(krakenFrames);
        final UnsafeBuffer[] broken = brokenFrames(krakenFrames, okxFrames, others);
        final ChecksumBook[] books = books(okxFrames);

        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            run(krakenFrames, okxFrames, bitgetFrames, others, broken, books);
        }
        final long[] windows = new long[MAX_WINDOWS];
        int measured = 0;
        while (measured < MAX_WINDOWS && (0 == measured || 0 != windows[measured - 1]))
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
            {
                run(krakenFrames, okxFrames, bitgetFrames, others, broken, books);
            }
            windows[measured++] = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(windows[measured - 1])
            .as("bytes allocated per window: %s", Arrays.toString(Arrays.copyOf(windows, measured))).isZero();
        assertThat(sink).isNotZero();
    }

    private void run(
        final UnsafeBuffer[] krakenFrames,
        final UnsafeBuffer[] okxFrames,
        final UnsafeBuffer[] bitgetFrames,
        final UnsafeBuffer[] others,
        final UnsafeBuffer[] broken,
        final ChecksumBook[] books)
    {
        long total = 0;
        for (final UnsafeBuffer frame : krakenFrames)
        {
            if (krakenV1.decode(frame, 0, frame.capacity(), message) == DecodeResult.DEPTH)
            {
                total += krakenV1Encoder.encode(output, 0, krakenV1.channelId(), krakenV1.bookDepth(), message);
                total += krakenEncoder.encode(output, 0, message);
            }
        }
        for (final UnsafeBuffer frame : okxFrames)
        {
            if (okx.decode(frame, 0, frame.capacity(), message) == DecodeResult.DEPTH)
            {
                total += okxEncoder.encode(output, 0, message) + message.checksum();
            }
        }
        for (final UnsafeBuffer frame : bitgetFrames)
        {
            if (bitget.decode(frame, 0, frame.capacity(), message) == DecodeResult.DEPTH)
            {
                total += bitgetEncoder.encode(output, 0, message);
                total += coinbaseEncoder.encode(output, 0, message);
                total += hyperliquidEncoder.encode(output, 0, message);
            }
        }
        for (final UnsafeBuffer frame : others)
        {
            total += kraken.decode(frame, 0, frame.capacity(), message).ordinal() + message.levelCount();
            total += coinbase.decode(frame, 0, frame.capacity(), message).ordinal() + coinbase.sequenceNumber();
            total += hyperliquid.decode(frame, 0, frame.capacity(), message).ordinal() + message.levelCount();
        }
        for (final UnsafeBuffer frame : broken)
        {
            total += krakenV1.decode(frame, 0, frame.capacity(), message).ordinal() + krakenV1.errorOffset();
            total += okx.decode(frame, 0, frame.capacity(), message).ordinal() + okx.errorOffset();
            total += kraken.decode(frame, 0, frame.capacity(), message).ordinal();
            total += coinbase.decode(frame, 0, frame.capacity(), message).ordinal();
            total += hyperliquid.decode(frame, 0, frame.capacity(), message).ordinal();
        }
        for (final ChecksumBook book : books)
        {
            total += KrakenChecksum.compute(book) + OkxChecksum.compute(book);
        }
        sink += total;
    }

    private UnsafeBuffer[] encodedOthers(final UnsafeBuffer[] krakenFrames)
    {
        final List<UnsafeBuffer> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++)
        {
            final UnsafeBuffer frame = krakenFrames[i];
            if (krakenV1.decode(frame, 0, frame.capacity(), message) == DecodeResult.DEPTH)
            {
                message.sequence(i).eventTimeMs(1_700_000_000_000L + i);
                frames.add(copy(output, krakenEncoder.encode(output, 0, message)));
                frames.add(copy(output, coinbaseEncoder.encode(output, 0, message)));
                frames.add(copy(output, coinbaseEncoder.encodeHeartbeat(output, 0, i, 1_700_000_000_000L, i)));
                frames.add(copy(output, hyperliquidEncoder.encode(output, 0, message)));
            }
        }
        return frames.toArray(new UnsafeBuffer[0]);
    }

    private static UnsafeBuffer[] brokenFrames(final UnsafeBuffer[]... sources)
    {
        final List<UnsafeBuffer> broken = new ArrayList<>();
        for (final UnsafeBuffer[] source : sources)
        {
            for (int f = 0; f < 4; f++)
            {
                final byte[] bytes = new byte[Math.min(source[f].capacity(), 3_000)];
                source[f].getBytes(0, bytes);
                for (int length = 0; length < bytes.length; length += 37)
                {
                    broken.add(new UnsafeBuffer(Arrays.copyOf(bytes, length)));
                }
                final String corrupted = new String(bytes, UTF_8).replaceFirst("\\.", ".x");
                broken.add(new UnsafeBuffer(corrupted.getBytes(UTF_8)));
            }
        }
        return broken.toArray(new UnsafeBuffer[0]);
    }

    private ChecksumBook[] books(final UnsafeBuffer[] okxFrames)
    {
        final List<ChecksumBook> books = new ArrayList<>();
        final ReferenceBook reference = new ReferenceBook();
        for (final UnsafeBuffer frame : okxFrames)
        {
            if (okx.decode(frame, 0, frame.capacity(), message) == DecodeResult.DEPTH &&
                message.symbolAsString().equals("BTC-USDT"))
            {
                reference.apply(message);
                books.add(ArrayBook.copyOf(reference));
            }
        }
        return books.toArray(new ChecksumBook[0]);
    }

    private static UnsafeBuffer copy(final UnsafeBuffer source, final int length)
    {
        final byte[] bytes = new byte[length];
        source.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }

    private static UnsafeBuffer[] load(final String file, final int limit)
    {
        return RealData.frames(file, RecordType.RECEIVED).stream().limit(limit)
            .map(frame -> new UnsafeBuffer(frame.payload())).toArray(UnsafeBuffer[]::new);
    }

    /** A book in plain arrays, as the engine's will be, so reading it allocates nothing. */
    private record ArrayBook(int priceScale, int quantityScale, long[][] prices, long[][] quantities,
        int[][] priceDecimals, int[][] quantityDecimals) implements ChecksumBook
    {
        static ArrayBook copyOf(final ReferenceBook book)
        {
            final long[][] prices = new long[2][];
            final long[][] quantities = new long[2][];
            final int[][] priceDecimals = new int[2][];
            final int[][] quantityDecimals = new int[2][];
            for (byte side = 0; side < 2; side++)
            {
                final List<ReferenceBook.Level> levels = book.levels(side);
                prices[side] = levels.stream().mapToLong(ReferenceBook.Level::price).toArray();
                quantities[side] = levels.stream().mapToLong(ReferenceBook.Level::quantity).toArray();
                priceDecimals[side] = levels.stream().mapToInt(ReferenceBook.Level::priceDecimals).toArray();
                quantityDecimals[side] = levels.stream().mapToInt(ReferenceBook.Level::quantityDecimals).toArray();
            }
            return new ArrayBook(book.priceScale(), book.quantityScale(), prices, quantities, priceDecimals,
                quantityDecimals);
        }

        public int levelCount(final byte side)
        {
            return prices[side].length;
        }

        public long price(final byte side, final int level)
        {
            return prices[side][level];
        }

        public long quantity(final byte side, final int level)
        {
            return quantities[side][level];
        }

        public int priceDecimals(final byte side, final int level)
        {
            return priceDecimals[side][level];
        }

        public int quantityDecimals(final byte side, final int level)
        {
            return quantityDecimals[side][level];
        }
    }
}
