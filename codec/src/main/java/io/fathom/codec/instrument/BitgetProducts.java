package io.fathom.codec.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bitget v1 spot {@code GET /api/spot/v1/public/products}, the REST API of the v1 WebSocket the feed speaks
 * (documented at https://bitgetlimited.github.io/apidoc/en/spot/#get-all-instruments):
 * {@code {"code":"00000","msg":"success","data":[...]}}, each {@code data[]} entry's {@code symbolName} (the
 * WebSocket's {@code instId}, e.g. {@code BTCUSDT}; {@code symbol} is the REST name {@code BTCUSDT_SPBL}) with its
 * {@code priceScale} and {@code quantityScale} decimals.
 */
public final class BitgetProducts implements InstrumentMetadataSource
{
    /** The source for the {@code bitget} venue. */
    public static final BitgetProducts SOURCE = new BitgetProducts();

    static final String PATH = "/api/spot/v1/public/products";

    private BitgetProducts()
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
        final String code = MetadataJson.text(source, root, "code");
        if (!"00000".equals(code))
        {
            throw new IllegalArgumentException(source + ": Bitget error code " + code + ": " + root.get("msg"));
        }
        final List<Object> data = MetadataJson.array(source, root, "data");
        final List<InstrumentScales> instruments = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++)
        {
            final String entry = source + ": data[" + i + "]";
            final Map<String, Object> product = MetadataJson.object(entry, data.get(i), "each product");
            final String name = MetadataJson.text(entry, product, "symbolName");
            final String where = entry + " (" + name + ")";
            instruments.add(new InstrumentScales(name, MetadataJson.decimals(where, product, "priceScale"),
                MetadataJson.decimals(where, product, "quantityScale")));
        }
        return instruments;
    }
}
