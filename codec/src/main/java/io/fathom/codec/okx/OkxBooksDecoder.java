package io.fathom.codec.okx;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonDepthDecoder;
import io.fathom.codec.json.JsonFieldIndex;
import io.fathom.codec.json.JsonScanner;
import io.fathom.codec.json.JsonLevels;
import io.fathom.codec.json.JsonSymbol;
import org.agrona.DirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Decodes OKX v5 order book pushes (and Bitget v1's, which share the shape) into a {@link DepthMessage}
 * without allocating.
 *
 * <pre>
 *   {"arg":{"channel":"books","instId":"BTC-USDT"},"action":"snapshot"|"update",
 *    "data":[{"asks":[["px","sz","0","orders"],...],"bids":[...],"ts":"ms","checksum":int,
 *             "prevSeqId":long,"seqId":long}]}
 * </pre>
 *
 * Channels named {@code books...} are depth; {@code books5} and {@code bbo-tbt}, which carry no
 * {@code action}, are full snapshots. {@code seqId} becomes the first and last update id and
 * {@code prevSeqId} the previous one ({@link DepthMessage#NO_ID} when absent or -1, as on a snapshot).
 * A {@code checksum} of 0 is "none" (OKX sends only 0 from June 2026), so {@link DepthMessage#hasChecksum()}
 * is set only for a non-zero value. {@code data} must hold exactly one book. Levels keep their received
 * decimals, in key order (OKX sends asks first). Events, {@code "pong"} and other channels are
 * {@link DecodeResult#IGNORED}. Frames in the venues' usual shape are read in one pass by {@link OkxBooksFastPath},
 * the rest by the general path here. Format: https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel.
 * Not thread-safe: one instance per feed thread.
 */
public final class OkxBooksDecoder extends JsonDepthDecoder
{
    private static final int ARG = 0;
    private static final int ACTION = 1;
    private static final int DATA = 2;
    private static final int CHANNEL = 0;
    private static final int INST_ID = 1;
    private static final int ASKS = 0;
    private static final int BIDS = 1;
    private static final int TS = 2;
    private static final int CHECKSUM = 3;
    private static final int SEQ_ID = 4;
    private static final int PREV_SEQ_ID = 5;

    private static final byte[] PONG = "pong".getBytes(US_ASCII);
    private static final byte[] BOOKS_PREFIX = "books".getBytes(US_ASCII);
    private static final byte[] BOOKS5 = "books5".getBytes(US_ASCII);
    private static final byte[] BBO_TBT = "bbo-tbt".getBytes(US_ASCII);
    private static final byte[] SNAPSHOT = "snapshot".getBytes(US_ASCII);
    private static final byte[] UPDATE = "update".getBytes(US_ASCII);

    private final JsonFieldIndex top = new JsonFieldIndex("arg", "action", "data");
    private final JsonFieldIndex arg = new JsonFieldIndex("channel", "instId");
    private final JsonFieldIndex book = new JsonFieldIndex("asks", "bids", "ts", "checksum", "seqId", "prevSeqId");
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final OkxBooksFastPath fastPath;

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public OkxBooksDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each instrument's scales, applied to its levels once its symbol is read. */
    public OkxBooksDecoder(final ScaleCatalogue catalogue)
    {
        super(catalogue);
        fastPath = new OkxBooksFastPath();
    }

    @Override
    protected boolean decodeUsualShape(final DirectBuffer buffer, final int offset, final int length)
    {
        return fastPath.decode(buffer, offset, length, out);
    }

    @Override
    protected DecodeResult decodeFrame()
    {
        if (scanner.remainingEquals(PONG))
        {
            return DecodeResult.IGNORED;
        }
        final int frameStart = scanner.position();
        if (!top.scan(scanner) || !atEnd())
        {
            return null;
        }
        if (!top.has(ARG) || !top.has(DATA))
        {
            return DecodeResult.IGNORED;
        }
        top.seek(scanner, ARG);
        if (!arg.scan(scanner))
        {
            return null;
        }
        if (!arg.seek(scanner, CHANNEL) || !scanner.readString())
        {
            return scanner.error() != null ? null : DecodeResult.IGNORED;
        }
        if (!startsWith(BOOKS_PREFIX) && !scanner.tokenEquals(BBO_TBT))
        {
            return DecodeResult.IGNORED;
        }
        final boolean snapshotChannel = scanner.tokenEquals(BOOKS5) || scanner.tokenEquals(BBO_TBT);
        if (!arg.seek(scanner, INST_ID))
        {
            scanner.fail(DecodeResult.MISSING_FIELD, top.position(ARG));
            return null;
        }
        if (!JsonSymbol.read(scanner, symbol, out) || !decodeAction(snapshotChannel, frameStart) || !decodeData())
        {
            return null;
        }
        return DecodeResult.DEPTH;
    }

    private boolean decodeAction(final boolean snapshotChannel, final int frameStart)
    {
        if (!top.seek(scanner, ACTION))
        {
            if (snapshotChannel)
            {
                out.kind(DepthMessage.KIND_SNAPSHOT);
                return true;
            }
            return scanner.fail(DecodeResult.MISSING_FIELD, frameStart);
        }
        if (!scanner.readString())
        {
            return false;
        }
        if (scanner.tokenEquals(SNAPSHOT))
        {
            out.kind(DepthMessage.KIND_SNAPSHOT);
            return true;
        }
        if (scanner.tokenEquals(UPDATE))
        {
            out.kind(DepthMessage.KIND_DELTA);
            return true;
        }
        return scanner.fail(DecodeResult.UNEXPECTED_TYPE, scanner.tokenOffset());
    }

    private boolean decodeData()
    {
        top.seek(scanner, DATA);
        final int dataStart = scanner.position();
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        if (scanner.peek() != '{')
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, dataStart);
        }
        final int bookStart = scanner.position();
        if (!book.scan(scanner))
        {
            return false;
        }
        if (!scanner.tryConsume(']'))
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, dataStart);
        }
        if (!book.has(ASKS) || !book.has(BIDS) || !book.has(TS))
        {
            return scanner.fail(DecodeResult.MISSING_FIELD, bookStart);
        }

        book.seek(scanner, TS);
        final long ts = readStringLong();
        if (ts < 0)
        {
            return false;
        }
        out.eventTimeMs(ts);
        if (!decodeSequence() || !decodeChecksum())
        {
            return false;
        }
        final boolean asksFirst = book.position(ASKS) < book.position(BIDS);
        return readLevels(asksFirst ? ASKS : BIDS) && readLevels(asksFirst ? BIDS : ASKS);
    }

    private boolean decodeSequence()
    {
        if (book.seek(scanner, SEQ_ID))
        {
            final long seqId = scanner.readNonNegativeLong();
            if (seqId < 0)
            {
                return false;
            }
            out.firstUpdateId(seqId).lastUpdateId(seqId);
        }
        if (book.seek(scanner, PREV_SEQ_ID))
        {
            final int position = scanner.position();
            final long prevSeqId = scanner.readLong();
            if (JsonScanner.INVALID_LONG == prevSeqId)
            {
                return false;
            }
            if (prevSeqId < DepthMessage.NO_ID)
            {
                return scanner.fail(DecodeResult.INVALID_NUMBER, position);
            }
            out.previousUpdateId(prevSeqId);
        }
        return true;
    }

    private boolean decodeChecksum()
    {
        if (!book.seek(scanner, CHECKSUM))
        {
            return true;
        }
        final int position = scanner.position();
        final long checksum = scanner.readLong();
        if (JsonScanner.INVALID_LONG == checksum)
        {
            return false;
        }
        if (checksum < Integer.MIN_VALUE || checksum > Integer.MAX_VALUE)
        {
            return scanner.fail(DecodeResult.INVALID_NUMBER, position);
        }
        if (0 != checksum)
        {
            out.checksum(checksum);
        }
        return true;
    }

    private boolean readLevels(final int field)
    {
        book.seek(scanner, field);
        final byte side = ASKS == field ? DepthMessage.ASK : DepthMessage.BID;
        return JsonLevels.read(scanner, out, side, out.priceScale(), out.quantityScale());
    }

    /** A quoted non-negative integer, such as {@code "ts":"1652459225464"}; -1 after recording an error. */
    private long readStringLong()
    {
        if (!scanner.readString())
        {
            return -1;
        }
        final long value = FixedPoint.parse(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength(), 0);
        if (value < 0 || scanner.buffer().getByte(scanner.tokenOffset()) == '-')
        {
            scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
            return -1;
        }
        return value;
    }

    private boolean startsWith(final byte[] prefix)
    {
        if (scanner.tokenEscaped() || scanner.tokenLength() < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (scanner.buffer().getByte(scanner.tokenOffset() + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private boolean atEnd()
    {
        return scanner.isAtEnd() || scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position());
    }
}
