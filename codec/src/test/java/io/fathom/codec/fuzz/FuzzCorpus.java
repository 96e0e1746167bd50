package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.RealData.Frame;
import io.fathom.codec.coinbase.CoinbaseLevel2Encoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookEncoder;
import io.fathom.codec.kraken.KrakenBookEncoder;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import io.fathom.codec.okx.OkxBooksDecoder;
import io.fathom.codec.recording.RecordType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The frames the fuzz tests mutate, per target: the real recordings in {@code data/realdata} where the
 * venue has one; for Kraken v2, Coinbase and Hyperliquid, which have none, the real Kraken v1 and OKX books
 * re-encoded in the venue's wire format. Each target's template and ignored messages are included too.
 * Built once per test JVM.
 */
final class FuzzCorpus
{
    static final String BINANCE_SPOT_STREAM = "binance_spot_depth100ms_4sym.ws.txt";
    static final String BINANCE_USDM_STREAM = "binance_usdm_depth100ms_4sym.ws.txt";
    static final String BINANCE_SPOT_SNAPSHOTS = "binance_spot_depth_snapshots.http.txt";
    static final String BINANCE_USDM_SNAPSHOTS = "binance_usdm_depth_snapshots.http.txt";
    static final String KRAKEN_V1 = "kraken_v1_book1000_10pairs.ws.txt";
    static final String OKX = "okx_v5_books_3inst.ws.txt";
    static final String BITGET = "bitget_spot_v1_books_8inst.ws.txt";

    /** Room for the largest recorded message: a Kraken book-1000 snapshot holds 2,000 levels. */
    static final int LEVEL_CAPACITY = 4096;

    private static final Map<FuzzTarget, List<byte[]>> FRAMES = new EnumMap<>(FuzzTarget.class);

    private FuzzCorpus()
    {
    }

    static synchronized List<byte[]> frames(final FuzzTarget target)
    {
        return FRAMES.computeIfAbsent(target, FuzzCorpus::load);
    }

    private static List<byte[]> load(final FuzzTarget target)
    {
        final List<byte[]> frames = new ArrayList<>();
        switch (target)
        {
            case BINANCE_STREAM:
                addRecorded(frames, BINANCE_SPOT_STREAM, RecordType.RECEIVED);
                addRecorded(frames, BINANCE_USDM_STREAM, RecordType.RECEIVED);
                break;
            case BINANCE_SNAPSHOT:
                addRecorded(frames, BINANCE_SPOT_SNAPSHOTS, RecordType.HTTP);
                addRecorded(frames, BINANCE_USDM_SNAPSHOTS, RecordType.HTTP);
                break;
            case KRAKEN_V1:
                addRecorded(frames, KRAKEN_V1, RecordType.RECEIVED);
                break;
            case OKX:
                addRecorded(frames, OKX, RecordType.RECEIVED);
                break;
            case BITGET:
                addRecorded(frames, BITGET, RecordType.RECEIVED);
                break;
            case KRAKEN:
            case COINBASE:
            case HYPERLIQUID:
                addReencoded(frames, target);
                break;
            default:
                throw new IllegalStateException(target.name());
        }
        frames.add(target.template().frame().getBytes(UTF_8));
        for (final String other : target.otherMessages())
        {
            frames.add(other.getBytes(UTF_8));
        }
        return List.copyOf(frames);
    }

    private static void addRecorded(final List<byte[]> frames, final String file, final RecordType type)
    {
        for (final Frame frame : RealData.frames(file, type))
        {
            frames.add(frame.payload());
        }
    }

    /** Real books, decoded from the Kraken v1 and OKX recordings, written in the target's format. */
    private static void addReencoded(final List<byte[]> frames, final FuzzTarget target)
    {
        final DepthMessage message = new DepthMessage(LEVEL_CAPACITY);
        final DepthMessage copy = new DepthMessage(LEVEL_CAPACITY);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(256 * 1024);
        final KrakenV1BookDecoder kraken = new KrakenV1BookDecoder(FuzzTarget.SCALE, FuzzTarget.SCALE);
        final OkxBooksDecoder okx = new OkxBooksDecoder(FuzzTarget.SCALE, FuzzTarget.SCALE);
        long sequence = 0;
        for (final String file : List.of(KRAKEN_V1, OKX))
        {
            for (final Frame frame : RealData.frames(file, RecordType.RECEIVED))
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(frame.payload());
                final DecodeResult result = KRAKEN_V1.equals(file) ?
                    kraken.decode(buffer, 0, frame.payload().length, message) :
                    okx.decode(buffer, 0, frame.payload().length, message);
                if (DecodeResult.DEPTH != result)
                {
                    continue;
                }
                copyForTarget(message, copy, target, sequence++);
                final int length = encode(target, out, copy);
                frames.add(Arrays.copyOf(out.byteArray(), length));
            }
        }
    }

    /** The message with what the target's format can carry: Kraken's unsigned checksum, Coinbase's sequence. */
    private static void copyForTarget(
        final DepthMessage from, final DepthMessage to, final FuzzTarget target, final long sequence)
    {
        to.reset();
        to.kind(from.kind()).eventTimeMs(Math.max(1, from.eventTimeMs())).scales(from.priceScale(), from.quantityScale())
            .sequence(sequence);
        if (FuzzTarget.KRAKEN == target && from.hasChecksum() && from.checksum() >= 0)
        {
            to.checksum(from.checksum());
        }
        to.symbol(from.symbolBytes(), 0, from.symbolLength());
        for (int i = 0; i < from.levelCount(); i++)
        {
            to.addLevel(from.side(i), from.price(i), from.quantity(i), from.priceDecimals(i), from.quantityDecimals(i));
        }
    }

    private static int encode(final FuzzTarget target, final ExpandableArrayBuffer out, final DepthMessage message)
    {
        switch (target)
        {
            case KRAKEN:
                return new KrakenBookEncoder().encode(out, 0, message);
            case COINBASE:
                return new CoinbaseLevel2Encoder().encode(out, 0, message);
            case HYPERLIQUID:
                return new HyperliquidL2BookEncoder().encode(out, 0, message);
            default:
                throw new IllegalStateException(target.name());
        }
    }
}
