package io.fathom.tools.sim;

import io.fathom.codec.Venue;

import java.nio.charset.StandardCharsets;

/**
 * The simulator's instrument metadata for the venues other than Binance (whose {@code exchangeInfo} is
 * {@link SimExchangeInfo}), each in the venue's documented shape and at the decimals its wire writes
 * ({@link SimNumberFormat}): prices are whole ticks of 0.01 and quantities of 0.001 on every venue, so OKX lists
 * {@code tickSz} 0.01 and {@code lotSz} 0.001, Bitget {@code priceScale} and {@code quantityScale} 4, Kraken
 * {@code pair_decimals} 2 and {@code lot_decimals} 8 (v1 writes prices with 5 decimals, trailing zeros, as Kraken
 * does), Coinbase {@code price_increment} 0.01 and {@code base_increment} 0.00000001, Hyperliquid
 * {@code szDecimals} 3 (so prices of 3 decimals). Where the wire writes as few digits as a value needs or has no
 * checksum (OKX, Coinbase, Hyperliquid), instrument 1 has a finer price tick and instrument 2 a finer lot (OKX
 * {@code tickSz} 0.0001 and {@code lotSz} 0.00001; Coinbase {@code price_increment} 0.0001 and
 * {@code base_increment} 0.000000001; Hyperliquid {@code szDecimals} 4 for instrument 1), so their instruments
 * differ in precision as real ones do. Built on a REST thread per request; allocates.
 */
final class SimInstrumentMetadata
{
    /** A response: HTTP status and JSON body. */
    record Answer(int status, String body)
    {
    }

    static final String OKX_PATH = "/api/v5/public/instruments";
    static final String BITGET_PATH = "/api/spot/v1/public/products";
    static final String KRAKEN_PATH = "/0/public/AssetPairs";
    static final String COINBASE_PATH = "/api/v3/brokerage/market/products";
    static final String HYPERLIQUID_PATH = "/info";

    /** Hyperliquid's {@code szDecimals} of every simulated instrument; prices then have 6 - 3 decimals. */
    static final int HYPERLIQUID_SIZE_DECIMALS = 3;

    private final SimSymbols symbols;
    private final String path;

    SimInstrumentMetadata(final SimSymbols symbols)
    {
        this.symbols = symbols;
        this.path = path(symbols.venue());
    }

    /** Whether {@code requestPath} is this venue's metadata endpoint. */
    boolean serves(final String requestPath)
    {
        return path != null && path.equals(requestPath);
    }

    /** The answer to a request of {@link #serves} path; {@code body} is the request body (Hyperliquid's POST). */
    Answer answer(final String method, final String rawQuery, final byte[] body)
    {
        final boolean post = symbols.venue() == Venue.HYPERLIQUID;
        if (!(post ? "POST" : "GET").equals(method))
        {
            return new Answer(405, "{}");
        }
        switch (symbols.venue())
        {
            case OKX:
                return okx(SimRestServer.parameter(rawQuery, "instType"));
            case BITGET:
                return new Answer(200, bitget());
            case KRAKEN:
            case KRAKEN_V1:
                return new Answer(200, kraken());
            case COINBASE:
                return new Answer(200, coinbase());
            case HYPERLIQUID:
                final String request = new String(body, StandardCharsets.UTF_8).replace(" ", "");
                return request.equals("{\"type\":\"meta\"}") ? new Answer(200, hyperliquid()) :
                    new Answer(422, "\"Failed to deserialize the JSON body into the target type\"");
            default:
                return new Answer(404, "");
        }
    }

    private static String path(final Venue venue)
    {
        switch (venue)
        {
            case OKX:
                return OKX_PATH;
            case BITGET:
                return BITGET_PATH;
            case KRAKEN:
            case KRAKEN_V1:
                return KRAKEN_PATH;
            case COINBASE:
                return COINBASE_PATH;
            case HYPERLIQUID:
                return HYPERLIQUID_PATH;
            default:
                return null;
        }
    }

