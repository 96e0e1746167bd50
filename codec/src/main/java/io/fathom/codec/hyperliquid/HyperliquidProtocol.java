package io.fathom.codec.hyperliquid;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;

/**
 * Hyperliquid WebSocket session rules and the messages a client sends, as documented at
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket (subscriptions, heartbeats)
 * and https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/rate-limits-and-user-limits.
 * One subscription carries one coin.
 */
public final class HyperliquidProtocol
{
    /** Mainnet endpoint. */
    public static final String MAINNET_URL = "wss://api.hyperliquid.xyz/ws";

    /** Levels per side an {@code l2Book} message carries at most. */
    public static final int MAX_LEVELS_PER_SIDE = 20;

    /** "Maximum of 10 websocket connections" per IP. */
    public static final int MAX_CONNECTIONS_PER_IP = 10;

    /** "Maximum of 30 new websocket connections per minute" per IP. */
    public static final int MAX_NEW_CONNECTIONS_PER_MINUTE = 30;

    /** "Maximum of 1000 websocket subscriptions" per IP. */
    public static final int MAX_SUBSCRIPTIONS_PER_IP = 1000;

    /** "Maximum of 2000 messages sent to Hyperliquid per minute across all websocket connections". */
    public static final int MAX_CLIENT_MESSAGES_PER_MINUTE = 2000;

    /**
     * "The server will close any connection if it hasn't sent a message to it in the last 60 seconds": a
     * quiet book must be kept alive with {@link #encodePing}, answered by {@code {"channel":"pong"}}.
     */
    public static final long IDLE_TIMEOUT_MS = 60_000;

    private static final byte[] SUBSCRIBE = ascii("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":");
    private static final byte[] UNSUBSCRIBE =
        ascii("{\"method\":\"unsubscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":");
    private static final byte[] END = ascii("}}");
    private static final byte[] PING = ascii("{\"method\":\"ping\"}");

    private HyperliquidProtocol()
    {
    }

    /**
     * Writes {@code {"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC"}}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for a coin that is not plain ASCII.
     */
    public static int encodeSubscribe(final MutableDirectBuffer buffer, final int offset, final String coin)
    {
        return put(buffer, JsonWriter.putQuoted(buffer, put(buffer, offset, SUBSCRIBE), coin), END) - offset;
    }

    /** Writes the matching {@code unsubscribe}; see {@link #encodeSubscribe}. */
    public static int encodeUnsubscribe(final MutableDirectBuffer buffer, final int offset, final String coin)
    {
        return put(buffer, JsonWriter.putQuoted(buffer, put(buffer, offset, UNSUBSCRIBE), coin), END) - offset;
    }

    /** Writes {@code {"method":"ping"}}. */
    public static int encodePing(final MutableDirectBuffer buffer, final int offset)
    {
        return put(buffer, offset, PING) - offset;
    }
}
