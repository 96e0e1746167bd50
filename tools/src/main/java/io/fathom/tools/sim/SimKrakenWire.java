package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.kraken.KrakenBookEncoder;
import io.fathom.codec.kraken.KrakenProtocol;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Map;

/**
 * Kraken WebSocket v2 {@code book}, as https://docs.kraken.com/api/docs/websocket-v2/book documents it. On
 * open: {@code {"channel":"status",...}}. A client sends
 * {@code {"method":"subscribe","params":{"channel":"book","symbol":["SYM0/USD"],"depth":10},"req_id":1}}
 * (depth 10, 25, 100, 500 or 1000, default 10; {@code "snapshot":false} skips the snapshot) and gets, per
 * symbol, {@code {"method":"subscribe","req_id":1,"result":{"channel":"book","depth":10,"snapshot":true,
 * "symbol":"SYM0/USD"},"success":true,"time_in":..,"time_out":..}}, then the snapshot, then updates; an
 * unknown symbol gets {@code "success":false,"error":"Currency pair not supported"}. {@code unsubscribe}
 * takes the same params; {@code {"method":"ping","req_id":N}} is answered {@code "method":"pong"}.
 *
 * <p>Prices and quantities are JSON numbers at the instrument precision (2 and 8 decimals), every message
 * carries {@code checksum} over the top 10 levels, and the view is truncated at the subscribed depth:
 * levels pushed out are not sent. {@code {"channel":"heartbeat"}} goes to a subscribed connection idle for
 * a second.
 */
final class SimKrakenWire extends SimKrakenBookWire
{
    private static final String HEARTBEAT = "{\"channel\":\"heartbeat\"}";

    private final KrakenBookEncoder encoder = new KrakenBookEncoder();
    private long connectionIds = 1_000_000_000L;

    SimKrakenWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.KRAKEN, symbols, books, subscriptions, sender, faults,
            KrakenBookEncoder.maxEncodedLength(DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())),
            HEARTBEAT);
    }

    SimControl parse(final String text)
    {
        final Map<?, ?> request = SimJson.object(text);
        if (request == null)
        {
            return (session) -> error(session, null, null, null, "Malformed request");
        }
        final String method = SimJson.string(request, "method");
        final long reqId = SimJson.integer(request, "req_id", Long.MIN_VALUE);
        final String reqIdJson = reqId == Long.MIN_VALUE ? null : Long.toString(reqId);
        if ("ping".equals(method))
        {
            return (session) -> pong(session, reqIdJson);
        }
        if (!"subscribe".equals(method) && !"unsubscribe".equals(method))
        {
            return (session) -> error(session, method, reqIdJson, null, "Method not supported");
        }
        final Map<?, ?> params = SimJson.object(request, "params");
        final List<?> names = params == null ? null : SimJson.list(params, "symbol");
        if (params == null || !"book".equals(SimJson.string(params, "channel")) || names == null)
        {
            return (session) -> error(session, method, reqIdJson, null, "Channel or symbol field invalid");
        }
        final long depth = SimJson.integer(params, "depth", DEFAULT_DEPTH);
        if (depth < 0 || depth > Integer.MAX_VALUE || !KrakenProtocol.isValidDepth((int)depth))
        {
            return (session) -> error(session, method, reqIdJson, null, "Invalid depth");
        }
        final boolean snapshot = !Boolean.FALSE.equals(params.get("snapshot"));
        final boolean subscribe = "subscribe".equals(method);
        return (session) ->
        {
            for (final Object name : names)
            {
                final String symbol = name instanceof String ? (String)name : String.valueOf(name);
                final int symbolIndex = symbols.indexOf(symbol);
                if (subscribe)
                {
                    subscribe(session, symbolIndex, symbol, (int)depth, snapshot, reqIdJson);
                }
                else
                {
                    unsubscribe(session, symbolIndex, symbol, reqIdJson);
                }
            }
        };
    }

    void onOpen(final SimSession session)
    {
        sender.reply(session, "{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":" +
            connectionIds++ + ",\"system\":\"online\",\"version\":\"2.0.0\"}],\"type\":\"update\"}");
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        return encoder.encode(buffer, 0, message);
    }

    private void subscribe(
        final SimSession session,
        final int symbolIndex,
        final String symbol,
        final int depth,
        final boolean snapshot,
        final String reqIdJson)
    {
        if (symbolIndex < 0)
        {
            error(session, "subscribe", reqIdJson, symbol, "Currency pair not supported");
            return;
        }
        subscribe(session, symbolIndex, depth, -1);
        sender.reply(session, "{\"method\":\"subscribe\"" + reqId(reqIdJson) +
            ",\"result\":{\"channel\":\"book\",\"depth\":" + depth + ",\"snapshot\":" + snapshot + ",\"symbol\":" +
            SimJson.quote(symbol) + "},\"success\":true" + times() + "}");
        if (snapshot)
        {
            sendSnapshot(session, symbolIndex);
        }
    }

    private void unsubscribe(final SimSession session, final int symbolIndex, final String symbol, final String reqIdJson)
    {
        final int depth = symbolIndex < 0 ? 0 : session.depth(symbolIndex);
        if (symbolIndex < 0 || !unsubscribe(session, symbolIndex))
        {
            error(session, "unsubscribe", reqIdJson, symbol, "Subscription Not Found");
            return;
        }
        sender.reply(session, "{\"method\":\"unsubscribe\"" + reqId(reqIdJson) +
            ",\"result\":{\"channel\":\"book\",\"depth\":" + depth + ",\"symbol\":" + SimJson.quote(symbol) +
            "},\"success\":true" + times() + "}");
    }

    private void pong(final SimSession session, final String reqIdJson)
    {
        if (!faults.withholdPong())
        {
            sender.reply(session, "{\"method\":\"pong\"" + reqId(reqIdJson) + times() + "}");
        }
    }

    private void error(
        final SimSession session, final String method, final String reqIdJson, final String symbol, final String error)
    {
        sender.reply(session, "{\"error\":" + SimJson.quote(error) +
            (method == null ? "" : ",\"method\":" + SimJson.quote(method)) + reqId(reqIdJson) + ",\"success\":false" +
            (symbol == null ? "" : ",\"symbol\":" + SimJson.quote(symbol)) + times() + "}");
    }

    private static String reqId(final String reqIdJson)
    {
        return reqIdJson == null ? "" : ",\"req_id\":" + reqIdJson;
    }

    private String times()
    {
        final String now = SimJson.time(sender.nowMs());
        return ",\"time_in\":" + now + ",\"time_out\":" + now;
    }
}
