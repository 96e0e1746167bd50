package io.fathom.codec;

import io.fathom.codec.instrument.BinanceExchangeInfoSource;
import io.fathom.codec.instrument.BitgetProducts;
import io.fathom.codec.instrument.CoinbaseProducts;
import io.fathom.codec.instrument.HyperliquidMeta;
import io.fathom.codec.instrument.InstrumentMetadataSource;
import io.fathom.codec.instrument.KrakenAssetPairs;
import io.fathom.codec.instrument.OkxInstruments;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The depth protocols Fathom speaks, by the name {@code --venue} takes. The engine's sync rule, the
 * simulator's wire format and {@code fathom check} all key on this.
 */
public enum Venue
{
    /** Binance spot diff depth plus REST snapshot; {@code U}/{@code u} chain. */
    BINANCE("binance", true, "wss://stream.binance.com:9443", "https://api.binance.com", BinanceExchangeInfoSource.SPOT),
    /** Binance USD-M futures diff depth plus REST snapshot; {@code pu} chain. */
    BINANCE_USDM("binance-usdm", true, "wss://fstream.binance.com", "https://fapi.binance.com", BinanceExchangeInfoSource.USDM),
    /** Binance COIN-M futures diff depth plus REST snapshot; {@code pu} chain. */
    BINANCE_COINM("binance-coinm", true, "wss://dstream.binance.com", "https://dapi.binance.com", BinanceExchangeInfoSource.COINM),
    /** Kraken WebSocket v2 {@code book}: snapshot on subscribe, CRC32 checksum on snapshots and updates. */
    KRAKEN("kraken", false, "wss://ws.kraken.com/v2", null, KrakenAssetPairs.V2),
    /** Kraken WebSocket v1 {@code book}: snapshot on subscribe, CRC32 {@code "c"} on updates. */
    KRAKEN_V1("kraken-v1", false, "wss://ws.kraken.com", null, KrakenAssetPairs.V1),
    /** OKX v5 {@code books}: snapshot on subscribe, {@code seqId}/{@code prevSeqId}, checksum when non-zero. */
    OKX("okx", false, "wss://ws.okx.com:8443/ws/v5/public", null, OkxInstruments.SOURCE),
    /** Bitget v1 {@code books}: snapshot on subscribe, checksum. */
    BITGET("bitget", false, "wss://ws.bitget.com/spot/v1/stream", null, BitgetProducts.SOURCE),
    /** Coinbase Advanced Trade {@code level2}: snapshot on subscribe, {@code sequence_num} per connection. */
    COINBASE("coinbase", false, "wss://advanced-trade-ws.coinbase.com", null, CoinbaseProducts.SOURCE),
    /** Hyperliquid {@code l2Book}: every message is a full snapshot; no sequence. */
    HYPERLIQUID("hyperliquid", false, "wss://api.hyperliquid.xyz/ws", null, HyperliquidMeta.SOURCE);

    private static final Venue[] VALUES = values();

    private final String id;
    private final boolean restSnapshot;
    private final String wsUrl;
    private final String restUrl;
    private final InstrumentMetadataSource metadataSource;

    Venue(final String id, final boolean restSnapshot, final String wsUrl, final String restUrl,
        final InstrumentMetadataSource metadataSource)
    {
        this.id = id;
        this.restSnapshot = restSnapshot;
        this.wsUrl = wsUrl;
        this.restUrl = restUrl;
        this.metadataSource = metadataSource;
    }

    /**
     * Where the venue lists its instruments' tick and lot sizes, under the REST base: Binance {@code exchangeInfo},
     * Kraken {@code AssetPairs}, OKX {@code instruments}, Bitget {@code products}, Coinbase {@code products},
     * Hyperliquid {@code meta}.
     */
    public InstrumentMetadataSource metadataSource()
    {
        return metadataSource;
    }

    /** The name on the command line and in the journal, e.g. {@code binance-usdm}. */
    public String id()
    {
        return id;
    }

    /**
     * True when a book syncs from a REST snapshot plus buffered diffs (Binance); false when the venue
     * sends the snapshot on the stream after a subscribe, so a resync is a resubscribe.
     */
    public boolean restSnapshot()
    {
        return restSnapshot;
    }

    /** The venue's public market-data WebSocket. */
    public String wsUrl()
    {
        return wsUrl;
    }

    /** The venue's REST base for snapshots, or null when it has none in the sync procedure. */
    public String restUrl()
    {
        return restUrl;
    }

    /** @return the venue of that id, case-insensitive, or null. */
    public static Venue find(final String id)
    {
        final String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (final Venue venue : VALUES)
        {
            if (venue.id.equals(key))
            {
                return venue;
            }
        }
        return null;
    }

    /** The ids, comma separated, for error messages and help text. */
    public static String ids()
    {
        final StringJoiner joiner = new StringJoiner(", ");
        for (final Venue venue : VALUES)
        {
            joiner.add(venue.id);
        }
        return joiner.toString();
    }

    @Override
    public String toString()
    {
        return id;
    }
}
