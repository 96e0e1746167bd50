package io.fathom.codec.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kraken {@code GET /0/public/AssetPairs} (documented at
 * https://docs.kraken.com/api/docs/rest-api/get-tradable-asset-pairs): {@code {"error":[],"result":{"XXBTZUSD":
 * {...}}}}, each pair's {@code wsname} with its {@code pair_decimals} and {@code lot_decimals}. A pair without a
 * {@code wsname} has no WebSocket book and is left out. {@code wsname} spells pairs as WebSocket v1 does
 * ({@code XBT/USD}); WebSocket v2 writes {@code BTC} for {@code XBT} and {@code DOGE} for {@code XDG}
 * ({@code BTC/USD}), so the v2 source renames those two codes on either side of the slash.
 */
public final class KrakenAssetPairs implements InstrumentMetadataSource
{
    /** The source for the {@code kraken-v1} venue: names as {@code wsname} writes them. */
    public static final KrakenAssetPairs V1 = new KrakenAssetPairs(false);
    /** The source for the {@code kraken} (WebSocket v2) venue: {@code XBT} and {@code XDG} renamed. */
    public static final KrakenAssetPairs V2 = new KrakenAssetPairs(true);

    static final String PATH = "/0/public/AssetPairs";

    private final boolean v2Names;

    private KrakenAssetPairs(final boolean v2Names)
    {
        this.v2Names = v2Names;
    }

    @Override
    public List<InstrumentMetadataRequest> requests(final String restBaseUrl, final List<String> heldSymbols)
    {
        return List.of(InstrumentMetadataRequest.get(restBaseUrl + PATH));
    }

    /** A v1 {@code wsname} as WebSocket v2 spells it: {@code XBT/USD} is {@code BTC/USD}, {@code XDG/EUR} {@code DOGE/EUR}. */
    public static String v2Name(final String wsname)
    {
        final int slash = wsname.indexOf('/');
        if (slash < 0)
        {
            return v2Code(wsname);
        }
        return v2Code(wsname.substring(0, slash)) + "/" + v2Code(wsname.substring(slash + 1));
    }

    private static String v2Code(final String code)
    {
        return "XBT".equals(code) ? "BTC" : "XDG".equals(code) ? "DOGE" : code;
    }

    @Override
    public List<InstrumentScales> parse(final String source, final byte[] body)
    {
        final Map<String, Object> root = MetadataJson.object(source, MetadataJson.read(source, body), "the body");
        final Object error = root.get("error");
        if (error instanceof List && !((List<?>)error).isEmpty())
        {
            throw new IllegalArgumentException(source + ": Kraken error " + ((List<?>)error).get(0));
        }
        if (error != null && !(error instanceof List))
        {
            throw new IllegalArgumentException(source + ": field error must be an array");
        }
        final Object resultValue = root.get("result");
        if (resultValue == null)
        {
            throw new IllegalArgumentException(source + ": no \"result\" object");
        }
        final Map<String, Object> result = MetadataJson.object(source, resultValue, "\"result\"");
        final List<InstrumentScales> instruments = new ArrayList<>(result.size());
        for (final Map.Entry<String, Object> pair : result.entrySet())
        {
            final String entry = source + ": result." + pair.getKey();
            final Map<String, Object> info = MetadataJson.object(entry, pair.getValue(), "each pair");
            if (!info.containsKey("wsname"))
            {
                continue;
            }
            final String wsname = MetadataJson.text(entry, info, "wsname");
            final String where = entry + " (" + wsname + ")";
            instruments.add(new InstrumentScales(v2Names ? v2Name(wsname) : wsname,
                MetadataJson.decimals(where, info, "pair_decimals"), MetadataJson.decimals(where, info, "lot_decimals")));
        }
        return instruments;
    }
}
