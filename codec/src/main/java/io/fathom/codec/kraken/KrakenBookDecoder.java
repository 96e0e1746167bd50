package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonDecimals;
import io.fathom.codec.json.JsonDepthDecoder;
import io.fathom.codec.json.JsonFieldIndex;
import io.fathom.codec.json.JsonSymbol;
import io.fathom.codec.json.Rfc3339;
import org.agrona.DirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Decodes Kraken WebSocket v2 {@code book} messages into a {@link DepthMessage} without allocating.
 *
 * <pre>
 *   {"channel":"book","type":"snapshot"|"update","data":[{"symbol":"BTC/USD",
 *     "bids":[{"price":45283.5,"qty":0.1},...],"asks":[...],"checksum":974947235,
 *     "timestamp":"2023-10-06T17:35:55.440295Z"}]}
 * </pre>
 *
 * Prices and quantities are JSON numbers; their text is converted exactly (never through a double) and
 * its fractional digits recorded, though Kraken v2 drops trailing zeros, so its checksum needs the
 * instrument's precision (see {@link io.fathom.codec.checksum.ChecksumBook}). {@code checksum} (unsigned) is
 * on snapshots and updates; {@code timestamp}, when present, is the event time. {@code data} holds exactly
 * one book; levels are kept in key order. Heartbeats, status, method responses and other channels are
 * {@link DecodeResult#IGNORED}. Frames in the venue's usual shape are read in one pass by {@link KrakenBookFastPath},
 * anything else by the general path. Format: https://docs.kraken.com/api/docs/websocket-v2/book. Not thread-safe.
 */
public final class KrakenBookDecoder extends JsonDepthDecoder
{
    private static final int CHANNEL = 0;
    private static final int TYPE = 1;
    private static final int DATA = 2;
    private static final int SYMBOL = 0;
    private static final int BIDS = 1;
    private static final int ASKS = 2;
    private static final int CHECKSUM = 3;
    private static final int TIMESTAMP = 4;
    private static final int PRICE = 0;
    private static final int QTY = 1;

    private static final byte[] BOOK = "book".getBytes(US_ASCII);
    private static final byte[] SNAPSHOT = "snapshot".getBytes(US_ASCII);
    private static final byte[] UPDATE = "update".getBytes(US_ASCII);

    private final JsonFieldIndex top = new JsonFieldIndex("channel", "type", "data");
    private final JsonFieldIndex book = new JsonFieldIndex("symbol", "bids", "asks", "checksum", "timestamp");
    private final JsonFieldIndex level = new JsonFieldIndex("price", "qty");
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final KrakenBookFastPath fastPath = new KrakenBookFastPath();

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public KrakenBookDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each instrument's scales, applied to its levels once its symbol is read. */
    public KrakenBookDecoder(final ScaleCatalogue catalogue)
    {
        super(catalogue);
    }

    @Override
    protected boolean decodeUsualShape(final DirectBuffer buffer, final int offset, final int length)
    {
        return fastPath.decode(buffer, offset, length, out);
    }

    @Override
    protected DecodeResult decodeFrame()
    {
        final int frameStart = scanner.position();
        if (!top.scan(scanner) || !(scanner.isAtEnd() || scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position())))
        {
            return null;
        }
        if (!top.seek(scanner, CHANNEL) || scanner.peek() != '"' || !scanner.readString() || !scanner.tokenEquals(BOOK))
        {
            return null != scanner.error() ? null : DecodeResult.IGNORED;
        }
        if (!top.seek(scanner, TYPE) || !top.has(DATA))
        {
            scanner.fail(DecodeResult.MISSING_FIELD, frameStart);
            return null;
        }
        if (!scanner.readString())
        {
            return null;
        }
        if (scanner.tokenEquals(SNAPSHOT))
        {
            out.kind(DepthMessage.KIND_SNAPSHOT);
        }
        else if (!scanner.tokenEquals(UPDATE))
        {
            scanner.fail(DecodeResult.UNEXPECTED_TYPE, scanner.tokenOffset());
            return null;
        }
        return decodeData() ? DecodeResult.DEPTH : null;
    }

    private boolean decodeData()
    {
        top.seek(scanner, DATA);
        final int dataStart = scanner.position();
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        final int bookStart = scanner.position();
        if (scanner.peek() != '{' || !book.scan(scanner))
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, dataStart);
        }
        if (!scanner.tryConsume(']'))
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, dataStart);
        }
        if (!book.has(SYMBOL) || !book.has(BIDS) || !book.has(ASKS))
        {
            return scanner.fail(DecodeResult.MISSING_FIELD, bookStart);
        }
        book.seek(scanner, SYMBOL);
        if (!JsonSymbol.read(scanner, symbol, out) || !decodeChecksum() || !decodeTimestamp())
        {
            return false;
        }
        final boolean bidsFirst = book.position(BIDS) < book.position(ASKS);
        return readSide(bidsFirst ? BIDS : ASKS) && readSide(bidsFirst ? ASKS : BIDS);
    }

    private boolean decodeChecksum()
    {
        if (!book.seek(scanner, CHECKSUM))
        {
            return true;
        }
        final int position = scanner.position();
        final long checksum = scanner.readNonNegativeLong();
        if (checksum < 0)
        {
            return false;
        }
        if (checksum > KrakenFormat.MAX_CHECKSUM)
        {
            return scanner.fail(DecodeResult.INVALID_NUMBER, position);
        }
        out.checksum(checksum);
        return true;
    }

    private boolean decodeTimestamp()
    {
        if (!book.seek(scanner, TIMESTAMP))
        {
            return true;
        }
        if (!scanner.readString())
        {
            return false;
        }
        final long epochMs = Rfc3339.toEpochMs(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength());
        if (Rfc3339.INVALID == epochMs)
        {
            return scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
        }
        out.eventTimeMs(epochMs);
        return true;
    }

    private boolean readSide(final int field)
    {
        book.seek(scanner, field);
        final byte side = BIDS == field ? DepthMessage.BID : DepthMessage.ASK;
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
            if (!level.has(PRICE) || !level.has(QTY))
            {
                return scanner.fail(DecodeResult.MISSING_FIELD, levelStart);
            }
            level.seek(scanner, PRICE);
            final long price = readNumber(out.priceScale());
            final int priceDecimals = decimals();
            level.seek(scanner, QTY);
            final long quantity = price < 0 ? -1 : readNumber(out.quantityScale());
            if (quantity < 0)
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

    private long readNumber(final int scale)
    {
        if (!scanner.readNumber())
        {
            return -1;
        }
        return JsonDecimals.toMantissa(scanner, scale);
    }

    private int decimals()
    {
        return FixedPoint.fractionDigits(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength());
    }
}
