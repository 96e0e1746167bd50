package io.fathom.codec.coinbase;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;

/**
 * Coinbase Advanced Trade market-data WebSocket session rules and the messages a client sends, as documented
 * at https://docs.cdp.coinbase.com/advanced-trade/docs/ws-overview,
 * https://docs.cdp.coinbase.com/advanced-trade/docs/ws-channels and
 * https://docs.cdp.coinbase.com/coinbase-business/advanced-trade-apis/websocket/websocket-rate-limits.
 */
public final class CoinbaseProtocol
{
    /** Public market data endpoint. */
    public static final String MARKET_DATA_URL = "wss://advanced-trade-ws.coinbase.com";

    /** The order book channel; its messages arrive on channel {@code l2_data}. */
    public static final String LEVEL2_CHANNEL = "level2";

    /**
     * "Most channels close within 60-90 seconds if no updates are sent. To keep these connections open,
     * subscribe to the heartbeats channel": heartbeats arrive once a second and take a {@code sequence_num}.
     */
    public static final String HEARTBEATS_CHANNEL = "heartbeats";

    /** The connection is closed when no subscribe message arrives within this after it opens. */
    public static final long SUBSCRIBE_DEADLINE_MS = 5_000;

    /** "WebSocket connections are rate-limited at 750 per second per IP address". */
    public static final int MAX_CONNECTS_PER_SECOND_PER_IP = 750;

    /** "WebSocket unauthenticated messages are rate-limited at 8 per second per IP address". */
    public static final int MAX_UNAUTHENTICATED_MESSAGES_PER_SECOND_PER_IP = 8;

    private static final byte[] SUBSCRIBE = ascii("{\"type\":\"subscribe\"");
    private static final byte[] UNSUBSCRIBE = ascii("{\"type\":\"unsubscribe\"");
    private static final byte[] PRODUCT_IDS = ascii(",\"product_ids\":");
    private static final byte[] CHANNEL = ascii(",\"channel\":");

    private CoinbaseProtocol()
    {
    }

    /**
     * Writes {@code {"type":"subscribe","product_ids":["BTC-USD",...],"channel":"level2"}}; with no products
     * (as for {@code heartbeats}) the {@code product_ids} field is left out. Public channels need no JWT.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for a name that is not plain ASCII.
     */
    public static int encodeSubscribe(
        final MutableDirectBuffer buffer, final int offset, final String channel, final List<String> productIds)
    {
        return encode(buffer, offset, SUBSCRIBE, channel, productIds);
    }

    /** Writes the matching {@code unsubscribe}; see {@link #encodeSubscribe}. */
    public static int encodeUnsubscribe(
        final MutableDirectBuffer buffer, final int offset, final String channel, final List<String> productIds)
    {
        return encode(buffer, offset, UNSUBSCRIBE, channel, productIds);
    }

    private static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] type,
        final String channel,
        final List<String> productIds)
    {
        int index = put(buffer, offset, type);
        if (!productIds.isEmpty())
        {
            index = put(buffer, index, PRODUCT_IDS);
            index = JsonWriter.putQuotedList(buffer, index, productIds);
        }
        index = put(buffer, index, CHANNEL);
        index = JsonWriter.putQuoted(buffer, index, channel);
        return JsonWriter.putByte(buffer, index, '}') - offset;
    }
}
