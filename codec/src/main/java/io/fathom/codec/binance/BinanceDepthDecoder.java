package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonLevels;
import io.fathom.codec.json.JsonScanner;
import io.fathom.codec.json.JsonSymbol;
import org.agrona.DirectBuffer;

import static io.fathom.codec.binance.BinanceDepthFields.ASKS;
import static io.fathom.codec.binance.BinanceDepthFields.BIDS;
import static io.fathom.codec.binance.BinanceDepthFields.DEPTH_UPDATE;
import static io.fathom.codec.binance.BinanceDepthFields.ENVELOPE_DATA;
import static io.fathom.codec.binance.BinanceDepthFields.EVENT_TIME;
import static io.fathom.codec.binance.BinanceDepthFields.FIRST_ID;
import static io.fathom.codec.binance.BinanceDepthFields.PREVIOUS_ID;
import static io.fathom.codec.binance.BinanceDepthFields.SNAPSHOT_REQUIRED;
import static io.fathom.codec.binance.BinanceDepthFields.STREAM_REQUIRED;
import static io.fathom.codec.binance.BinanceDepthFields.SYMBOL;
import static io.fathom.codec.binance.BinanceDepthFields.TYPE;
import static io.fathom.codec.binance.BinanceDepthFields.UNKNOWN;
import static io.fathom.codec.binance.BinanceDepthFields.bit;

/**
 * Decodes Binance spot and USD-M futures depth JSON (WebSocket {@code depthUpdate} events, bare or in
 * the combined-stream envelope, and REST {@code depth} snapshots) into a {@link DepthMessage}, without
 * allocating on success or error.
 *
 * <p>Field order does not matter and unknown fields are skipped (but validated): a field met before the
 * event type is known, or asks met before bids, is remembered by position and decoded after the whole
 * frame has been validated, so the single pass of the usual order is kept. Events in exactly the order and
 * form Binance sends are read first by {@code BinanceStreamFastPath}, one pass eight bytes at a time. Prices and quantities must be
 * quoted decimals, non-negative and representable at the decoder's scales; ids and times must be JSON
 * integers in {@code 0..Long.MAX_VALUE}. A frame longer than {@link JsonScanner#MAX_FRAME_LENGTH} is
 * {@link DecodeResult#FRAME_TOO_LARGE}. Not thread-safe: one instance per feed thread.
 */
public final class BinanceDepthDecoder
{
    private static final byte EVENT_UNKNOWN = 0;
    private static final byte EVENT_DEPTH = 1;
    private static final byte EVENT_OTHER = 2;

    private final ScaleCatalogue catalogue;
    private final JsonScanner scanner = new JsonScanner();
    private final BinanceStreamFastPath fastPath;
    private final byte[] symbol = new byte[DepthMessage.MAX_SYMBOL_LENGTH];
    private final int[] deferredPositions = new int[BinanceDepthFields.COUNT];

    private DepthMessage out;
    private boolean snapshot;
    private int frameOffset;
    private int eventStart;
    private int seenFields;
    private int deferredFields;
    private int duplicatePosition;
    private byte eventType;
    private boolean bidsDecoded;
    private int errorOffset = -1;

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    public BinanceDepthDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /**
     * @param catalogue each symbol's scales, applied to a stream frame's levels once its {@code s} is read;
     *                  a snapshot, which names no symbol, takes the scales its caller gives.
     */
    public BinanceDepthDecoder(final ScaleCatalogue catalogue)
    {
        this.catalogue = catalogue;
        fastPath = new BinanceStreamFastPath();
    }

