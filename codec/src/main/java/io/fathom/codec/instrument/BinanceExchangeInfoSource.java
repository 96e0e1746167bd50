package io.fathom.codec.instrument;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Binance {@code GET exchangeInfo} of spot ({@code /api/v3}), USD-M ({@code /fapi/v1}) or COIN-M ({@code /dapi/v1}),
 * read by {@link BinanceExchangeInfo#parse}. Spot takes {@code ?symbols=["A","B"]} (URL-encoded), so a short held
 * list asks for those symbols only while the URL stays within {@value #MAX_URL_LENGTH} characters, falling back to
 * the whole list when the venue refuses the narrowed query (a held symbol it does not list is HTTP 400 there);
 * USD-M and COIN-M document no parameter and are always asked for the whole list.
 */
public final class BinanceExchangeInfoSource implements InstrumentMetadataSource
{
    /** Spot, narrowed to the held symbols where the URL allows. */
    public static final BinanceExchangeInfoSource SPOT = new BinanceExchangeInfoSource("/api/v3/exchangeInfo", true);
    /** USD-M futures: the whole list. */
    public static final BinanceExchangeInfoSource USDM = new BinanceExchangeInfoSource("/fapi/v1/exchangeInfo", false);
    /** COIN-M futures: the whole list. */
    public static final BinanceExchangeInfoSource COINM = new BinanceExchangeInfoSource("/dapi/v1/exchangeInfo", false);

    /**
     * The longest narrowed URL asked for: well inside the 8 KB request line common HTTP servers and proxies accept,
     * about 130 symbols of eight letters.
     */
    public static final int MAX_URL_LENGTH = 4_000;

    private final String path;
    private final boolean narrows;

    private BinanceExchangeInfoSource(final String path, final boolean narrows)
    {
        this.path = path;
        this.narrows = narrows;
    }

    @Override
    public List<InstrumentMetadataRequest> requests(final String restBaseUrl, final List<String> heldSymbols)
    {
        final String whole = restBaseUrl + path;
        if (!narrows || heldSymbols.isEmpty())
        {
            return List.of(InstrumentMetadataRequest.get(whole));
        }
        final StringBuilder list = new StringBuilder(16 * heldSymbols.size()).append('[');
        for (int i = 0; i < heldSymbols.size(); i++)
        {
            list.append(i == 0 ? "\"" : ",\"").append(heldSymbols.get(i).toUpperCase(Locale.ROOT)).append('"');
        }
        final String narrowed = whole + "?symbols=" + URLEncoder.encode(list.append(']').toString(), StandardCharsets.UTF_8);
        return List.of(narrowed.length() <= MAX_URL_LENGTH ?
            new InstrumentMetadataRequest(narrowed, null, whole) : InstrumentMetadataRequest.get(whole));
    }

    @Override
    public List<InstrumentScales> parse(final String source, final byte[] body)
    {
        return BinanceExchangeInfo.parse(source, body);
    }
}
