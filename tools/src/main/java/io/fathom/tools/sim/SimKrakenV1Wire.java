package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.codec.kraken.KrakenV1BookEncoder;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Map;

/**
 * Kraken WebSocket v1 {@code book}, as https://docs.kraken.com/api/docs/websocket-v1/book documents it. On
 * open: {@code {"connectionID":..,"event":"systemStatus","status":"online",..}}. A client sends
 * {@code {"event":"subscribe","pair":["SYM0/USD"],"subscription":{"name":"book","depth":10}}} (optional
 * {@code reqid}, echoed) and gets, per pair,
 * {@code {"channelID":N,"channelName":"book-10","event":"subscriptionStatus","pair":"SYM0/USD",
 * "status":"subscribed","subscription":{"depth":10,"name":"book"}}}, then the snapshot
 * {@code [N,{"as":[..],"bs":[..]},"book-10","SYM0/USD"]}, then updates with {@code "a"}/{@code "b"} and
 * the checksum {@code "c"}. Every subscription gets a new channel id, so a resubscribed pair's frames carry
 * a different one. {@code unsubscribe} takes the same fields, or {@code "channelID":N}; an unknown pair
 * gets {@code "status":"error","errorMessage":"Currency pair not supported ..."}.
 * {@code {"event":"ping","reqid":N}} is answered {@code {"event":"pong","reqid":N}}.
 *
 * <p>Prices are strings of 5 decimals, volumes of 8, each level stamped {@code seconds.micros}; the view
 * is truncated at the subscribed depth. {@code {"event":"heartbeat"}} goes to a subscribed connection idle
 * for a second.
 */
final class SimKrakenV1Wire extends SimKrakenBookWire
{
    private static final String HEARTBEAT = "{\"event\":\"heartbeat\"}";
    private static final int FIRST_CHANNEL_ID = 100;

    private final KrakenV1BookEncoder encoder = new KrakenV1BookEncoder();
    private long connectionIds = 10_000_000_000_000L;
    private int nextChannelId = FIRST_CHANNEL_ID;

    SimKrakenV1Wire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.KRAKEN_V1, symbols, books, subscriptions, sender, faults, KrakenV1BookEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())), HEARTBEAT);
    }

    SimControl parse(final String text)
    {
        final Map<?, ?> request = SimJson.object(text);
        if (request == null)
        {
            return (session) -> sender.reply(session, "{\"errorMessage\":\"Malformed request\",\"event\":\"error\"}");
        }
        final String event = SimJson.string(request, "event");
        final long reqId = SimJson.integer(request, "reqid", Long.MIN_VALUE);
        final String reqIdField = reqId == Long.MIN_VALUE ? "" : ",\"reqid\":" + reqId;
        if ("ping".equals(event))
        {
            return (session) -> pong(session, reqIdField);
        }
        if (!"subscribe".equals(event) && !"unsubscribe".equals(event))
        {
            return (session) -> sender.reply(session, "{\"errorMessage\":\"Unsupported event\",\"event\":\"error\"" +
                reqIdField + "}");
        }
        final boolean subscribe = "subscribe".equals(event);
        final Map<?, ?> subscription = SimJson.object(request, "subscription");
        final long channelId = SimJson.integer(request, "channelID", Long.MIN_VALUE);
        if (!subscribe && subscription == null && channelId != Long.MIN_VALUE)
        {
            return (session) -> unsubscribeChannel(session, channelId, reqIdField);
        }
        final long depth = subscription == null ? DEFAULT_DEPTH :
            SimJson.integer(subscription, "depth", DEFAULT_DEPTH);
        final List<?> pairs = SimJson.list(request, "pair");
        final String problem = subscription == null || !"book".equals(SimJson.string(subscription, "name")) ?
            "Subscription name invalid" : pairs == null ? "Pair field must be an array" :
            depth < 0 || depth > Integer.MAX_VALUE || !KrakenProtocol.isValidDepth((int)depth) ?
            "Subscription depth not supported" : null;
        if (problem != null)
        {
            return (session) -> sender.reply(session, "{\"errorMessage\":" + SimJson.quote(problem) +
                ",\"event\":\"subscriptionStatus\"" + reqIdField + ",\"status\":\"error\"}");
        }
        return (session) ->
        {
            for (final Object pair : pairs)
            {
                final String name = pair instanceof String ? (String)pair : String.valueOf(pair);
                apply(session, subscribe, symbols.indexOf(name), name, (int)depth, reqIdField);
            }
        };
    }

    void onOpen(final SimSession session)
    {
        sender.reply(session, "{\"connectionID\":" + connectionIds++ +
            ",\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.9.0\"}");
    }

    boolean checksumsSnapshots()
    {
        return false;
    }

    boolean encodesPerSession()
    {
        return true;
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        return encoder.encode(buffer, 0, session.channelId(symbolIndex), session.depth(symbolIndex), message);
    }

    private void apply(
        final SimSession session,
        final boolean subscribe,
        final int symbolIndex,
        final String pair,
        final int depth,
        final String reqIdField)
    {
        if (symbolIndex < 0 || (!subscribe && !session.isSubscribed(symbolIndex)))
        {
            sender.reply(session, "{\"errorMessage\":" +
                SimJson.quote(symbolIndex < 0 ? "Currency pair not supported " + pair : "Subscription Not Found") +
                ",\"event\":\"subscriptionStatus\",\"pair\":" + SimJson.quote(pair) + reqIdField +
                ",\"status\":\"error\",\"subscription\":{\"depth\":" + depth + ",\"name\":\"book\"}}");
            return;
        }
        if (subscribe)
        {
            final int channelId = nextChannelId++;
            subscribe(session, symbolIndex, depth, channelId);
            sender.reply(session, status(channelId, depth, pair, reqIdField, "subscribed"));
            sendSnapshot(session, symbolIndex);
        }
        else
        {
            final int channelId = session.channelId(symbolIndex);
            final int subscribedDepth = session.depth(symbolIndex);
            unsubscribe(session, symbolIndex);
            sender.reply(session, status(channelId, subscribedDepth, pair, reqIdField, "unsubscribed"));
        }
    }

    private void unsubscribeChannel(final SimSession session, final long channelId, final String reqIdField)
    {
        final int symbolIndex = channelId < 0 || channelId > Integer.MAX_VALUE ? -1 :
            session.symbolOfChannel((int)channelId);
        if (symbolIndex < 0)
        {
            sender.reply(session, "{\"errorMessage\":\"Subscription Not Found\",\"event\":\"subscriptionStatus\"" +
                reqIdField + ",\"status\":\"error\"}");
            return;
        }
        apply(session, false, symbolIndex, symbols.name(symbolIndex), session.depth(symbolIndex), reqIdField);
    }

    private void pong(final SimSession session, final String reqIdField)
    {
        if (!faults.withholdPong())
        {
            sender.reply(session, "{\"event\":\"pong\"" + reqIdField + "}");
        }
    }

    private static String status(
        final int channelId, final int depth, final String pair, final String reqIdField, final String status)
    {
        return "{\"channelID\":" + channelId + ",\"channelName\":\"book-" + depth +
            "\",\"event\":\"subscriptionStatus\",\"pair\":" + SimJson.quote(pair) + reqIdField + ",\"status\":\"" +
            status + "\",\"subscription\":{\"depth\":" + depth + ",\"name\":\"book\"}}";
    }
}
