package io.fathom.codec.binance;

import io.fathom.codec.Venue;

/**
 * The three Binance depth markets {@link BinanceDepthDecoder} serves, with the session rules each
 * documents (https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams,
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams,
 * https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-market-streams) and the
 * REST order book endpoint a resync fetches. Futures events carry {@code pu}, spot's do not; the sync
 * rules differ accordingly (see {@code data/realdata/README.md}).
 */
public enum BinanceMarket
{
    /** Spot: {@code /api/v3/depth}, weight 50 at limit 1000 of 6000 per minute per IP. */
    SPOT("wss://stream.binance.com:9443", "https://api.binance.com", "/api/v3/depth", 5, 20_000, 60_000, 50, 6_000,
        false),

    /** USD-M futures (symbols such as BTCUSDT): {@code /fapi/v1/depth}, weight 20 at limit 1000 of 2400 per minute. */
    USDM("wss://fstream.binance.com", "https://fapi.binance.com", "/fapi/v1/depth", 10, 180_000, 600_000, 20, 2_400,
        true),

    /** COIN-M futures (symbols such as BTCUSD_PERP): {@code /dapi/v1/depth}, weight 20 at limit 1000 of 2400 per minute. */
    COINM("wss://dstream.binance.com", "https://dapi.binance.com", "/dapi/v1/depth", 10, 180_000, 600_000, 20, 2_400,
        true);

    /** "A single connection can listen to a maximum of 1024 streams" (every market). */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    /** "A single connection is only valid for 24 hours; expect to be disconnected at the 24 hour mark". */
    public static final long MAX_CONNECTION_LIFETIME_MS = 24L * 60 * 60 * 1000;

    /** The snapshot depth the real recordings and the sync rule use. */
    public static final int SNAPSHOT_LIMIT = 1000;

    private final String wsBaseUrl;
    private final String restBaseUrl;
    private final String depthPath;
    private final int maxIncomingMessagesPerSecond;
    private final long serverPingIntervalMs;
    private final long pongTimeoutMs;
    private final int snapshotWeight;
    private final int requestWeightPerMinute;
    private final boolean hasPreviousUpdateId;

    BinanceMarket(
        final String wsBaseUrl,
        final String restBaseUrl,
        final String depthPath,
        final int maxIncomingMessagesPerSecond,
        final long serverPingIntervalMs,
        final long pongTimeoutMs,
        final int snapshotWeight,
        final int requestWeightPerMinute,
        final boolean hasPreviousUpdateId)
    {
        this.wsBaseUrl = wsBaseUrl;
        this.restBaseUrl = restBaseUrl;
        this.depthPath = depthPath;
        this.maxIncomingMessagesPerSecond = maxIncomingMessagesPerSecond;
        this.serverPingIntervalMs = serverPingIntervalMs;
        this.pongTimeoutMs = pongTimeoutMs;
        this.snapshotWeight = snapshotWeight;
        this.requestWeightPerMinute = requestWeightPerMinute;
        this.hasPreviousUpdateId = hasPreviousUpdateId;
    }

    /** The market a Binance venue trades on; null for the other venues, which take no REST snapshot. */
    public static BinanceMarket forVenue(final Venue venue)
    {
        switch (venue)
        {
            case BINANCE:
                return SPOT;
            case BINANCE_USDM:
                return USDM;
            case BINANCE_COINM:
                return COINM;
            default:
                return null;
        }
    }

    /** WebSocket base; combined streams are at {@code /stream?streams=a/b}, raw ones at {@code /ws/<stream>}. */
    public String wsBaseUrl()
    {
        return wsBaseUrl;
    }

    public String restBaseUrl()
    {
        return restBaseUrl;
    }

    /** The REST order book path, queried with {@code ?symbol=<SYMBOL>&limit=<n>}. */
    public String depthPath()
    {
        return depthPath;
    }

    /** The REST url of a depth snapshot, e.g. {@code https://dapi.binance.com/dapi/v1/depth?symbol=BTCUSD_PERP&limit=1000}. */
    public String snapshotUrl(final String symbol, final int limit)
    {
        return restBaseUrl + depthPath + "?symbol=" + symbol + "&limit=" + limit;
    }

    /** "WebSocket connections have a limit of N incoming messages per second" (pings, pongs, subscriptions). */
    public int maxIncomingMessagesPerSecond()
    {
        return maxIncomingMessagesPerSecond;
    }

    /** How often the server sends a ping frame (spot every 20 s, futures every 3 minutes). */
    public long serverPingIntervalMs()
    {
        return serverPingIntervalMs;
    }

    /** The server disconnects when no pong arrives within this (spot 1 minute, futures 10 minutes). */
    public long pongTimeoutMs()
    {
        return pongTimeoutMs;
    }

    /** Request weight of one depth snapshot at {@link #SNAPSHOT_LIMIT}. */
    public int snapshotWeight()
    {
        return snapshotWeight;
    }

    /** The REST request weight allowed per minute per IP. */
    public int requestWeightPerMinute()
    {
        return requestWeightPerMinute;
    }

    /** Whether depth events carry {@code pu}, chaining each event to the previous one (futures). */
    public boolean hasPreviousUpdateId()
    {
        return hasPreviousUpdateId;
    }
}
