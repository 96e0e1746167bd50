package io.fathom.engine.status;

import io.fathom.engine.feed.FeedState;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exposition's size does not grow with the feeds unless per-feed series are asked for. */
class MetricsServerTest
{
    private static final int FEEDS = 1_000;

    @TempDir
    Path dir;

    @Test
    void servesAggregatesByDefaultAndNoSeriesPerFeed()
    {
        try (EngineCounters counters = countersWithFeeds(); MetricsServer metrics = new MetricsServer(0, counters.manager(), () -> new Histogram(3)))
        {
            final List<String> lines = Arrays.asList(metrics.render().split("\n"));

            assertThat(lines).noneMatch(l -> l.startsWith("fathom_feed_") && l.contains("symbol="));
            assertThat(lines).contains("fathom_feeds{state=\"live\"} 998", "fathom_feeds{state=\"stale\"} 1",
                "fathom_feeds{state=\"failed\"} 1", "fathom_feeds{state=\"new\"} 0");
            assertThat(lines).contains("fathom_connections{state=\"open\"} 1", "fathom_connections{state=\"backoff\"} 0");
            assertThat(lines).contains("fathom_messages 0", "# TYPE fathom_connections_open gauge");
            assertThat(stalestAgeSeconds(lines)).as("the stale feed's 30 s, not the failed feed's hour")
                .isBetween(29.0, 300.0);
            assertThat(lines.size()).as("bounded: two lines a system counter and a few dozen more, whatever the feeds")
                .isLessThan(2 * SystemCounter.values().length + 40);
        }
    }

    @Test
    void servesSixSeriesPerFeedWhenAskedTo()
    {
        try (EngineCounters counters = countersWithFeeds();
            MetricsServer metrics = new MetricsServer(0, counters.manager(), () -> new Histogram(3), true))
        {
            final List<String> lines = Arrays.asList(metrics.render().split("\n"));

            assertThat(lines.stream().filter(l -> l.startsWith("fathom_feed_") && l.contains("symbol=")).count())
                .isEqualTo((long)FeedCounters.COUNTERS_PER_FEED * FEEDS);
            assertThat(lines).contains("fathom_feed_state{venue=\"binance\",symbol=\"SYM7\"} " + FeedState.STALE.ordinal());
            assertThat(lines).contains("fathom_feeds{state=\"live\"} 998");
        }
    }

    private EngineCounters countersWithFeeds()
    {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < FEEDS; i++)
        {
            symbols.add("SYM" + i);
        }
        final EngineCounters counters = new EngineCounters(dir.toFile(), CountersSize.forFeeds(FEEDS, 1));
        final FeedCounters feeds = new FeedCounters(counters, "binance", symbols);
        final long nowNs = System.currentTimeMillis() * 1_000_000L;
        for (int id = 0; id < FEEDS; id++)
        {
            feeds.state(id, FeedState.LIVE.ordinal());
            feeds.onMessage(id, nowNs);
        }
        feeds.state(7, FeedState.STALE.ordinal());
        feeds.onMessage(7, nowNs - 30_000_000_000L);
        feeds.state(8, FeedState.FAILED.ordinal());
        feeds.onMessage(8, nowNs - 3_600_000_000_000L);
        counters.newCounter(CountersFile.CONNECTION_STATE_TYPE, "binance:connection-0 state").set(2);
        return counters;
    }

    private static double stalestAgeSeconds(final List<String> lines)
    {
        return lines.stream().filter(l -> l.startsWith("fathom_feed_stalest_age_seconds "))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
            .orElseThrow(() -> new AssertionError("no fathom_feed_stalest_age_seconds"));
    }
}
