package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binance's market streams, spot and both futures markets: routes {@code /ws}, {@code /ws/<stream>} (raw
 * events), {@code /stream} and {@code /stream?streams=a/b} (combined {@code {"stream":..,"data":..}}), the
 * control frames of {@link SimRequest}, and each diff encoded at most once as a combined and once as a raw
 * event, from reused buffers. Futures events also carry {@code pu} (the previous event's {@code u}) and
 * {@code T}; their REST snapshots carry {@code E} and {@code T}.
 *
 * <p>Faults: a withheld diff leaves a gap in {@code U}/{@code u} and {@code pu}; a malformed frame replaces
 * a diff.
 */
final class SimBinanceWire extends SimWire
{
    private static final int MAX_NAME_LENGTH = 64;

    private final boolean futures;
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(SimBook.SCALE, SimBook.SCALE);
    private final BinanceDepthEncoder tenDecimalPriceEncoder = encoderFor(SimPrecision.TEN_DECIMAL_PRICES);
    private final BinanceDepthEncoder hugeQuantityEncoder = encoderFor(SimPrecision.HUGE_QUANTITIES);
    private final DepthMessage written = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
    private final UnsafeBuffer streamName = new UnsafeBuffer(new byte[MAX_NAME_LENGTH]);
    private final UnsafeBuffer symbolName = new UnsafeBuffer(new byte[MAX_NAME_LENGTH]);
    private final ByteBuffer combinedFrame;
    private final UnsafeBuffer combinedBuffer;
    private final ByteBuffer rawFrame;
    private final UnsafeBuffer rawBuffer;
    private final DepthMessage snapshot;
    private final DepthMessage writtenSnapshot;
    private final UnsafeBuffer snapshotBuffer;

    SimBinanceWire(
        final Venue venue,
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(symbols, books, subscriptions, sender, faults);
        this.futures = venue != Venue.BINANCE;
        final int frameCapacity = BinanceDepthEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, MAX_NAME_LENGTH, SimBook.MAX_DIFF_LEVELS);
        combinedFrame = ByteBuffer.allocate(frameCapacity);
        combinedBuffer = new UnsafeBuffer(combinedFrame);
        rawFrame = ByteBuffer.allocate(frameCapacity);
        rawBuffer = new UnsafeBuffer(rawFrame);
        sender.reserve(frameCapacity);
        final int snapshotLevels = 2 * books[0].sideCapacity();
        snapshot = new DepthMessage(snapshotLevels);
        writtenSnapshot = new DepthMessage(snapshotLevels);
        snapshotBuffer = new UnsafeBuffer(new byte[BinanceDepthEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, 0, snapshotLevels)]);
    }

    /**
     * @return the route a resource descriptor asks for, or null when it names no valid route.
     */
    static SimWebSocketServer.Route parseRoute(final String resource, final SimSymbols symbols)
    {
        final int queryStart = resource.indexOf('?');
        final String path = queryStart < 0 ? resource : resource.substring(0, queryStart);
        final String query = queryStart < 0 ? "" : resource.substring(queryStart + 1);
        if ("/ws".equals(path) || "/ws/".equals(path))
        {
            return new SimWebSocketServer.Route(false, new int[0]);
        }
        if (path.startsWith("/ws/"))
        {
            final int[] streams = parseStreams(decode(path.substring("/ws/".length())), symbols);
            return streams == null ? null : new SimWebSocketServer.Route(false, streams);
        }
        if ("/stream".equals(path) || "/stream/".equals(path))
        {
            String streams = "";
            for (final String parameter : query.split("&"))
            {
                if (parameter.startsWith("streams="))
                {
                    streams = decode(parameter.substring("streams=".length()));
                    break;
                }
            }
            final int[] indices = parseStreams(streams, symbols);
            return indices == null ? null : new SimWebSocketServer.Route(true, indices);
        }
        return null;
    }

    SimWebSocketServer.Route route(final String resource)
    {
        return parseRoute(resource, symbols);
    }

    SimControl parse(final String text)
    {
        final SimRequest request = SimRequest.parse(text, symbols);
        return (session) -> apply(session, request);
    }

    void onOpen(final SimSession session)
    {
        for (final int symbolIndex : session.initialSymbols())
        {
            subscriptions.subscribe(session, symbolIndex);
        }
    }

    void publish(final int symbolIndex, final DepthMessage bookDiff, final SimBook book)
    {
        final SimPrecision precision = symbols.precision(symbolIndex);
        final DepthMessage diff = precision.written(bookDiff, written);
        final BinanceDepthEncoder wireEncoder = encoder(precision);
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        final int count = subscriptions.subscriberCount(symbolIndex);
        final boolean faulty = faults.deliveryFaulty();
        if (faulty && faults.withholdDiff(count > 0))
        {
            return;
        }
        final long transactionTimeMs = futures ? diff.eventTimeMs() : BinanceDepthEncoder.NO_TIME;
        if (futures && count > 0)
        {
            symbols.setSymbol(diff, symbolName, symbolIndex);
            diff.previousUpdateId(diff.firstUpdateId() - 1);
        }
        int combinedLength = -1;
        int rawLength = -1;
        for (int i = 0; i < count; i++)
        {
            final SimSession session = sessions[i];
            if (sender.skip(session))
            {
                continue;
            }
            if (session.combined())
            {
                if (combinedLength < 0)
                {
                    final int nameLength = symbols.putStream(streamName, 0, symbolIndex);
                    combinedLength = wireEncoder.encodeCombinedDepthUpdate(
                        combinedBuffer, 0, streamName, 0, nameLength, diff, transactionTimeMs);
                }
                sender.send(session, combinedFrame, combinedLength, faulty);
            }
            else
            {
                if (rawLength < 0)
                {
                    rawLength = wireEncoder.encodeDepthUpdate(rawBuffer, 0, diff, transactionTimeMs);
                }
                sender.send(session, rawFrame, rawLength, faulty);
            }
        }
    }

    byte[] restSnapshot(final int symbolIndex, final int limit, final long nowMs)
    {
        books[symbolIndex].snapshot(limit, snapshot);
        final SimPrecision precision = symbols.precision(symbolIndex);
        final long timeMs = futures ? nowMs : BinanceDepthEncoder.NO_TIME;
        final int length = encoder(precision).encodeSnapshot(
            snapshotBuffer, 0, precision.written(snapshot, writtenSnapshot), timeMs, timeMs);
        final byte[] body = new byte[length];
        snapshotBuffer.getBytes(0, body);
        return body;
    }

    private BinanceDepthEncoder encoder(final SimPrecision precision)
    {
        if (precision == SimPrecision.TEN_DECIMAL_PRICES)
        {
            return tenDecimalPriceEncoder;
        }
        return precision == SimPrecision.HUGE_QUANTITIES ? hugeQuantityEncoder : encoder;
    }

    private static BinanceDepthEncoder encoderFor(final SimPrecision precision)
    {
        return new BinanceDepthEncoder(precision.priceScale(), precision.quantityScale());
    }

    private void apply(final SimSession session, final SimRequest request)
    {
        final String response;
        if (request.errorResponse != null)
        {
            response = request.errorResponse;
        }
        else
        {
            switch (request.method)
            {
                case SUBSCRIBE:
                    for (final int symbolIndex : request.symbolIndices)
                    {
                        subscriptions.subscribe(session, symbolIndex);
                    }
                    response = SimRequest.resultNull(request.idJson);
                    break;
                case UNSUBSCRIBE:
                    for (final int symbolIndex : request.symbolIndices)
                    {
                        subscriptions.unsubscribe(session, symbolIndex);
                    }
                    response = SimRequest.resultNull(request.idJson);
                    break;
                case LIST_SUBSCRIPTIONS:
                    final int[] streams = session.subscriptionsCopy();
                    response = SimRequest.resultStreams(symbols, streams, streams.length, request.idJson);
                    break;
                case SET_PROPERTY:
                    session.combined(request.combined);
                    response = SimRequest.resultNull(request.idJson);
                    break;
                default:
                    response = SimRequest.resultBoolean(session.combined(), request.idJson);
                    break;
            }
        }
        sender.reply(session, response);
    }

    private static int[] parseStreams(final String streams, final SimSymbols symbols)
    {
        if (streams == null)
        {
            return null;
        }
        if (streams.isEmpty())
        {
            return new int[0];
        }
        final String[] names = streams.split("/", -1);
        final int[] indices = new int[names.length];
        for (int i = 0; i < names.length; i++)
        {
            indices[i] = symbols.indexOfStream(names[i]);
            if (indices[i] < 0)
            {
                return null;
            }
        }
        return indices;
    }

    private static String decode(final String text)
    {
        try
        {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }
}
