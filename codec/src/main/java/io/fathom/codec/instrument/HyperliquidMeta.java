package io.fathom.codec.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hyperliquid's perpetuals metadata, {@code POST /info} with {@code {"type":"meta"}} (documented at
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals):
 * {@code {"universe":[{"name":"BTC","szDecimals":5,...}],...}}. Sizes have {@code szDecimals} decimals; prices, by
 * Hyperliquid's tick rule for perpetuals, at most {@value #MAX_PERP_PRICE_DECIMALS} minus {@code szDecimals}
 * decimals (and five significant figures, which the scale need not hold).
 */
public final class HyperliquidMeta implements InstrumentMetadataSource
{
    /** The source for the {@code hyperliquid} venue. */
    public static final HyperliquidMeta SOURCE = new HyperliquidMeta();

    /** Hyperliquid's {@code MAX_DECIMALS} for perpetuals' prices. */
    public static final int MAX_PERP_PRICE_DECIMALS = 6;

    static final String PATH = "/info";
    static final String BODY = "{\"type\":\"meta\"}";

    private HyperliquidMeta()
    {
    }

    @Override
    public List<InstrumentMetadataRequest> requests(final String restBaseUrl, final List<String> heldSymbols)
    {
        return List.of(new InstrumentMetadataRequest(restBaseUrl + PATH, BODY, null));
    }

    @Override
    public List<InstrumentScales> parse(final String source, final byte[] body)
    {
        final Map<String, Object> root = MetadataJson.object(source, MetadataJson.read(source, body), "the body");
        final List<Object> universe = MetadataJson.array(source, root, "universe");
        final List<InstrumentScales> instruments = new ArrayList<>(universe.size());
        for (int i = 0; i < universe.size(); i++)
        {
            final String entry = source + ": universe[" + i + "]";
            final Map<String, Object> asset = MetadataJson.object(entry, universe.get(i), "each asset");
            final String name = MetadataJson.text(entry, asset, "name");
            final String where = entry + " (" + name + ")";
            final int sizeDecimals = MetadataJson.decimals(where, asset, "szDecimals");
            if (sizeDecimals > MAX_PERP_PRICE_DECIMALS)
            {
                throw new IllegalArgumentException(where + ": field szDecimals is " + sizeDecimals +
                    ", above the " + MAX_PERP_PRICE_DECIMALS + " decimals of a perpetual's prices");
            }
            instruments.add(new InstrumentScales(name, MAX_PERP_PRICE_DECIMALS - sizeDecimals, sizeDecimals));
        }
        return instruments;
    }
}
