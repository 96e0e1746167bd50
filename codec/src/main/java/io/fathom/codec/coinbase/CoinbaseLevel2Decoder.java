package io.fathom.codec.coinbase;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonDecimals;
import io.fathom.codec.json.JsonFieldIndex;
import io.fathom.codec.json.JsonScanner;
import io.fathom.codec.json.JsonSymbol;
import io.fathom.codec.json.Rfc3339;
import org.agrona.DirectBuffer;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Decodes Coinbase Advanced Trade {@code level2} messages into {@link DepthMessage}s without allocating.
 *
 * <pre>
 *   {"channel":"l2_data","client_id":"","timestamp":"2023-02-09T20:32:50.714964855Z","sequence_num":0,
 *    "events":[{"type":"snapshot"|"update","product_id":"BTC-USD",
 *               "updates":[{"side":"bid"|"offer","event_time":"...","price_level":"21921.73",
 *                           "new_quantity":"0.06317902"},...]}]}
 * </pre>
 *
 * {@code sequence_num} counts every message on the connection, whatever its channel (heartbeats
 * included), so {@link #sequenceNumber()} is set for every well-formed frame that has one, and a depth
 * message carries it as {@link DepthMessage#sequence()}; a gap means the connection lost messages. A frame
 * may hold several events (products): {@link #decode} yields the first, {@link #decodeEvent} the others,
 * from the same bytes. The message {@code timestamp} is the event time. {@code heartbeats},
 * {@code subscriptions} and other channels are {@link DecodeResult#IGNORED}. Frames in the venue's usual shape
 * are read in one pass by {@link CoinbaseLevel2FastPath}, anything else by the general path. Format:
 * https://docs.cdp.coinbase.com/advanced-trade/docs/ws-channels#level2-channel. A frame longer than
 * {@link JsonScanner#MAX_FRAME_LENGTH} is {@link DecodeResult#FRAME_TOO_LARGE}. Not thread-safe.
 */
public final class CoinbaseLevel2Decoder
{
    /** {@link #sequenceNumber()} of a frame without {@code sequence_num}. */
    public static final long NO_SEQUENCE = DepthMessage.NO_ID;

    private static final int CHANNEL = 0;
    private static final int TIMESTAMP = 1;
    private static final int SEQUENCE_NUM = 2;
    private static final int EVENTS = 3;
    private static final int TYPE = 0;
    private static final int PRODUCT_ID = 1;
    private static final int UPDATES = 2;
    private static final int SIDE = 0;
    private static final int PRICE_LEVEL = 1;
    private static final int NEW_QUANTITY = 2;

    private static final byte[] L2_DATA = "l2_data".getBytes(US_ASCII);
    private static final byte[] SNAPSHOT = "snapshot".getBytes(US_ASCII);
    private static final byte[] UPDATE = "update".getBytes(US_ASCII);
    private static final byte[] BID = "bid".getBytes(US_ASCII);
    private static final byte[] OFFER = "offer".getBytes(US_ASCII);

    private final ScaleCatalogue catalogue;
    private final JsonScanner scanner = new JsonScanner();
    private final JsonFieldIndex top = new JsonFieldIndex("channel", "timestamp", "sequence_num", "events");
    private final JsonFieldIndex event = new JsonFieldIndex("type", "product_id", "updates");
    private final JsonFieldIndex update = new JsonFieldIndex("side", "price_level", "new_quantity");
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final CoinbaseLevel2FastPath fastPath = new CoinbaseLevel2FastPath();

    private DirectBuffer buffer;
    private int frameOffset;
    private int frameLength;
    private int eventsPosition;
    private int eventCount;
    private boolean fastFrame;
    private long sequenceNumber = NO_SEQUENCE;
    private long timestampMs;
    private DepthMessage out;
    private int errorOffset = -1;

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public CoinbaseLevel2Decoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each product's scales, applied to its updates once its {@code product_id} is read. */
    public CoinbaseLevel2Decoder(final ScaleCatalogue catalogue)
    {
        this.catalogue = catalogue;
    }

    /**
     * Decodes one WebSocket text frame and, for {@code l2_data}, its first event.
     *
     * @return {@link DecodeResult#DEPTH}, {@link DecodeResult#IGNORED} for any other well-formed frame
     * (including an {@code l2_data} without events), or an error; {@code out} is reset unless the result is
     * {@code DEPTH}.
     */
    public DecodeResult decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        this.buffer = buffer;
        frameOffset = offset;
        frameLength = length;
        eventCount = 0;
        sequenceNumber = NO_SEQUENCE;
        out.reset();
        out.scales(catalogue);
        fastFrame = fastPath.decode(buffer, offset, length, out);
        if (fastFrame)
        {
            eventCount = fastPath.eventCount();
            eventsPosition = fastPath.eventsPosition();
            sequenceNumber = fastPath.sequenceNumber();
            timestampMs = fastPath.timestampMs();
            errorOffset = -1;
            return DecodeResult.DEPTH;
        }
        begin(out);
        DecodeResult result = decodeFrame();
        if (DecodeResult.DEPTH == result)
        {
            result = decodeEventAt(0);
        }
        return finish(result);
    }

    /**
     * Decodes event {@code index} (1..{@link #eventCount()}-1) of the last frame {@link #decode} returned
     * {@link DecodeResult#DEPTH} for; the frame's bytes must be unchanged.
     *
     * @return {@link DecodeResult#DEPTH} or an error; {@code out} is reset unless {@code DEPTH}.
     * @throws IndexOutOfBoundsException for an index outside the frame's events.
     */
    public DecodeResult decodeEvent(final int index, final DepthMessage out)
    {
        if (index < 0 || index >= eventCount)
        {
            throw new IndexOutOfBoundsException("event " + index + " of " + eventCount);
        }
        out.reset();
        out.scales(catalogue);
        if (fastFrame && fastPath.decodeEvent(index, out))
        {
            errorOffset = -1;
            return DecodeResult.DEPTH;
        }
        begin(out);
        return finish(decodeEventAt(index));
    }

    /** Events in the last {@code l2_data} frame decoded, 0 for any other frame. */
    public int eventCount()
    {
        return eventCount;
    }

    /** The {@code sequence_num} of the last well-formed frame, whatever its channel, or {@link #NO_SEQUENCE}. */
    public long sequenceNumber()
    {
        return sequenceNumber;
    }

    /** @return where the last decode's error was detected, relative to the frame's offset, or -1. */
    public int errorOffset()
    {
        return errorOffset;
    }

    private void begin(final DepthMessage out)
    {
        out.reset();
        out.scales(catalogue);
        scanner.wrap(buffer, frameOffset, frameLength);
        this.out = out;
    }

    private DecodeResult finish(final DecodeResult decoded)
    {
        DecodeResult result = decoded;
        if (null == result)
        {
            final DecodeResult error = scanner.error();
            result = null != error ? error : DecodeResult.MALFORMED_JSON;
        }
        if (DecodeResult.DEPTH != result)
        {
            out.reset();
        }
        if (result.isError())
        {
            eventCount = 0;
        }
        errorOffset = result.isError() ? scanner.errorPosition() - frameOffset : -1;
        out = null;
        return result;
    }

    /** Validates the frame; {@link DecodeResult#DEPTH} means an {@code l2_data} frame with events. */
    private DecodeResult decodeFrame()
    {
        if (!scanner.checkFrameLength())
        {
            return null;
        }
        final int frameStart = scanner.position();
        if (!top.scan(scanner) || !(scanner.isAtEnd() || scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position())))
        {
            return null;
        }
        if (top.seek(scanner, SEQUENCE_NUM))
        {
            final long value = scanner.readNonNegativeLong();
            if (value < 0)
            {
                return null;
            }
            sequenceNumber = value;
        }
        if (!top.seek(scanner, CHANNEL) || scanner.peek() != '"' || !scanner.readString() ||
            !scanner.tokenEquals(L2_DATA))
        {
            return null != scanner.error() ? null : DecodeResult.IGNORED;
        }
        if (!top.has(EVENTS) || !top.has(TIMESTAMP) || NO_SEQUENCE == sequenceNumber)
        {
            scanner.fail(DecodeResult.MISSING_FIELD, frameStart);
            return null;
        }
        top.seek(scanner, TIMESTAMP);
        if (!scanner.readString())
        {
            return null;
        }
        timestampMs = Rfc3339.toEpochMs(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength());
        if (Rfc3339.INVALID == timestampMs)
        {
            scanner.fail(DecodeResult.INVALID_NUMBER, scanner.tokenOffset());
            return null;
        }
        top.seek(scanner, EVENTS);
        eventsPosition = scanner.position();
        if (!scanner.tryConsume('['))
        {
            scanner.failUnexpected();
            return null;
        }
        int count = 0;
        if (!scanner.tryConsume(']'))
        {
            do
            {
                if (scanner.peek() != '{')
                {
                    scanner.failUnexpected();
                    return null;
                }
                scanner.skipValue();
                count++;
            }
            while (scanner.tryConsume(','));
        }
        eventCount = count;
        return 0 == count ? DecodeResult.IGNORED : DecodeResult.DEPTH;
    }

    private DecodeResult decodeEventAt(final int index)
    {
        scanner.position(eventsPosition);
        scanner.tryConsume('[');
        for (int i = 0; i < index; i++)
        {
            scanner.skipValue();
            scanner.tryConsume(',');
        }
        final int eventStart = scanner.position();
        if (!event.scan(scanner))
        {
            return null;
        }
        if (!event.has(TYPE) || !event.has(PRODUCT_ID) || !event.has(UPDATES))
        {
            scanner.fail(DecodeResult.MISSING_FIELD, eventStart);
            return null;
        }
        event.seek(scanner, TYPE);
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
        event.seek(scanner, PRODUCT_ID);
        if (!JsonSymbol.read(scanner, symbol, out))
        {
            return null;
        }
        out.eventTimeMs(timestampMs).sequence(sequenceNumber);
        event.seek(scanner, UPDATES);
        return readUpdates() ? DecodeResult.DEPTH : null;
    }

    private boolean readUpdates()
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
            if (!update.scan(scanner))
            {
                return false;
            }
            final int levelEnd = scanner.position();
            if (!update.has(SIDE) || !update.has(PRICE_LEVEL) || !update.has(NEW_QUANTITY))
            {
                return scanner.fail(DecodeResult.MISSING_FIELD, levelStart);
            }
            update.seek(scanner, SIDE);
            if (!scanner.readString())
            {
                return false;
            }
            final boolean bid = scanner.tokenEquals(BID);
            if (!bid && !scanner.tokenEquals(OFFER))
            {
                return scanner.fail(DecodeResult.UNEXPECTED_TYPE, scanner.tokenOffset());
            }
            update.seek(scanner, PRICE_LEVEL);
            final long price = scanner.readString() ? JsonDecimals.toMantissa(scanner, out.priceScale()) : -1;
            final int priceDecimals = decimals();
            update.seek(scanner, NEW_QUANTITY);
            final long quantity = price >= 0 && scanner.readString() ? JsonDecimals.toMantissa(scanner, out.quantityScale()) : -1;
            if (price < 0 || quantity < 0)
            {
                return false;
            }
            if (!out.addLevel(bid ? DepthMessage.BID : DepthMessage.ASK, price, quantity, priceDecimals, decimals()))
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
