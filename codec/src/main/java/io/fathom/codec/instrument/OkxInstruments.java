package io.fathom.codec.instrument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OKX v5 {@code GET /api/v5/public/instruments?instType=T} (documented at
 * https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments): {@code {"code":"0","msg":"","data":[...]}},
 * each {@code data[]} entry's {@code instId} with its price scale the decimals of {@code tickSz} and its quantity
 * scale those of {@code lotSz}. The held instruments' types are told from their ids ({@code -SWAP} a swap, a
 * six-digit expiry a future, then {@code -C}/{@code -P} an option of that family, else spot), one request per type.
 */
public final class OkxInstruments implements InstrumentMetadataSource
{
    /** The source for the {@code okx} venue. */
    public static final OkxInstruments SOURCE = new OkxInstruments();

    static final String PATH = "/api/v5/public/instruments";

    private OkxInstruments()
    {
    }

    @Override
    public List<InstrumentMetadataRequest> requests(final String restBaseUrl, final List<String> heldSymbols)
    {
        final Set<String> queries = new LinkedHashSet<>();
        for (final String symbol : heldSymbols)
        {
            queries.add(query(symbol.toUpperCase(Locale.ROOT)));
        }
        if (queries.isEmpty())
        {
            queries.add("instType=SPOT");
        }
        final List<InstrumentMetadataRequest> requests = new ArrayList<>(queries.size());
        queries.forEach(query -> requests.add(InstrumentMetadataRequest.get(restBaseUrl + PATH + "?" + query)));
        return requests;
    }

    /** The query listing the instrument {@code instId}: its type, and for an option its family. */
    static String query(final String instId)
    {
        final String[] parts = instId.split("-");
        if (parts.length >= 3 && "SWAP".equals(parts[parts.length - 1]))
        {
            return "instType=SWAP";
        }
        if (parts.length == 5 && parts[2].matches("[0-9]{6}") && ("C".equals(parts[4]) || "P".equals(parts[4])))
        {
            return "instType=OPTION&instFamily=" + parts[0] + "-" + parts[1];
        }
        if (parts.length == 3 && parts[2].matches("[0-9]{6}"))
        {
            return "instType=FUTURES";
        }
        return "instType=SPOT";
    }

    @Override
    public List<InstrumentScales> parse(final String source, final byte[] body)
    {
        final Map<String, Object> root = MetadataJson.object(source, MetadataJson.read(source, body), "the body");
        final Object code = root.get("code");
        final String codeText = code instanceof String ? (String)code : code instanceof MetadataJson.Number ?
            ((MetadataJson.Number)code).text() : null;
        if (codeText == null)
        {
            throw new IllegalArgumentException(source + ": field code is missing");
        }
        if (!"0".equals(codeText))
        {
            throw new IllegalArgumentException(source + ": OKX error code " + codeText + ": " + root.get("msg"));
        }
        final List<Object> data = MetadataJson.array(source, root, "data");
        final List<InstrumentScales> instruments = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++)
        {
            final String entry = source + ": data[" + i + "]";
            final Map<String, Object> instrument = MetadataJson.object(entry, data.get(i), "each instrument");
            final String instId = MetadataJson.text(entry, instrument, "instId");
            final String where = entry + " (" + instId + ")";
            instruments.add(new InstrumentScales(instId, MetadataJson.sizeDecimals(where, instrument, "tickSz"),
                MetadataJson.sizeDecimals(where, instrument, "lotSz")));
        }
        return instruments;
    }
}
