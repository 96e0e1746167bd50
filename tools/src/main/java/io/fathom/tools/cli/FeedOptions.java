package io.fathom.tools.cli;

import io.fathom.codec.Venue;
import io.fathom.engine.EngineContext;
import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.feed.VenueFeed;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code run}'s options for several venues in one engine: {@code --feed VENUE:SYM,SYM} repeated, with each venue's
 * endpoints by {@code --feed-url VENUE=URL} and {@code --feed-rest-url VENUE=URL}. The first venue named is the
 * engine's first venue group, the others are added beside it.
 */
public final class FeedOptions
{
    private static final Set<String> FIRST_VENUE_SETTINGS = Set.of("venue", "symbols", "url", "restUrl");

    @Option(names = "--feed", paramLabel = "VENUE:A,B",
        description = "a venue and the symbols to hold there, e.g. okx:BTC-USDT,ETH-USDT; repeat for more venues, all in one " +
            "engine, one ring and one journal (the same symbol on two venues is two books); instead of --venue/--symbols")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feed-url", paramLabel = "VENUE=URL",
        description = "WebSocket URL of a --feed venue, e.g. okx=ws://127.0.0.1:9100; default: the venue's public endpoint")
    Map<String, String> feedUrls = new LinkedHashMap<>();

    @Option(names = "--feed-rest-url", paramLabel = "VENUE=URL",
        description = "REST base of a --feed venue (scheme, host, port); default: the venue's")
    Map<String, String> feedRestUrls = new LinkedHashMap<>();

    /** Whether any {@code --feed} was given. */
    public boolean given()
    {
        return !feeds.isEmpty() || !feedUrls.isEmpty() || !feedRestUrls.isEmpty();
    }

    /** The venues of {@code --feed}, in the order first named, a venue named twice holding the symbols of both. */
    public List<VenueFeed> venueFeeds()
    {
        if (feeds.isEmpty())
        {
            throw new IllegalArgumentException("--feed-url and --feed-rest-url need --feed VENUE:SYMBOLS");
        }
        final Map<String, Set<String>> symbolsByVenue = new LinkedHashMap<>();
        for (final String feed : feeds)
        {
            final int colon = feed.indexOf(':');
            final String venue = colon < 0 ? "" : feed.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (colon <= 0 || colon == feed.length() - 1)
            {
                throw new IllegalArgumentException("--feed must be VENUE:SYMBOL,SYMBOL, e.g. okx:BTC-USDT (got '" + feed + "')");
            }
            if (Venue.find(venue) == null)
            {
                throw new IllegalArgumentException("--feed venue must be one of: " + Venue.ids() + " (got '" + venue + "')");
            }
            final Set<String> symbols = symbolsByVenue.computeIfAbsent(venue, v -> new LinkedHashSet<>());
            for (final String symbol : feed.substring(colon + 1).split(",", -1))
            {
                final String trimmed = symbol.trim();
                if (trimmed.isEmpty())
                {
                    throw new IllegalArgumentException("--feed has an empty symbol (got '" + feed + "')");
                }
                if (symbols.stream().anyMatch(trimmed::equalsIgnoreCase))
                {
                    throw new IllegalArgumentException("--feed names " + venue + ":" + trimmed + " twice");
                }
                symbols.add(trimmed);
            }
        }
        requireKnownVenues("--feed-url", feedUrls, symbolsByVenue.keySet());
        requireKnownVenues("--feed-rest-url", feedRestUrls, symbolsByVenue.keySet());
        final List<VenueFeed> venueFeeds = new ArrayList<>(symbolsByVenue.size());
        symbolsByVenue.forEach((venue, symbols) -> venueFeeds.add(new VenueFeed(venue, new ArrayList<>(symbols))
            .url(endpoint(feedUrls, venue)).restUrl(endpoint(feedRestUrls, venue))));
        return venueFeeds;
    }

    /**
     * Sets the first venue as the context's venue, symbols and endpoints, and adds the others as its feeds.
     *
     * @param held the venues and symbols this engine holds of those given ({@code --shard}'s).
     */
    public EngineContext apply(final EngineContext context, final UnaryOperator<List<VenueFeed>> held)
    {
        final List<VenueFeed> venueFeeds = held.apply(venueFeeds());
        final VenueFeed first = venueFeeds.get(0);
        context.venue(first.venue()).symbols(first.symbols()).url(first.url()).restUrl(first.restUrl());
        return context.feeds(venueFeeds.subList(1, venueFeeds.size()));
    }

    /**
     * Concludes a context {@link #apply} set up: a refusal of the first venue's symbols or endpoints is reported as
     * {@code --feed}'s, naming the venue, as a further venue's is.
     */
    public static EngineContext conclude(final EngineContext context)
    {
        try
        {
            return context.conclude();
        }
        catch (final InvalidSettingException ex)
        {
            if (FIRST_VENUE_SETTINGS.contains(ex.setting()))
            {
                throw new InvalidSettingException("feeds", "venue " + context.venue() + ": " + ex.setting() + " " + ex.reason(),
                    ex.related().toArray(new String[0]));
            }
            throw ex;
        }
    }

    private static void requireKnownVenues(final String option, final Map<String, String> urls, final Set<String> venues)
    {
        for (final String venue : urls.keySet())
        {
            if (!venues.contains(venue.toLowerCase(Locale.ROOT)))
            {
                throw new IllegalArgumentException(option + " names venue '" + venue + "' that no --feed holds (--feed holds " +
                    String.join(", ", venues) + ")");
            }
        }
    }

    private static String endpoint(final Map<String, String> urls, final String venue)
    {
        for (final Map.Entry<String, String> entry : urls.entrySet())
        {
            if (entry.getKey().equalsIgnoreCase(venue))
            {
                return entry.getValue();
            }
        }
        return null;
    }
}
