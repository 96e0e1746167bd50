package io.fathom.tools.status;

import io.fathom.engine.feed.FeedState;
import io.fathom.engine.status.CountersFile;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.CountersSize;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fathom stat} at many feeds: a summary by default, the worst feeds ranked, lines on request. */
class StatSummaryTest
{
    private static final int FEEDS = 2_000;

    @TempDir
    Path dir;

    @Test
    void printsStatesAndTheWorstFeedsButNoFeedLinesByDefault()
    {
        final List<String> lines = stat(null, new StatCommand.Detail(3, false));

        assertThat(lines).contains("feeds: 2,000 connecting=1 live=1996 stale=2 backoff=1");
        assertThat(lines).contains("connections: 1 open=1");
        assertThat(lines).noneMatch(l -> l.trim().startsWith("binance:SYM"));
        assertThat(ranked(lines, "stalest feeds (top 3")).containsExactly("binance:SYM7", "binance:SYM1999", "binance:SYM1998");
        assertThat(ranked(lines, "most troubled feeds (top 3")).as("by gaps, then resyncs")
            .containsExactly("binance:SYM6", "binance:SYM42", "binance:SYM5");
        assertThat(lines).anyMatch(l -> l.contains("binance:SYM6 ") && l.contains("resyncs=1 gaps=2"));
        assertThat(lines).anyMatch(l -> l.startsWith("every feed's line: --feeds (all 2,000 feeds and 1 connections)"));
    }

    @Test
    void topNRanksNFeedsAndFeedsPrintsEveryLine()
    {
        final List<String> lines = stat(null, new StatCommand.Detail(25, true));

        assertThat(ranked(lines, "stalest feeds (top 25")).hasSize(25);
        assertThat(lines.stream().filter(l -> l.trim().startsWith("binance:SYM")).count()).isEqualTo(FEEDS);
        assertThat(lines.stream().filter(l -> l.trim().startsWith("binance:SYM")).findFirst().orElseThrow())
            .as("natural order").contains("binance:SYM0 ");
        assertThat(lines).anyMatch(l -> l.trim().startsWith("binance:connection-0 ") && l.contains(" open "));
    }

    @Test
    void filterSelectsTheSummaryAndTheLinesOfMatchingFeeds()
    {
        final List<String> lines = stat(Pattern.compile("SYM4[0-9]$"), new StatCommand.Detail(10, false));

        assertThat(lines).contains("feeds: 10 live=10");
        assertThat(lines.stream().filter(l -> l.trim().startsWith("binance:SYM")).count()).isEqualTo(10);
        assertThat(ranked(lines, "most troubled feeds")).containsExactly("binance:SYM42");
    }

    private List<String> stat(final Pattern filter, final StatCommand.Detail detail)
    {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < FEEDS; i++)
        {
            symbols.add("SYM" + i);
        }
        try (EngineCounters counters = new EngineCounters(dir.toFile(), CountersSize.forFeeds(FEEDS, 2)))
        {
            final FeedCounters feeds = new FeedCounters(counters, "binance", symbols);
            final long nowNs = System.currentTimeMillis() * 1_000_000L;
            for (int id = 0; id < FEEDS; id++)
            {
                feeds.state(id, FeedState.LIVE.ordinal());
                feeds.onMessage(id, nowNs - id * 1_000_000L);
            }
            feeds.state(1998, FeedState.STALE.ordinal());
            feeds.state(1999, FeedState.STALE.ordinal());
            feeds.state(3, FeedState.BACKOFF.ordinal());
            feeds.state(7, FeedState.CONNECTING.ordinal());
            feeds.onReconnect(3);
            for (int i = 0; i < 4; i++)
            {
                feeds.onResync(42);
            }
            feeds.onResync(5);
            feeds.onResync(6);
            feeds.onGap(6);
            feeds.onGap(6);
            counters.newCounter(CountersFile.CONNECTION_STATE_TYPE, "binance:connection-0 state").set(2);
            counters.newCounter(CountersFile.CONNECTION_MESSAGES_TYPE, "binance:connection-0 messages");
            counters.newCounter(CountersFile.CONNECTION_RECONNECTS_TYPE, "binance:connection-0 reconnects");
            feeds.onMessage(7, 0);

            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CountersFileReader reader = new CountersFileReader(dir.toFile());
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
            {
                StatCommand.print(reader, filter, detail, out);
            }
            return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** The feed names of a ranked list, in rank order. */
    private static List<String> ranked(final List<String> lines, final String heading)
    {
        final List<String> names = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith(heading))
        {
            i++;
        }
        assertThat(i).as("heading %s", heading).isLessThan(lines.size());
        for (i++; i < lines.size() && lines.get(i).matches("\\s+[0-9]+\\s+.*"); i++)
        {
            names.add(lines.get(i).trim().split("\\s+")[1]);
        }
        return names;
    }
}
