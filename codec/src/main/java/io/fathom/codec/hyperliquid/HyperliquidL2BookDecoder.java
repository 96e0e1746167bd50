package io.fathom.codec.hyperliquid;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonDecimals;
import io.fathom.codec.json.JsonDepthDecoder;
import io.fathom.codec.json.JsonFieldIndex;
import io.fathom.codec.json.JsonSymbol;
import org.agrona.DirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Decodes Hyperliquid {@code l2Book} messages, each a full book, into a {@link DepthMessage#KIND_SNAPSHOT}
 * without allocating.
 *
 * <pre>
 *   {"channel":"l2Book","data":{"coin":"BTC","time":1700000000000,
 *     "levels":[[{"px":"36000.0","sz":"1.5","n":3},...],[{"px":"36001.0","sz":"2.0","n":1},...]]}}
 * </pre>
 *
 * {@code levels} holds exactly two arrays, bids then asks, best first; the order counts {@code n} are
 * validated as non-negative integers and dropped. The venue sends no sequence or checksum: every message
 * replaces the book. {@code subscriptionResponse}, {@code pong} and other channels are
 * {@link DecodeResult#IGNORED}. Frames in the venue's usual shape are read in one pass by
 * {@link HyperliquidL2BookFastPath}, anything else by the general path. Format:
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions. Not thread-safe.
 */
public final class HyperliquidL2BookDecoder extends JsonDepthDecoder
{
    private static final int CHANNEL = 0;
    private static final int DATA = 1;
    private static final int COIN = 0;
    private static final int TIME = 1;
    private static final int LEVELS = 2;
    private static final int PX = 0;
    private static final int SZ = 1;
    private static final int N = 2;

    private static final byte[] L2_BOOK = "l2Book".getBytes(US_ASCII);

    private final JsonFieldIndex top = new JsonFieldIndex("channel", "data");
    private final JsonFieldIndex book = new JsonFieldIndex("coin", "time", "levels");
    private final JsonFieldIndex level = new JsonFieldIndex("px", "sz", "n");
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final HyperliquidL2BookFastPath fastPath = new HyperliquidL2BookFastPath();

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public HyperliquidL2BookDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each instrument's scales, applied to its levels once its symbol is read. */
    public HyperliquidL2BookDecoder(final ScaleCatalogue catalogue)
    {
        super(catalogue);
    }

    @Override
    protected boolean decodeUsualShape(final DirectBuffer buffer, final int offset, final int length)
    {
        return fastPath.decode(buffer, offset, length, out);
    }

    /** @return true for a decoded book; false with no error recorded for another well-formed frame. */
    @Override
    protected DecodeResult decodeFrame()
    {
        return decodeBook() ? DecodeResult.DEPTH : null;
    }

    @Override
    protected DecodeResult resultWithoutScanError()
    {
        return DecodeResult.IGNORED;
    }

    private boolean decodeBook()
    {
        final int frameStart = scanner.position();
        if (!top.scan(scanner) || !(scanner.isAtEnd() || scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position())))
        {
            return false;
        }
        if (!top.seek(scanner, CHANNEL) || scanner.peek() != '"' || !scanner.readString() ||
            !scanner.tokenEquals(L2_BOOK))
        {
            return false;
        }
        if (!top.seek(scanner, DATA))
        {
            return scanner.fail(DecodeResult.MISSING_FIELD, frameStart);
        }
        final int bookStart = scanner.position();
        if (!book.scan(scanner))
        {
            return false;
        }
        if (!book.has(COIN) || !book.has(TIME) || !book.has(LEVELS))
        {
            return scanner.fail(DecodeResult.MISSING_FIELD, bookStart);
        }
        out.kind(DepthMessage.KIND_SNAPSHOT);
        book.seek(scanner, COIN);
        if (!JsonSymbol.read(scanner, symbol, out))
        {
            return false;
        }
        book.seek(scanner, TIME);
        final long time = scanner.readNonNegativeLong();
        if (time < 0)
        {
            return false;
        }
        out.eventTimeMs(time);
        book.seek(scanner, LEVELS);
        final int levelsStart = scanner.position();
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        if (!readSide(DepthMessage.BID) || !scanner.tryConsume(',') || !readSide(DepthMessage.ASK) ||
            !scanner.tryConsume(']'))
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, levelsStart);
        }
        return true;
    }

    private boolean readSide(final byte side)
    {
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        if (scanner.tryConsume(']'))
        {
            return true;
        }
        do
        {
            final int levelStart = scanner.position();
            if (scanner.peek() != '{')
            {
                return scanner.failUnexpected();
            }
            if (!level.scan(scanner))
            {
                return false;
            }
            final int levelEnd = scanner.position();
            if (!level.has(PX) || !level.has(SZ))
            {
                return scanner.fail(DecodeResult.MISSING_FIELD, levelStart);
            }
            if (level.seek(scanner, N) && scanner.readNonNegativeLong() < 0)
            {
                return false;
            }
            level.seek(scanner, PX);
            final long price = scanner.readString() ? JsonDecimals.toMantissa(scanner, out.priceScale()) : -1;
            final int priceDecimals = decimals();
            level.seek(scanner, SZ);
            final long quantity = price >= 0 && scanner.readString() ? JsonDecimals.toMantissa(scanner, out.quantityScale()) : -1;
            if (price < 0 || quantity < 0)
            {
                return false;
            }
            if (!out.addLevel(side, price, quantity, priceDecimals, decimals()))
            {
                return scanner.fail(out.refusal(), levelStart);
            }
            scanner.position(levelEnd);
        }
        while (scanner.tryConsume(','));

        return scanner.expect(']');
    }

    private int decimals()
    {
        return FixedPoint.fractionDigits(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength());
    }
}
