package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceProtocol;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.coinbase.CoinbaseProtocol;
import io.fathom.codec.hyperliquid.HyperliquidProtocol;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.codec.okx.OkxProtocol;
import org.agrona.ExpandableArrayBuffer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How one venue's depth streams are opened on a connection and closed again: Binance names its streams in
 * the URL and unsubscribes by message; the others subscribe by message once the socket is open, and a
 * resync is an unsubscribe followed by a subscribe, which makes the venue send a fresh snapshot. Used on
 * the supervisor thread only; the messages it builds are control traffic, not the hot path.
 */
abstract class VenueStreams
{
    /** Binance's update speed for the diff-depth streams. */
    static final int DEPTH_UPDATE_SPEED_MS = 100;

    protected final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);

    static VenueStreams forVenue(final Venue venue, final int depth)
    {
        switch (venue)
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                return new Binance();
            case KRAKEN:
                return new Kraken(depth, true);
            case KRAKEN_V1:
                return new Kraken(depth, false);
            case OKX:
                // OKX drops a connection silent for 30 s; a text ping keeps a quiet one open.
                return new Listed((b, symbols) -> OkxProtocol.encodeSubscribe(b, 0, OkxProtocol.BOOKS_CHANNEL, symbols),
                    (b, symbols) -> OkxProtocol.encodeUnsubscribe(b, 0, OkxProtocol.BOOKS_CHANNEL, symbols),
                    OkxProtocol.PING, OkxProtocol.IDLE_TIMEOUT_MS * 5 / 6);
            case BITGET:
                return new Listed(
                    (b, symbols) -> BitgetProtocol.encodeSubscribe(
                        b, 0, BitgetProtocol.SPOT_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, symbols),
                    (b, symbols) -> BitgetProtocol.encodeUnsubscribe(
                        b, 0, BitgetProtocol.SPOT_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, symbols),
                    BitgetProtocol.PING, BitgetProtocol.PING_INTERVAL_MS);
            case COINBASE:
                return new Coinbase();
            case HYPERLIQUID:
                return new Hyperliquid();
            default:
                throw new IllegalArgumentException("no streams for venue " + venue);
        }
    }

    /** The URI to open for the given symbols: the base URL, for venues that subscribe by message. */
    URI connectUri(final String wsBaseUrl, final List<String> symbols)
    {
        return URI.create(wsBaseUrl);
    }

    /** Messages to send once the socket is open so the symbols' data flows; empty when the URI subscribed. */
    abstract List<String> subscribe(List<String> symbols, long requestId);

    /** The messages that stop the symbols' data. */
    abstract List<String> unsubscribe(List<String> symbols, long requestId);

    /** The messages that start the symbols' data again after {@link #unsubscribe}, for a resync. */
    List<String> resubscribe(final List<String> symbols, final long requestId)
    {
        return subscribe(symbols, requestId);
    }

    /** A text message the venue wants at {@link #pingIntervalMs()} to keep the connection open, or null. */
    String pingMessage()
    {
        return null;
    }

    long pingIntervalMs()
    {
        return 0;
    }

    /** True when a book's resync is a resubscribe on its connection (the venue sends snapshots on the stream). */
    boolean resubscribeToResync()
    {
        return true;
    }

    protected final String text(final int length)
    {
        return buffer.getStringWithoutLengthAscii(0, length);
    }

    /** Binance: {@code /stream?streams=a@depth@100ms/b@depth@100ms}, {@code UNSUBSCRIBE} by stream name. */
    private static final class Binance extends VenueStreams
    {
        @Override
        URI connectUri(final String wsBaseUrl, final List<String> symbols)
        {
            final StringBuilder uri = new StringBuilder(wsBaseUrl).append("/stream?streams=");
            for (int i = 0; i < symbols.size(); i++)
            {
                uri.append(i == 0 ? "" : "/").append(BinanceProtocol.depthStream(symbols.get(i), DEPTH_UPDATE_SPEED_MS));
            }
            return URI.create(uri.toString());
        }

        @Override
        List<String> subscribe(final List<String> symbols, final long requestId)
        {
            return List.of();
        }

        @Override
        List<String> unsubscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(BinanceProtocol.encodeUnsubscribe(buffer, 0, streams(symbols), requestId)));
        }

        @Override
        boolean resubscribeToResync()
        {
            return false;
        }

        private static List<String> streams(final List<String> symbols)
        {
            final List<String> streams = new ArrayList<>(symbols.size());
            for (final String symbol : symbols)
            {
                streams.add(BinanceProtocol.depthStream(symbol, DEPTH_UPDATE_SPEED_MS));
            }
            return streams;
        }
    }

    /** Venues whose one subscribe message lists every symbol: OKX, Bitget, Coinbase. */
    private static final class Listed extends VenueStreams
    {
        interface Encoder
        {
            int encode(ExpandableArrayBuffer buffer, List<String> symbols);
        }

        private final Encoder subscribe;
        private final Encoder unsubscribe;
        private final String ping;
        private final long pingIntervalMs;

        Listed(final Encoder subscribe, final Encoder unsubscribe, final String ping, final long pingIntervalMs)
        {
            this.subscribe = subscribe;
            this.unsubscribe = unsubscribe;
            this.ping = ping;
            this.pingIntervalMs = pingIntervalMs;
        }

        @Override
        String pingMessage()
        {
            return ping;
        }

        @Override
        long pingIntervalMs()
        {
            return pingIntervalMs;
        }

        @Override
        List<String> subscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(subscribe.encode(buffer, symbols)));
        }

        @Override
        List<String> unsubscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(unsubscribe.encode(buffer, symbols)));
        }
    }

    /** Kraken v1 and v2 {@code book} at the subscribed depth. */
    private static final class Kraken extends VenueStreams
    {
        private final int depth;
        private final boolean version2;

        Kraken(final int depth, final boolean version2)
        {
            this.depth = depth;
            this.version2 = version2;
        }

        @Override
        List<String> subscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(version2 ?
                KrakenProtocol.encodeV2Subscribe(buffer, 0, symbols, depth, requestId) :
                KrakenProtocol.encodeV1Subscribe(buffer, 0, symbols, depth)));
        }

        @Override
        List<String> unsubscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(version2 ?
                KrakenProtocol.encodeV2Unsubscribe(buffer, 0, symbols, depth, requestId) :
                KrakenProtocol.encodeV1Unsubscribe(buffer, 0, symbols, depth)));
        }
    }

    /**
     * Coinbase {@code level2}, plus {@code heartbeats} so a quiet connection stays open (Coinbase closes one
     * without messages) and its {@code sequence_num} keeps counting; a resync resubscribes {@code level2} only.
     */
    private static final class Coinbase extends VenueStreams
    {
        @Override
        List<String> subscribe(final List<String> symbols, final long requestId)
        {
            final String level2 = text(CoinbaseProtocol.encodeSubscribe(buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, symbols));
            return List.of(level2,
                text(CoinbaseProtocol.encodeSubscribe(buffer, 0, CoinbaseProtocol.HEARTBEATS_CHANNEL, symbols)));
        }

        @Override
        List<String> resubscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(CoinbaseProtocol.encodeSubscribe(buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, symbols)));
        }

        @Override
        List<String> unsubscribe(final List<String> symbols, final long requestId)
        {
            return List.of(text(CoinbaseProtocol.encodeUnsubscribe(buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, symbols)));
        }
    }

    /** Hyperliquid: one {@code l2Book} subscription per coin; a ping keeps a quiet connection open. */
    private static final class Hyperliquid extends VenueStreams
    {
        private final String ping = text(HyperliquidProtocol.encodePing(buffer, 0));

        @Override
        String pingMessage()
        {
            return ping;
        }

        @Override
        long pingIntervalMs()
        {
            return HyperliquidProtocol.IDLE_TIMEOUT_MS / 2;
        }

        @Override
        List<String> subscribe(final List<String> symbols, final long requestId)
        {
            final List<String> messages = new ArrayList<>(symbols.size());
            for (final String coin : symbols)
            {
                messages.add(text(HyperliquidProtocol.encodeSubscribe(buffer, 0, coin)));
            }
            return messages;
        }

        @Override
        List<String> unsubscribe(final List<String> symbols, final long requestId)
        {
            final List<String> messages = new ArrayList<>(symbols.size());
            for (final String coin : symbols)
            {
                messages.add(text(HyperliquidProtocol.encodeUnsubscribe(buffer, 0, coin)));
            }
            return messages;
        }
    }
}
