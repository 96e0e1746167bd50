package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.hyperliquid.HyperliquidL2BookEncoder;
import io.fathom.codec.hyperliquid.HyperliquidProtocol;
import org.agrona.MutableDirectBuffer;

import java.util.Map;

/**
 * Hyperliquid {@code l2Book}, as
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions documents it. A
 * client sends {@code {"method":"subscribe","subscription":{"type":"l2Book","coin":"SYM0"}}} and gets
 * {@code {"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"l2Book",
 * "coin":"SYM0"}}}}, then {@code l2Book} messages, each the whole top 20 levels a side: one at once, then one
 * for every diff of the coin's book, at the configured rate. {@code unsubscribe} is answered the same way;
 * an unknown coin or type gets {@code {"channel":"error","data":..}}. {@code {"method":"ping"}} is answered
 * {@code {"channel":"pong"}}.
 *
 * <p>No sequence, no checksum: every message replaces the book, so a withheld one is never noticed.
 * Prices and sizes are strings without trailing zeros.
 */
final class SimHyperliquidWire extends SimSnapshotWire
{
    private final HyperliquidL2BookEncoder encoder = new HyperliquidL2BookEncoder();

    SimHyperliquidWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.HYPERLIQUID, symbols, books, subscriptions, sender, faults,
            HyperliquidL2BookEncoder.maxEncodedLength(
                DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())));
    }

    SimControl parse(final String text)
    {
        final Map<?, ?> request = SimJson.object(text);
        final String method = request == null ? null : SimJson.string(request, "method");
        if ("ping".equals(method))
        {
            return this::pong;
        }
        final Map<?, ?> subscription = request == null ? null : SimJson.object(request, "subscription");
        final String type = subscription == null ? null : SimJson.string(subscription, "type");
        final String coin = subscription == null ? null : SimJson.string(subscription, "coin");
        final int symbolIndex = coin == null ? -1 : symbols.indexOf(coin);
        if ((!"subscribe".equals(method) && !"unsubscribe".equals(method)) || !"l2Book".equals(type) ||
            symbolIndex < 0)
        {
            return (session) -> sender.reply(session, "{\"channel\":\"error\",\"data\":" +
                SimJson.quote("Invalid subscription " + text) + "}");
        }
        final boolean subscribe = "subscribe".equals(method);
        final String response = "{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"" + method +
            "\",\"subscription\":{\"type\":\"l2Book\",\"coin\":" + SimJson.quote(coin) + "}}}";
        return (session) ->
        {
            if (subscribe)
            {
                subscribe(session, symbolIndex, HyperliquidProtocol.MAX_LEVELS_PER_SIDE, -1);
                sender.reply(session, response);
                sendSnapshot(session, symbolIndex);
            }
            else
            {
                unsubscribe(session, symbolIndex);
                sender.reply(session, response);
            }
        };
    }

    int depth(final SimSession session, final int symbolIndex)
    {
        return HyperliquidProtocol.MAX_LEVELS_PER_SIDE;
    }

    boolean publishesSnapshots()
    {
        return true;
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        return encoder.encode(buffer, 0, message);
    }

    private void pong(final SimSession session)
    {
        if (!faults.withholdPong())
        {
            sender.reply(session, "{\"channel\":\"pong\"}");
        }
    }
}