    /**
     * Decodes one WebSocket text frame: a {@code depthUpdate} event, bare or inside
     * {@code {"stream":..,"data":..}}, into a {@link DepthMessage#KIND_DELTA} message with bids then asks
     * in array order, and {@code pu} as the previous update id when present.
     *
     * @return {@link DecodeResult#DEPTH}, {@link DecodeResult#IGNORED} for any other well-formed frame, or
     * an error; {@code out} is reset unless the result is {@code DEPTH}.
     */
    public DecodeResult decodeStreamFrame(
        final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        out.reset();
        out.scales(catalogue);
        out.kind(DepthMessage.KIND_DELTA);
        if (fastPath.decode(buffer, offset, length, out))
        {
            errorOffset = -1;
            return DecodeResult.DEPTH;
        }
        begin(buffer, offset, length, out, false, EVENT_UNKNOWN);
        out.kind(DepthMessage.KIND_DELTA);
        return finish(decode(STREAM_REQUIRED));
    }

    /**
     * Decodes the body of a REST {@code /api/v3/depth} or {@code /fapi/v1/depth} response into a
     * {@link DepthMessage#KIND_SNAPSHOT} message with first and last update id both {@code lastUpdateId},
     * no symbol (the caller knows it), and bids then asks. Other fields such as futures' {@code E} and
     * {@code T} are skipped.
     *
     * @return {@link DecodeResult#DEPTH} or an error; {@code out} is reset unless the result is {@code DEPTH}.
     */
    public DecodeResult decodeSnapshot(
        final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        return decodeSnapshot(buffer, offset, length, out, catalogue.defaultPriceScale(), catalogue.defaultQuantityScale());
    }

    /**
     * Decodes a REST snapshot as {@link #decodeSnapshot(DirectBuffer, int, int, DepthMessage)} does, at the
     * scales of the instrument it was requested for.
     */
    public DecodeResult decodeSnapshot(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final DepthMessage out,
        final int priceScale,
        final int quantityScale)
    {
        begin(buffer, offset, length, out, true, EVENT_DEPTH);
        out.scales(priceScale, quantityScale);
        out.kind(DepthMessage.KIND_SNAPSHOT);
        final DecodeResult result = finish(decode(SNAPSHOT_REQUIRED));
        if (DecodeResult.DEPTH == result)
        {
            out.firstUpdateId(out.lastUpdateId());
        }
        return result;
    }

    /**
     * @return the byte offset, relative to the {@code offset} of the last decode, where its error was
     * detected, or -1 when it succeeded.
     */
    public int errorOffset()
    {
        return errorOffset;
    }

    private void begin(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final DepthMessage out,
        final boolean snapshot,
        final byte eventType)
    {
        out.reset();
        out.scales(catalogue);
        scanner.wrap(buffer, offset, length);
        this.out = out;
        this.snapshot = snapshot;
        this.eventType = eventType;
        frameOffset = offset;
        eventStart = offset;
        seenFields = 0;
        deferredFields = 0;
        duplicatePosition = -1;
        bidsDecoded = false;
    }

    private DecodeResult finish(final DecodeResult result)
    {
        if (DecodeResult.DEPTH != result)
        {
            out.reset();
        }
        errorOffset = result.isError() ? scanner.errorPosition() - frameOffset : -1;
        out = null;
        return result;
    }

    private DecodeResult decode(final int requiredFields)
    {
        if (!scanner.checkFrameLength())
        {
            return error();
        }
        if (scanner.peek() != '{')
        {
            scanner.failUnexpected();
            return error();
        }
        eventStart = scanner.position();
        scanner.position(eventStart + 1);
        if (!scanObject(true))
        {
            return error();
        }
        if (!scanner.isAtEnd())
        {
            scanner.fail(DecodeResult.MALFORMED_JSON, scanner.position());
            return error();
        }
        if (EVENT_DEPTH != eventType)
        {
            return DecodeResult.IGNORED;
        }
        if (duplicatePosition >= 0)
        {
            scanner.fail(DecodeResult.DUPLICATE_FIELD, duplicatePosition);
            return error();
        }
        if ((seenFields & requiredFields) != requiredFields)
        {
            scanner.fail(DecodeResult.MISSING_FIELD, eventStart);
            return error();
        }

        for (int field = 0; field < BinanceDepthFields.COUNT; field++)
        {
            if ((deferredFields & bit(field)) != 0)
            {
                scanner.position(deferredPositions[field]);
                if (!decodeField(field))
                {
                    return error();
                }
            }
        }

        return DecodeResult.DEPTH;
    }

