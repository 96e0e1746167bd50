package io.fathom.engine.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One further venue's feeds in an engine that holds several: the venue, its symbols and, where they are not the
 * venue's public ones, its WebSocket and REST bases. Set fluently, then given to {@code EngineContext.feed}; the
 * context checks it when it concludes. Not thread-safe: set up on one thread before the launch.
 */
public final class VenueFeed
{
    private final String venue;
    private final List<String> symbols;
    private String url;
    private String restUrl;

    /**
     * @param venue   the venue's id, e.g. {@code okx}, {@code binance-usdm}.
     * @param symbols its instruments, as the venue spells them.
     */
    public VenueFeed(final String venue, final String... symbols)
    {
        this(venue, Arrays.asList(symbols));
    }

    /**
     * @param venue   the venue's id, e.g. {@code okx}, {@code binance-usdm}.
     * @param symbols its instruments, as the venue spells them.
     */
    public VenueFeed(final String venue, final List<String> symbols)
    {
        this.venue = venue == null ? null : venue.toLowerCase(Locale.ROOT);
        this.symbols = symbols == null ? null : List.copyOf(symbols);
    }

    public String venue()
    {
        return venue;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** The venue's WebSocket base, e.g. {@code ws://127.0.0.1:9100}; default: the venue's public endpoint. */
    public VenueFeed url(final String url)
    {
        this.url = url;
        return this;
    }

    public String url()
    {
        return url;
    }

    /** The venue's REST base for snapshots and metadata; default: the venue's. */
    public VenueFeed restUrl(final String restUrl)
    {
        this.restUrl = restUrl;
        return this;
    }

    public String restUrl()
    {
        return restUrl;
    }

    @Override
    public String toString()
    {
        return venue + ":" + (symbols == null ? "" : String.join(",", symbols));
    }
}
