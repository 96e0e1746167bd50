package io.fathom.codec.kraken;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * Kraken spot WebSocket session rules (v1 and v2) and the messages a client sends, as documented at
 * https://docs.kraken.com/api/docs/websocket-v1/book, https://docs.kraken.com/api/docs/websocket-v2/book
 * and https://docs.kraken.com/api/docs/guides/spot-ws-intro.
 */
public final class KrakenProtocol
{
    /** WebSocket v1 public endpoint. */
    public static final String V1_URL = "wss://ws.kraken.com";

    /** WebSocket v2 public endpoint. */
    public static final String V2_URL = "wss://ws.kraken.com/v2";

    /** The book depths a subscription may ask for ({@code depth}); the default is 10. */
    private static final int[] DEPTHS = { 10, 25, 100, 500, 1000 };

    /**
     * Cloudflare's documented limit on connection attempts: "approximately 150 attempts per rolling 10
     * minutes" per IP, so a mass reconnect must be paced.
     */
    public static final int MAX_CONNECTION_ATTEMPTS_PER_10_MINUTES = 150;

    /**
     * The server sends a heartbeat ({@code {"event":"heartbeat"}}, v2 {@code {"channel":"heartbeat"}}) about
     * once a second when no subscription traffic flowed; a client may send ping to test liveness.
     */
    public static final long HEARTBEAT_INTERVAL_MS = 1_000;

    private static final byte[] V1_SUBSCRIBE = ascii("{\"event\":\"subscribe\",\"pair\":");
    private static final byte[] V1_UNSUBSCRIBE = ascii("{\"event\":\"unsubscribe\",\"pair\":");
    private static final byte[] V1_BOOK = ascii(",\"subscription\":{\"name\":\"book\",\"depth\":");
    private static final byte[] V1_PING = ascii("{\"event\":\"ping\",\"reqid\":");
    private static final byte[] V2_SUBSCRIBE = ascii("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":");
    private static final byte[] V2_UNSUBSCRIBE =
        ascii("{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"book\",\"symbol\":");
    private static final byte[] V2_DEPTH = ascii(",\"depth\":");
    private static final byte[] V2_REQ_ID = ascii("},\"req_id\":");
    private static final byte[] V2_PING = ascii("{\"method\":\"ping\",\"req_id\":");
    private static final byte[] CLOSE_TWO = ascii("}}");

    private KrakenProtocol()
    {
    }

    /** Whether Kraken accepts {@code depth} for a book subscription. */
    public static boolean isValidDepth(final int depth)
    {
        for (final int valid : DEPTHS)
        {
            if (valid == depth)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes v1 {@code {"event":"subscribe","pair":["XBT/USD",...],"subscription":{"name":"book","depth":N}}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for an invalid depth or a pair that is not plain ASCII.
     */
    public static int encodeV1Subscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> pairs, final int depth)
    {
        return encodeV1(buffer, offset, V1_SUBSCRIBE, pairs, depth);
    }

    /** Writes the matching v1 {@code unsubscribe}; see {@link #encodeV1Subscribe}. */
    public static int encodeV1Unsubscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> pairs, final int depth)
    {
        return encodeV1(buffer, offset, V1_UNSUBSCRIBE, pairs, depth);
    }

    /** Writes v1 {@code {"event":"ping","reqid":N}}; Kraken answers {@code {"event":"pong","reqid":N}}. */
    public static int encodeV1Ping(final MutableDirectBuffer buffer, final int offset, final long reqId)
    {
        int index = put(buffer, offset, V1_PING);
        index = putLong(buffer, index, reqId);
        return JsonWriter.putByte(buffer, index, '}') - offset;
    }

    /**
     * Writes v2 {@code {"method":"subscribe","params":{"channel":"book","symbol":[...],"depth":N},"req_id":R}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for an invalid depth or a symbol that is not plain ASCII.
     */
    public static int encodeV2Subscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> symbols, final int depth, final long reqId)
    {
        return encodeV2(buffer, offset, V2_SUBSCRIBE, symbols, depth, reqId);
    }

    /** Writes the matching v2 {@code unsubscribe}; see {@link #encodeV2Subscribe}. */
    public static int encodeV2Unsubscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> symbols, final int depth, final long reqId)
    {
        return encodeV2(buffer, offset, V2_UNSUBSCRIBE, symbols, depth, reqId);
    }

    /** Writes v2 {@code {"method":"ping","req_id":N}}; Kraken answers with {@code "method":"pong"}. */
    public static int encodeV2Ping(final MutableDirectBuffer buffer, final int offset, final long reqId)
    {
        int index = put(buffer, offset, V2_PING);
        index = putLong(buffer, index, reqId);
        return JsonWriter.putByte(buffer, index, '}') - offset;
    }

    private static int encodeV1(
        final MutableDirectBuffer buffer, final int offset, final byte[] event, final List<String> pairs, final int depth)
    {
        checkDepth(depth);
        int index = put(buffer, offset, event);
        index = JsonWriter.putQuotedList(buffer, index, pairs);
        index = put(buffer, index, V1_BOOK);
        index = putLong(buffer, index, depth);
        return put(buffer, index, CLOSE_TWO) - offset;
    }

    private static int encodeV2(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] method,
        final List<String> symbols,
        final int depth,
        final long reqId)
    {
        checkDepth(depth);
        int index = put(buffer, offset, method);
        index = JsonWriter.putQuotedList(buffer, index, symbols);
        index = put(buffer, index, V2_DEPTH);
        index = putLong(buffer, index, depth);
        index = put(buffer, index, V2_REQ_ID);
        index = putLong(buffer, index, reqId);
        return JsonWriter.putByte(buffer, index, '}') - offset;
    }

    private static void checkDepth(final int depth)
    {
        if (!isValidDepth(depth))
        {
            throw new IllegalArgumentException("Kraken book depth must be 10, 25, 100, 500 or 1000: " + depth);
        }
    }
}
