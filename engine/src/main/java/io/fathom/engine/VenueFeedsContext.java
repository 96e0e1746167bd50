package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.engine.feed.VenueEndpoints;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.engine.feed.VenueGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings of {@link EngineContext} that add venues beside the first: each {@link VenueFeed} is a venue with its
 * own symbols and endpoints, fed into the same ring, books and journal. They conclude, with the first venue's
 * {@code venue(..).symbols(..).url(..).restUrl(..)}, into {@link #venueGroups()}, one per venue.
 */
abstract sealed class VenueFeedsContext extends FeedContext permits ScaleContext
{
    private List<VenueFeed> feeds = new ArrayList<>();
    private List<VenueEndpoints> venueEndpointsList;
    private List<VenueGroup> venueGroups;

    /**
     * Adds a venue's feeds beside the first venue's: its symbols take the ids after those of the venues before it.
     * Each venue once; its instruments are new instruments even where a symbol is also held on another venue.
     */
    public EngineContext feed(final VenueFeed feed)
    {
        feeds.add(feed);
        return self();
    }

    /** Adds a venue's feeds at the venue's public endpoints; as {@link #feed(VenueFeed)}. */
    public EngineContext feed(final String venue, final String... symbols)
    {
        return feed(new VenueFeed(venue, Arrays.asList(symbols)));
    }

    /** The venues added beside the first, in the order given. */
    public List<VenueFeed> feeds()
    {
        return Collections.unmodifiableList(feeds);
    }

    /** Replaces the venues added beside the first; an empty list leaves the first venue alone. */
    public EngineContext feeds(final List<VenueFeed> feeds)
    {
        this.feeds = new ArrayList<>(feeds);
        return self();
    }

    /** Every venue's group, the first venue's first; valid after {@link EngineContext#conclude()}. */
    public List<VenueGroup> venueGroups()
    {
        return ContextChecks.requireConcluded(self(), venueGroups);
    }

    /** Every symbol the engine holds across its venues, the first venue's first (a symbol may repeat across venues). */
    List<String> allSymbols()
    {
        final List<String> all = new ArrayList<>(symbols());
        for (final VenueFeed feed : feeds)
        {
            if (feed != null && feed.symbols() != null)
            {
                all.addAll(feed.symbols());
            }
        }
        return all;
    }

    /** The symbols the engine holds on {@code venue} (any case), empty when it holds none there. */
    List<String> venueSymbols(final String venue)
    {
        if (venue.equalsIgnoreCase(venue()) && symbols() != null)
        {
            return symbols();
        }
        for (final VenueFeed feed : feeds)
        {
            if (feed != null && venue.equalsIgnoreCase(feed.venue()) && feed.symbols() != null)
            {
                return feed.symbols();
            }
        }
        return List.of();
    }

    /** After the first venue's feeds are concluded: checks each further venue and resolves its endpoints. */
    void concludeVenueFeeds()
    {
        final List<VenueEndpoints> groups = new ArrayList<>(1 + feeds.size());
        groups.add(venueEndpoints);
        final Set<String> venues = new HashSet<>();
        venues.add(venueEndpoints.venue());
        ContextChecks.require(feeds.isEmpty() || captureFile() == null, "captureFile",
            "records one venue's frames: it cannot be used with several venues", "feeds");
        for (final VenueFeed feed : feeds)
        {
            ContextChecks.require(feed != null, "feeds", "must not hold null");
            final Venue protocol = Venue.find(feed.venue());
            ContextChecks.require(protocol != null, "feeds",
                "venue must be one of: " + Venue.ids() + " (got '" + feed.venue() + "')");
            ContextChecks.require(venues.add(feed.venue()), "feeds", "name venue '" + feed.venue() +
                "' once, with all its symbols (it is given twice: " + describe(feed.venue()) + ")", "venue");
            final String wsBase = ContextChecks.stripSlash(feed.url() == null ? protocol.wsUrl() : feed.url());
            final String restBase = feed.restUrl() == null ? protocol.restUrl() : ContextChecks.stripSlash(feed.restUrl());
            requireFeed(feed, protocol, wsBase, restBase);
            groups.add(new VenueEndpoints(feed.venue(), protocol, wsBase, restBase, venueDepth()));
        }
        venueEndpointsList = groups;
    }

    /** Once the scales are concluded: each venue's group with the scales of its instruments. */
    void concludeVenueGroups(final Function<VenueEndpoints, ScaleCatalogue> scales)
    {
        final List<VenueGroup> groups = new ArrayList<>(venueEndpointsList.size());
        for (int g = 0; g < venueEndpointsList.size(); g++)
        {
            final VenueEndpoints endpoints = venueEndpointsList.get(g);
            groups.add(new VenueGroup(endpoints, g == 0 ? symbols() : feeds.get(g - 1).symbols(), scales.apply(endpoints)));
        }
        venueGroups = Collections.unmodifiableList(groups);
    }

    private void requireFeed(final VenueFeed feed, final Venue protocol, final String wsBase, final String restBase)
    {
        final String prefix = "venue " + feed.venue() + ": ";
        try
        {
            ContextChecks.require(feed.symbols() != null, "feeds", "must name symbols");
            ContextChecks.requireSymbols(feed.symbols());
            ContextChecks.require(wsBase.matches("wss?://[^/?#]+(/[^?#]*)?"), "url",
                "must be a WebSocket URL without query, like ws://127.0.0.1:9000 (got '" + wsBase + "')");
            ContextChecks.require(!protocol.restSnapshot() || restBase.matches("https?://[^/?#]+/?"), "restUrl",
                "must be an HTTP base, scheme host and port, like http://127.0.0.1:9001 (got '" + restBase + "')");
            ContextChecks.requirePort("url", wsBase);
            if (restBase != null)
            {
                ContextChecks.requirePort("restUrl", restBase);
            }
            ContextChecks.require(protocol != Venue.KRAKEN && protocol != Venue.KRAKEN_V1 ||
                KrakenProtocol.isValidDepth(venueDepth()), "venueDepth",
                "must be one of Kraken's depths 10, 25, 100, 500, 1000 (got " + venueDepth() + ")");
            ContextChecks.require(protocol != Venue.KRAKEN && protocol != Venue.KRAKEN_V1 ||
                venueDepth() <= self().bookCapacityPerSide(), "venueDepth",
                "must not exceed bookCapacityPerSide " + self().bookCapacityPerSide() + " (got " + venueDepth() + ")",
                "bookCapacityPerSide");
        }
        catch (final InvalidSettingException ex)
        {
            final String what = ex.setting().equals("feeds") ? "" : ex.setting() + " ";
            throw new InvalidSettingException("feeds", prefix + what + ex.reason(), ex.related().toArray(new String[0]));
        }
    }

    private String describe(final String venue)
    {
        final List<String> given = new ArrayList<>();
        if (venue().equals(venue))
        {
            given.add(venue + ":" + String.join(",", symbols()));
        }
        for (final VenueFeed feed : feeds)
        {
            if (feed != null && venue.equals(feed.venue()))
            {
                given.add(feed.toString());
            }
        }
        return String.join(" and ", given);
    }
}