    private DecodeResult error()
    {
        final DecodeResult error = scanner.error();
        return null != error ? error : DecodeResult.MALFORMED_JSON;
    }

    private boolean scanObject(final boolean topLevel)
    {
        if (scanner.tryConsume('}'))
        {
            return true;
        }
        do
        {
            if (!scanner.readKey())
            {
                return false;
            }
            final int keyPosition = scanner.tokenOffset() - 1;
            final int field = snapshot ?
                BinanceDepthFields.snapshotField(scanner) : BinanceDepthFields.streamField(scanner, topLevel);
            if (!scanner.expect(':'))
            {
                return false;
            }

            final boolean scanned;
            if (ENVELOPE_DATA == field)
            {
                scanned = scanEnvelopeData();
            }
            else if (UNKNOWN == field)
            {
                scanned = scanner.skipValue();
            }
            else
            {
                scanned = onField(field, keyPosition);
            }
            if (!scanned)
            {
                return false;
            }
        }
        while (scanner.tryConsume(','));

        return scanner.expect('}');
    }

    private boolean scanEnvelopeData()
    {
        if (scanner.peek() != '{')
        {
            return scanner.skipValue();
        }
        eventStart = scanner.position();
        scanner.position(eventStart + 1);
        return scanObject(false);
    }

    private boolean onField(final int field, final int keyPosition)
    {
        if (EVENT_OTHER == eventType)
        {
            return scanner.skipValue();
        }
        final int bit = bit(field);
        if ((seenFields & bit) != 0)
        {
            if (duplicatePosition < 0)
            {
                duplicatePosition = keyPosition;
            }
            return scanner.skipValue();
        }
        seenFields |= bit;

        if (TYPE == field)
        {
            if (!scanner.readString())
            {
                return false;
            }
            eventType = scanner.tokenEquals(DEPTH_UPDATE) ? EVENT_DEPTH : EVENT_OTHER;
            return true;
        }
        if (EVENT_UNKNOWN == eventType || (ASKS == field && !bidsDecoded) || levelsBeforeSymbol(field))
        {
            deferredPositions[field] = scanner.position();
            deferredFields |= bit;
            return scanner.skipValue();
        }

        return decodeField(field);
    }

    /** A stream frame's levels wait for its symbol, which sets their scales; deferred fields run in field order. */
    private boolean levelsBeforeSymbol(final int field)
    {
        return !snapshot && (BIDS == field || ASKS == field) && (seenFields & bit(SYMBOL)) == 0;
    }

    private boolean decodeField(final int field)
    {
        switch (field)
        {
            case SYMBOL:
                return JsonSymbol.read(scanner, symbol, out);

            case BIDS:
                bidsDecoded = JsonLevels.read(scanner, out, DepthMessage.BID, out.priceScale(), out.quantityScale());
                return bidsDecoded;

            case ASKS:
                return JsonLevels.read(scanner, out, DepthMessage.ASK, out.priceScale(), out.quantityScale());

            default:
                return decodeId(field);
        }
    }

    private boolean decodeId(final int field)
    {
        final long value = scanner.readNonNegativeLong();
        if (value < 0)
        {
            return false;
        }
        switch (field)
        {
            case EVENT_TIME:
                out.eventTimeMs(value);
                break;

            case FIRST_ID:
                out.firstUpdateId(value);
                break;

            case PREVIOUS_ID:
                out.previousUpdateId(value);
                break;

            default:
                out.lastUpdateId(value);
                break;
        }
        return true;
    }
}
