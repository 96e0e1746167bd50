package io.fathom.codec.kraken;

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
 * Decodes Kraken WebSocket v1 {@code book} frames into a {@link DepthMessage} without allocating.
 *
 * <pre>
 *   snapshot: [channelID, {"as":[[price, volume, timestamp], ...], "bs":[...]}, "book-1000", "XBT/USD"]
 *   update:   [channelID, {"a":[[price, volume, timestamp(, "r")], ...](, "b":[...])(, "c":"crc")}
 *              (, {"b":[...], "c":"crc"}), "book-1000", "XBT/USD"]
 * </pre>
 *
 * Levels are kept in message order (dict by dict, within a dict in key order) with the decimals received,
 * since Kraken's checksum hashes those digits; the republish flag {@code "r"} marks an update applied like
 * any other. {@code "c"} becomes the message checksum (unsigned) and the latest level timestamp its event
 * time. Object frames (heartbeat, systemStatus, subscriptionStatus, pong) and other channels' arrays are
 * {@link DecodeResult#IGNORED}. Updates in the usual form are read in one pass by {@link KrakenV1BookFastPath}.
 * Format: https://docs.kraken.com/api/docs/websocket-v1/book. Not
 * thread-safe: one instance per feed thread.
 */
public final class KrakenV1BookDecoder extends JsonDepthDecoder
{
    private static final int MAX_ELEMENTS = 8;
    private static final int SNAPSHOT_ASKS = 0;
    private static final int SNAPSHOT_BIDS = 1;
    private static final int ASKS = 2;
    private static final int BIDS = 3;
    private static final int CHECKSUM = 4;
    private static final int TIMESTAMP_SCALE = 6;
    private static final byte[] BOOK_PREFIX = "book-".getBytes(US_ASCII);
    private static final byte[] REPUBLISH = "r".getBytes(US_ASCII);

    private final JsonFieldIndex dict = new JsonFieldIndex("as", "bs", "a", "b", "c");
    private final int[] elements = new int[MAX_ELEMENTS];
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final KrakenV1BookFastPath fastPath;

    private int bookDepth;
    private long channelId;
    private long latestTimestampMicros;

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public KrakenV1BookDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each instrument's scales, applied to its levels once its symbol is read. */
    public KrakenV1BookDecoder(final ScaleCatalogue catalogue)
    {
        super(catalogue);
        fastPath = new KrakenV1BookFastPath();
    }

    /** The depth in the channel name of the last {@link DecodeResult#DEPTH} ({@code 1000} for {@code book-1000}). */
    public int bookDepth()
    {
        return bookDepth;
    }

    /** The {@code channelID} of the last {@link DecodeResult#DEPTH}. */
    public long channelId()
    {
        return channelId;
    }

    @Override
    protected boolean decodeUsualShape(final DirectBuffer buffer, final int offset, final int length)
    {
        if (fastPath.decode(buffer, offset, length, out))
        {
            bookDepth = fastPath.bookDepth();
            channelId = fastPath.channelId();
            return true;
        }
        return false;
    }

    /** Clears the timestamp the previous frame carried. */
    @Override
    protected void onFrameStart()
    {
        latestTimestampMicros = -1;
    }

    @Override
    protected DecodeResult decodeFrame()
    {
        final int first = scanner.peek();
        if (first == '{')
        {
            return scanner.skipValue() && atEnd() ? DecodeResult.IGNORED : null;
        }
        if (first != '[')
        {
            scanner.failUnexpected();
            return null;
        }
        final int arrayStart = scanner.position();
        final int count = scanElements();
        if (count < 0 || !atEnd())
        {
            return null;
        }
        if (count < 3 || count > MAX_ELEMENTS)
        {
            return DecodeResult.IGNORED;
        }

        scanner.position(elements[count - 2]);
        if (scanner.peek() != '"' || !scanner.readString() || !isBookChannel())
        {
            return DecodeResult.IGNORED;
        }
        if (count != 4 && count != 5)
        {
            scanner.fail(DecodeResult.UNEXPECTED_TYPE, arrayStart);
            return null;
        }
        final int depth = readDepth();
        scanner.position(elements[0]);
        final long id = scanner.readNonNegativeLong();
        scanner.position(elements[count - 1]);
        if (depth < 0 || id < 0 || !JsonSymbol.read(scanner, symbol, out))
        {
            return null;
        }
        if (!decodeDicts(count - 3))
        {
            return null;
        }
        bookDepth = depth;
        channelId = id;
        if (latestTimestampMicros >= 0)
        {
            out.eventTimeMs(latestTimestampMicros / 1000);
        }
        return DecodeResult.DEPTH;
    }

    private int scanElements()
    {
        scanner.position(scanner.position() + 1);
        if (scanner.tryConsume(']'))
        {
            return 0;
        }
        int count = 0;
        do
        {
            if (count < MAX_ELEMENTS)
            {
                scanner.peek();
                elements[count] = scanner.position();
            }
            if (!scanner.skipValue())
            {
                return -1;
            }
            count++;
        }
        while (scanner.tryConsume(','));

        return scanner.expect(']') ? count : -1;
    }

    private boolean decodeDicts(final int dictCount)
    {
        boolean snapshot = false;
        boolean checksum = false;
        for (int d = 1; d <= dictCount; d++)
        {
            scanner.position(elements[d]);
            final int dictStart = scanner.position();
            if (!dict.scan(scanner))
            {
                return false;
            }
            final boolean snapshotDict = dict.has(SNAPSHOT_ASKS) || dict.has(SNAPSHOT_BIDS);
            final boolean updateDict = dict.has(ASKS) || dict.has(BIDS);
            if (snapshotDict == updateDict || (snapshotDict && dictCount != 1))
            {
                final DecodeResult error = snapshotDict || updateDict ?
                    DecodeResult.UNEXPECTED_TYPE : DecodeResult.MISSING_FIELD;
                return scanner.fail(error, dictStart);
            }
            if (snapshotDict && !(dict.has(SNAPSHOT_ASKS) && dict.has(SNAPSHOT_BIDS)))
            {
                return scanner.fail(DecodeResult.MISSING_FIELD, dictStart);
            }
            snapshot = snapshotDict;
            if (dict.has(CHECKSUM))
            {
                if (checksum)
                {
                    return scanner.fail(DecodeResult.DUPLICATE_FIELD, dict.position(CHECKSUM));
                }
                checksum = true;
                if (!decodeChecksum())
                {
                    return false;
                }
            }
            final int asks = snapshotDict ? SNAPSHOT_ASKS : ASKS;
            final int bids = snapshotDict ? SNAPSHOT_BIDS : BIDS;
            final boolean asksFirst = dict.position(asks) < dict.position(bids) || !dict.has(bids);
            if (!readSide(asksFirst ? asks : bids) || !readSide(asksFirst ? bids : asks))
            {
                return false;
            }
        }
        out.kind(snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA);
        return true;
    }

    private boolean decodeChecksum()
    {
        dict.seek(scanner, CHECKSUM);
        if (!scanner.readString())
        {
            return false;
        }
        final long value = KrakenFormat.parseUnsigned(scanner);
        if (value < 0 || value > KrakenFormat.MAX_CHECKSUM)
        {
            return scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
        }
        out.checksum(value);
        return true;
    }

    private boolean readSide(final int field)
    {
        if (!dict.seek(scanner, field))
        {
            return true;
        }
        final byte side = field == ASKS || field == SNAPSHOT_ASKS ? DepthMessage.ASK : DepthMessage.BID;
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
            if (!readLevel(side))
            {
                return false;
            }
        }
        while (scanner.tryConsume(','));

        return scanner.expect(']');
    }

    private boolean readLevel(final byte side)
    {
        final int levelStart = scanner.position();
        if (!scanner.tryConsume('['))
        {
            return scanner.failUnexpected();
        }
        if (!scanner.readString())
        {
            return false;
        }
        final long price = JsonDecimals.toMantissa(scanner, out.priceScale());
        final int priceDecimals = decimals();
        if (price < 0 || !expectElement(levelStart) || !scanner.readString())
        {
            return false;
        }
        final long quantity = JsonDecimals.toMantissa(scanner, out.quantityScale());
        final int quantityDecimals = decimals();
        if (quantity < 0 || !expectElement(levelStart) || !scanner.readString())
        {
            return false;
        }
        final long timestampMicros = FixedPoint.parse(
            scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength(), TIMESTAMP_SCALE);
        if (timestampMicros < 0)
        {
            return scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
        }
        if (scanner.tryConsume(','))
        {
            if (!scanner.readString())
            {
                return false;
            }
            if (!scanner.tokenEquals(REPUBLISH))
            {
                return scanner.fail(DecodeResult.UNEXPECTED_TYPE, scanner.tokenOffset());
            }
        }
        if (scanner.peek() == ',')
        {
            return scanner.fail(DecodeResult.UNEXPECTED_TYPE, scanner.position());
        }
        if (!scanner.expect(']'))
        {
            return false;
        }
        latestTimestampMicros = Math.max(latestTimestampMicros, timestampMicros);
        if (!out.addLevel(side, price, quantity, priceDecimals, quantityDecimals))
        {
            return scanner.fail(out.refusal(), levelStart);
        }
        return true;
    }

    private boolean expectElement(final int levelStart)
    {
        if (scanner.tryConsume(','))
        {
            return true;
        }
        return scanner.fail(
            scanner.peek() == ']' ? DecodeResult.UNEXPECTED_TYPE : DecodeResult.MALFORMED_JSON,
            scanner.peek() == ']' ? levelStart : scanner.position());
    }

    private int decimals()
    {
        return FixedPoint.fractionDigits(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength());
    }

    private boolean isBookChannel()
    {
        if (scanner.tokenEscaped() || scanner.tokenLength() <= BOOK_PREFIX.length)
        {
            return false;
        }
        for (int i = 0; i < BOOK_PREFIX.length; i++)
        {
            if (scanner.buffer().getByte(scanner.tokenOffset() + i) != BOOK_PREFIX[i])
            {
                return false;
            }
        }
        return true;
    }

    /** The digits after {@code book-} in the channel name token, or -1 after recording an error. */
    private int readDepth()
    {
        final int start = scanner.tokenOffset() + BOOK_PREFIX.length;
        final int end = scanner.tokenOffset() + scanner.tokenLength();
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = scanner.buffer().getByte(i) - '0';
            if (digit < 0 || digit > 9 || depth > 100_000)
            {
                scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
                return -1;
            }
            depth = depth * 10 + digit;
        }
        if (0 == depth)
        {
            scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
            return -1;
        }
        return depth;
    }

    private boolean atEnd()
    {
        return scanner.isAtEnd() || scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position());
    }
}
