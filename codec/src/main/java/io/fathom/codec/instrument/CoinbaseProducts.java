package io.fathom.codec.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coinbase Advanced Trade's public {@code GET /api/v3/brokerage/market/products}, the REST API of the Advanced
 * Trade WebSocket the feed speaks (documented as "List Public Products" in the Advanced Trade API reference,
 * https://docs.cdp.coinbase.com/advanced-trade/): {@code {"products":[...],"num_products":N}}, each product's {@code product_id} with its price scale the decimals
 * of {@code price_increment} (the price tick; {@code quote_increment} where a product has none) and its quantity
 * scale those of {@code base_increment}.
 */
public final class CoinbaseProducts implements InstrumentMetadataSource
{
    /** The source for the {@code coinbase} venue. */
    public static final CoinbaseProducts SOURCE = new CoinbaseProducts();

    static final String PATH = "/api/v3/brokerage/market/products";

    private CoinbaseProducts()
    {
    }

    @Override
    public List<InstrumentMetadataRequest> requests(final String restBaseUrl, final List<String> heldSymbols)
    {
        return List.of(InstrumentMetadataRequest.get(restBaseUrl + PATH));
    }

    @Override
    public List<InstrumentScales> parse(final String source, final byte[] body)
    {
        final Map<String, Object> root = MetadataJson.object(source, MetadataJson.read(source, body), "the body");
        final List<Object> products = MetadataJson.array(source, root, "products");
        final List<InstrumentScales> instruments = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++)
        {
            final String entry = source + ": products[" + i + "]";
            final Map<String, Object> product = MetadataJson.object(entry, products.get(i), "each product");
            final String id = MetadataJson.text(entry, product, "product_id");
            final String where = entry + " (" + id + ")";
            final String priceField = product.containsKey("price_increment") ? "price_increment" : "quote_increment";
            instruments.add(new InstrumentScales(id, MetadataJson.sizeDecimals(where, product, priceField),
                MetadataJson.sizeDecimals(where, product, "base_increment")));
        }
        return instruments;
    }
}
