package io.fathom.tools.sim;

import java.util.List;

/**
 * The body of the simulator's Binance {@code GET exchangeInfo}, in Binance's documented shape: {@code timezone},
 * {@code serverTime}, {@code rateLimits}, {@code exchangeFilters} and one {@code symbols[]} entry per instrument
 * with its {@code PRICE_FILTER.tickSize} and {@code LOT_SIZE.stepSize} as the simulator writes its values.
 * Built on a REST thread per request; allocates.
 */
final class SimExchangeInfo
{
    private SimExchangeInfo()
    {
    }

    /**
     * @param indices the instruments to list, in order.
     */
    static String body(final SimSymbols symbols, final List<Integer> indices, final long serverTimeMs)
    {
        final StringBuilder out = new StringBuilder(256 + 400 * indices.size());
        out.append("{\"timezone\":\"UTC\",\"serverTime\":").append(serverTimeMs)
            .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",")
            .append("\"intervalNum\":1,\"limit\":6000}],\"exchangeFilters\":[],\"symbols\":[");
        for (int i = 0; i < indices.size(); i++)
        {
            final int index = indices.get(i);
            final SimPrecision precision = symbols.precision(index);
            out.append(i == 0 ? "" : ",").append("{\"symbol\":\"").append(symbols.name(index))
                .append("\",\"status\":\"TRADING\",\"baseAsset\":\"").append(SimSymbols.SYMBOL_PREFIX).append(index)
                .append("\",\"quoteAsset\":\"USDT\",\"filters\":[")
                .append("{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"").append(precision.tickSize())
                .append("\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"").append(precision.tickSize())
                .append("\"},{\"filterType\":\"LOT_SIZE\",\"minQty\":\"").append(precision.stepSize())
                .append("\",\"maxQty\":\"9000000000000.00000000\",\"stepSize\":\"").append(precision.stepSize())
                .append("\"}]}");
        }
        return out.append("]}").toString();
    }
}
