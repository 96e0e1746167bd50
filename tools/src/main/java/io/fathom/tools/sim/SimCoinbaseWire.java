package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.coinbase.CoinbaseLevel2Encoder;
import io.fathom.codec.coinbase.CoinbaseProtocol;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Advanced Trade market data, as https://docs.cdp.coinbase.com/advanced-trade/docs/ws-channels
 * documents it. A client sends {@code {"type":"subscribe","product_ids":["SYM0-USD"],"channel":"level2"}}
 * and gets a {@code subscriptions} message listing everything the connection is subscribed to, then per
 * product an {@code l2_data} event of type {@code snapshot} (the whole book), then {@code update} events.
 * {@code {"type":"subscribe","channel":"heartbeats"}} adds a {@code heartbeats} message a second.
 * {@code unsubscribe} takes the same fields and is answered with the {@code subscriptions} left. A request
 * naming an unknown product or channel changes nothing and gets {@code {"type":"error","message":..}}.
 *
 * <p>{@code sequence_num} counts every message on the connection from 0, whatever its channel
 * (subscriptions, l2_data, heartbeats); errors carry none. A diff withheld by a fault costs each subscribed
 * connection one number, so the client sees the gap. Prices are strings of 2 decimals, quantities of 8,
 * a removal {@code "0"}.
 */
final class SimCoinbaseWire extends SimSnapshotWire
{
    private static final long HEARTBEAT_INTERVAL_MS = 1_000;

    private final CoinbaseLevel2Encoder encoder = new CoinbaseLevel2Encoder();

    SimCoinbaseWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.COINBASE, symbols, books, subscriptions, sender, faults, CoinbaseLevel2Encoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())));
    }

    SimControl parse(final String text)
    {
        final Map<?, ?> request = SimJson.object(text);
        final String type = request == null ? null : SimJson.string(request, "type");
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type))
        {
            return (session) -> error(session, "Failed to parse request", "expected type subscribe or unsubscribe");
        }
        final boolean subscribe = "subscribe".equals(type);
        final String channel = SimJson.string(request, "channel");
        if (CoinbaseProtocol.HEARTBEATS_CHANNEL.equals(channel))
        {
            return (session) ->
            {
                session.heartbeats(subscribe);
                if (subscribe)
                {
                    session.nextHeartbeatMs(sender.nowMs() + HEARTBEAT_INTERVAL_MS);
                }
                sendSubscriptions(session);
            };
        }
        final List<?> productIds = SimJson.list(request, "product_ids");
        if (!CoinbaseProtocol.LEVEL2_CHANNEL.equals(channel) || productIds == null || productIds.isEmpty())
        {
            return (session) -> error(session, "Failed to subscribe", "unsupported channel or no product_ids");
        }
        final int[] indices = new int[productIds.size()];
        for (int i = 0; i < indices.length; i++)
        {
            final Object productId = productIds.get(i);
            indices[i] = productId instanceof String ? symbols.indexOf((String)productId) : -1;
            if (indices[i] < 0)
            {
                final String reason = productId + " is not a valid product";
                return (session) -> error(session, "Failed to subscribe", reason);
            }
        }
        return (session) ->
        {
            for (final int symbolIndex : indices)
            {
                if (subscribe)
                {
                    subscribe(session, symbolIndex, SimBookView.FULL_DEPTH, -1);
                }
                else
                {
                    unsubscribe(session, symbolIndex);
                }
            }
            sendSubscriptions(session);
            if (subscribe)
            {
                for (final int symbolIndex : indices)
                {
                    sendSnapshot(session, symbolIndex);
                }
            }
        };
    }

    int onTimer(final long nowMs)
    {
        int sent = 0;
        for (int i = 0, count = subscriptions.openCount(); i < count; i++)
        {
            final SimSession session = subscriptions.open(i);
            if (session.heartbeats() && !session.dropped() && nowMs - session.nextHeartbeatMs() >= 0)
            {
                session.nextHeartbeatMs(nowMs + HEARTBEAT_INTERVAL_MS);
                final int length = encoder.encodeHeartbeat(
                    scratchBuffer(), 0, session.nextSequence(), nowMs, session.nextHeartbeatCount());
                sendScratch(session, length);
                sent++;
            }
        }
        return sent;
    }

    int depth(final SimSession session, final int symbolIndex)
    {
        return SimBookView.FULL_DEPTH;
    }

    boolean encodesPerSession()
    {
        return true;
    }

    void onWithheld(final int symbolIndex)
    {
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        for (int i = 0, count = subscriptions.subscriberCount(symbolIndex); i < count; i++)
        {
            sessions[i].nextSequence();
        }
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        message.sequence(session.nextSequence());
        return encoder.encode(buffer, 0, message);
    }

    private void sendSubscriptions(final SimSession session)
    {
        final List<String> products = new ArrayList<>();
        for (int i = 0, count = session.subscriptionCount(); i < count; i++)
        {
            products.add(SimJson.quote(symbols.name(session.subscription(i))));
        }
        final List<String> channels = new ArrayList<>();
        if (!products.isEmpty())
        {
            channels.add("\"level2\":[" + String.join(",", products) + "]");
        }
        if (session.heartbeats())
        {
            channels.add("\"heartbeats\":[\"heartbeats\"]");
        }
        sender.reply(session, "{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":" +
            SimJson.time(sender.nowMs()) + ",\"sequence_num\":" + session.nextSequence() +
            ",\"events\":[{\"subscriptions\":{" + String.join(",", channels) + "}}]}");
    }

    private void error(final SimSession session, final String message, final String reason)
    {
        sender.reply(session, "{\"type\":\"error\",\"message\":" + SimJson.quote(message) + ",\"reason\":" +
            SimJson.quote(reason) + "}");
    }
}
