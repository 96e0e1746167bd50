package io.fathom.codec.bitget;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;

/**
 * Bitget v1 public WebSocket session rules and the messages a client sends, as documented at
 * https://bitgetlimited.github.io/apidoc/en/spot/#websocketapi and
 * https://bitgetlimited.github.io/apidoc/en/mix/#websocketapi (the v1 books channel is checksummed like
 * OKX's; see {@link io.fathom.codec.checksum.OkxChecksum}).
 */
public final class BitgetProtocol
{
    /** Spot v1 public endpoint. */
    public static final String SPOT_URL = "wss://ws.bitget.com/spot/v1/stream";

    /** Futures (mix) v1 public endpoint. */
    public static final String MIX_URL = "wss://ws.bitget.com/mix/v1/stream";

    /** {@code instType} a client subscribes spot with. */
    public static final String SPOT_INST_TYPE = "SP";

    /** {@code instType} a client subscribes futures with. */
    public static final String MIX_INST_TYPE = "MC";

    /** {@code instType} as Bitget writes it in spot pushes. */
    public static final String SPOT_PUSH_INST_TYPE = "sp";

    /** {@code instType} as Bitget writes it in futures pushes. */
    public static final String MIX_PUSH_INST_TYPE = "mc";

    /** The full-depth incremental, checksummed channel. */
    public static final String BOOKS_CHANNEL = "books";

    /** "Connection limit: 100 connections per IP". */
    public static final int MAX_CONNECTIONS_PER_IP = 100;

    /** "Subscription limit: 240 times per hour" per connection. */
    public static final int MAX_SUBSCRIPTION_REQUESTS_PER_HOUR = 240;

    /** "A single connection can subscribe up to 1000 Streams" (Bitget advises fewer than 50). */
    public static final int MAX_CHANNELS_PER_CONNECTION = 1000;

    /** "The Websocket server accepts up to 10 messages per second", pings and subscriptions alike. */
    public static final int MAX_CLIENT_MESSAGES_PER_SECOND = 10;

    /** "Users set a 30 seconds timer to send string 'ping'". */
    public static final long PING_INTERVAL_MS = 30_000;

    /** "Websocket server will disconnect the connection if there is no string 'ping' received for 2 min". */
    public static final long NO_PING_DISCONNECT_MS = 120_000;

    /** The keep-alive the client sends, bare text; Bitget answers {@code pong}. */
    public static final String PING = "ping";

    private static final byte[] SUBSCRIBE = ascii("{\"op\":\"subscribe\",\"args\":[");
    private static final byte[] UNSUBSCRIBE = ascii("{\"op\":\"unsubscribe\",\"args\":[");
    private static final byte[] INST_TYPE = ascii("{\"instType\":");
    private static final byte[] CHANNEL = ascii(",\"channel\":");
    private static final byte[] INST_ID = ascii(",\"instId\":");
    private static final byte[] END = ascii("]}");

    private BitgetProtocol()
    {
    }

    /**
     * Writes {@code {"op":"subscribe","args":[{"instType":"SP","channel":"books","instId":"BTCUSDT"},...]}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for a name that is not plain ASCII.
     */
    public static int encodeSubscribe(
        final MutableDirectBuffer buffer,
        final int offset,
        final String instType,
        final String channel,
        final List<String> instIds)
    {
        return encode(buffer, offset, SUBSCRIBE, instType, channel, instIds);
    }

    /** Writes the matching {@code unsubscribe}; see {@link #encodeSubscribe}. */
    public static int encodeUnsubscribe(
        final MutableDirectBuffer buffer,
        final int offset,
        final String instType,
        final String channel,
        final List<String> instIds)
    {
        return encode(buffer, offset, UNSUBSCRIBE, instType, channel, instIds);
    }

    private static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] op,
        final String instType,
        final String channel,
        final List<String> instIds)
    {
        int index = put(buffer, offset, op);
        for (int i = 0; i < instIds.size(); i++)
        {
            if (i > 0)
            {
                index = JsonWriter.putByte(buffer, index, ',');
            }
            index = put(buffer, index, INST_TYPE);
            index = JsonWriter.putQuoted(buffer, index, instType);
            index = put(buffer, index, CHANNEL);
            index = JsonWriter.putQuoted(buffer, index, channel);
            index = put(buffer, index, INST_ID);
            index = JsonWriter.putQuoted(buffer, index, instIds.get(i));
            index = JsonWriter.putByte(buffer, index, '}');
        }
        return put(buffer, index, END) - offset;
    }
}
