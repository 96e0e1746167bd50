package io.fathom.codec.instrument;

/**
 * One HTTP request for a venue's instrument metadata: a {@code GET} of {@code url}, or a {@code POST} of
 * {@code jsonBody} to it when the venue asks for one (Hyperliquid's {@code /info}).
 *
 * @param url         the whole URL, query included.
 * @param jsonBody    the JSON body of a {@code POST}; null for a {@code GET}.
 * @param fallbackUrl a wider {@code GET} to ask when {@code url} is refused with HTTP 400 (a narrowed query naming a
 *                    symbol the venue does not list); null when there is none.
 */
public record InstrumentMetadataRequest(String url, String jsonBody, String fallbackUrl)
{
    /** A {@code GET} of {@code url} with no fallback. */
    public static InstrumentMetadataRequest get(final String url)
    {
        return new InstrumentMetadataRequest(url, null, null);
    }
}
