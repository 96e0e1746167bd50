package io.fathom.codec.okx;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;

/**
 * OKX v5 public WebSocket session rules and the messages a client sends, as documented at
 * https://www.okx.com/docs-v5/en/#overview-websocket (connect, subscribe, keep-alive) and
 * https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel.
 */
public final class OkxProtocol
{
    /** Public market data endpoint. */
    public static final String PUBLIC_URL = "wss://ws.okx.com:8443/ws/v5/public";

    /** The full-depth incremental channel: a 400-level snapshot, then updates every 100 ms, checksummed. */
    public static final String BOOKS_CHANNEL = "books";

    /** Levels per side in the {@code books} snapshot. */
    public static final int BOOKS_DEPTH = 400;

    /** "Connection limit: 3 requests per second (based on IP)". */
    public static final int MAX_CONNECTS_PER_SECOND_PER_IP = 3;

    /** "480 'subscribe/unsubscribe/login' requests per connection per hour". */
    public static final int MAX_SUBSCRIPTION_REQUESTS_PER_HOUR = 480;

    /** "The total length of multiple channels cannot exceed 64 KB" in one subscribe request. */
    public static final int MAX_SUBSCRIBE_REQUEST_BYTES = 64 * 1024;

    /**
     * "If there's no data return after connecting for 30 seconds, the connection will break": the client
     * sends {@link #PING} when nothing arrived for N &lt; 30 s and expects {@code pong} within N.
     */
    public static final long IDLE_TIMEOUT_MS = 30_000;

    /** The keep-alive the client sends: the bare text {@code ping}; OKX answers {@code pong}. */
    public static final String PING = "ping";

    private static final byte[] SUBSCRIBE = ascii("{\"op\":\"subscribe\",\"args\":[");
    private static final byte[] UNSUBSCRIBE = ascii("{\"op\":\"unsubscribe\",\"args\":[");
    private static final byte[] CHANNEL = ascii("{\"channel\":");
    private static final byte[] INST_ID = ascii(",\"instId\":");
    private static final byte[] END = ascii("]}");

    private OkxProtocol()
    {
    }

    /**
     * Writes {@code {"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"},...]}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for an instrument id that is not plain ASCII.
     */
    public static int encodeSubscribe(
        final MutableDirectBuffer buffer, final int offset, final String channel, final List<String> instIds)
    {
        return encode(buffer, offset, SUBSCRIBE, channel, instIds);
    }

    /** Writes the matching {@code unsubscribe}; see {@link #encodeSubscribe}. */
    public static int encodeUnsubscribe(
        final MutableDirectBuffer buffer, final int offset, final String channel, final List<String> instIds)
    {
        return encode(buffer, offset, UNSUBSCRIBE, channel, instIds);
    }

    private static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] op,
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
            index = put(buffer, index, CHANNEL);
            index = JsonWriter.putQuoted(buffer, index, channel);
            index = put(buffer, index, INST_ID);
            index = JsonWriter.putQuoted(buffer, index, instIds.get(i));
            index = JsonWriter.putByte(buffer, index, '}');
        }
        return put(buffer, index, END) - offset;
    }
}