    private Answer okx(final String instType)
    {
        if (instType == null || instType.isEmpty())
        {
            return new Answer(400, "{\"code\":\"50014\",\"msg\":\"Parameter instType can not be empty.\",\"data\":[]}");
        }
        final StringBuilder out = new StringBuilder(64 + 200 * symbols.count()).append("{\"code\":\"0\",\"data\":[");
        if ("SPOT".equals(instType))
        {
            for (int i = 0; i < symbols.count(); i++)
            {
                out.append(i == 0 ? "" : ",").append("{\"instType\":\"SPOT\",\"instId\":\"").append(symbols.name(i))
                    .append("\",\"baseCcy\":\"").append(SimSymbols.SYMBOL_PREFIX).append(i)
                    .append("\",\"quoteCcy\":\"USDT\",\"state\":\"live\",\"tickSz\":\"").append(i == 1 ? "0.0001" : "0.01")
                    .append("\",\"lotSz\":\"").append(i == 2 ? "0.00001" : "0.001").append("\",")
                    .append("\"minSz\":\"0.001\"}");
            }
        }
        return new Answer(200, out.append("],\"msg\":\"\"}").toString());
    }

    private String bitget()
    {
        final StringBuilder out = new StringBuilder(64 + 200 * symbols.count())
            .append("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":").append(System.currentTimeMillis())
            .append(",\"data\":[");
        for (int i = 0; i < symbols.count(); i++)
        {
            out.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbols.name(i)).append("_SPBL\",\"symbolName\":\"")
                .append(symbols.name(i)).append("\",\"baseCoin\":\"").append(SimSymbols.SYMBOL_PREFIX).append(i)
                .append("\",\"quoteCoin\":\"USDT\",\"priceScale\":\"4\",\"quantityScale\":\"4\",\"status\":\"online\"}");
        }
        return out.append("]}").toString();
    }

    private String kraken()
    {
        final StringBuilder out = new StringBuilder(64 + 200 * symbols.count()).append("{\"error\":[],\"result\":{");
        for (int i = 0; i < symbols.count(); i++)
        {
            final String base = SimSymbols.SYMBOL_PREFIX + i;
            out.append(i == 0 ? "" : ",").append('"').append(base).append("USD\":{\"altname\":\"").append(base)
                .append("USD\",\"wsname\":\"").append(symbols.name(i)).append("\",\"base\":\"").append(base)
                .append("\",\"quote\":\"ZUSD\",\"cost_decimals\":5,\"pair_decimals\":")
                .append(SimNumberFormat.PRICE_PRECISION).append(",\"lot_decimals\":").append(SimNumberFormat.QUANTITY_PRECISION)
                .append(",\"tick_size\":\"0.01\",\"status\":\"online\"}");
        }
        return out.append("}}").toString();
    }

    private String coinbase()
    {
        final StringBuilder out = new StringBuilder(64 + 200 * symbols.count()).append("{\"products\":[");
        for (int i = 0; i < symbols.count(); i++)
        {
            out.append(i == 0 ? "" : ",").append("{\"product_id\":\"").append(symbols.name(i))
                .append("\",\"base_increment\":\"").append(i == 2 ? "0.000000001" : "0.00000001")
                .append("\",\"quote_increment\":\"0.01\",\"price_increment\":\"").append(i == 1 ? "0.0001" : "0.01").append("\",")
                .append("\"product_type\":\"SPOT\",\"status\":\"online\"}");
        }
        return out.append("],\"num_products\":").append(symbols.count()).append('}').toString();
    }

    private String hyperliquid()
    {
        final StringBuilder out = new StringBuilder(64 + 80 * symbols.count()).append("{\"universe\":[");
        for (int i = 0; i < symbols.count(); i++)
        {
            out.append(i == 0 ? "" : ",").append("{\"name\":\"").append(symbols.name(i)).append("\",\"szDecimals\":")
                .append(i == 1 ? HYPERLIQUID_SIZE_DECIMALS + 1 : HYPERLIQUID_SIZE_DECIMALS).append(",\"maxLeverage\":50}");
        }
        return out.append("],\"marginTables\":[]}").toString();
    }
}
