package io.fathom.tools.status;

import io.fathom.engine.feed.FeedState;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The part of {@code fathom stat} an operator of thousands of feeds reads first: how many feeds and
 * connections are in each state, then the N stalest feeds (longest since their last message) and the
 * N most troubled: sequence gaps first, then resyncs (gaps, crossed books, failed checksums), then reconnects.
 */
final class StatSummary
{
    private static final String[] CONNECTION_STATES = { "pending", "connecting", "open", "backoff", "closing", "closed", "failed" };

    private final StatRows rows;
    private final long nowEpochNs;

    /** @param nowEpochNs the moment ages are measured from. */
    StatSummary(final StatRows rows, final long nowEpochNs)
    {
        this.rows = rows;
        this.nowEpochNs = nowEpochNs;
    }

    void print(final int top, final PrintStream out)
    {
        final int[] feedStates = new int[FeedState.values().length];
        int otherStates = 0;
        for (final StatRows.Feed feed : rows.feeds)
        {
            if (feed.state >= 0 && feed.state < feedStates.length)
            {
                feedStates[(int)feed.state]++;
            }
            else
            {
                otherStates++;
            }
        }
        final StringBuilder line = new StringBuilder(String.format("feeds: %,d", rows.feeds.size()));
        for (int i = 0; i < feedStates.length; i++)
        {
            if (feedStates[i] > 0)
            {
                line.append(' ').append(FeedState.of(i).label()).append('=').append(feedStates[i]);
            }
        }
        if (otherStates > 0)
        {
            line.append(" unknown=").append(otherStates);
        }
        out.println(line);

        final int[] connectionStates = new int[CONNECTION_STATES.length + 1];
        for (final StatRows.Connection connection : rows.connections)
        {
            connectionStates[connection.state >= 0 && connection.state < CONNECTION_STATES.length ?
                (int)connection.state : CONNECTION_STATES.length]++;
        }
        line.setLength(0);
        line.append(String.format("connections: %,d", rows.connections.size()));
        for (int i = 0; i < connectionStates.length; i++)
        {
            if (connectionStates[i] > 0)
            {
                line.append(' ').append(i < CONNECTION_STATES.length ? CONNECTION_STATES[i] : "unknown")
                    .append('=').append(connectionStates[i]);
            }
        }
        out.println(line);
        if (top == 0)
        {
            return;
        }

        final List<StatRows.Feed> open = new ArrayList<>(rows.feeds.size());
        for (final StatRows.Feed feed : rows.feeds)
        {
            if (feed.state != FeedState.CLOSED.ordinal())
            {
                open.add(feed);
            }
        }
        final List<StatRows.Feed> stalest = worst(open, Comparator.comparingLong(this::ageNs).reversed(), top);
        out.printf("stalest feeds (top %d by time since the last message):%s%n", top, open.isEmpty() ? " none open" : "");
        printRanked(stalest, out);

        final List<StatRows.Feed> troubled = new ArrayList<>();
        for (final StatRows.Feed feed : rows.feeds)
        {
            if (feed.gaps > 0 || feed.resyncs > 0 || feed.reconnects > 0)
            {
                troubled.add(feed);
            }
        }
        final Comparator<StatRows.Feed> byTroubles = Comparator.<StatRows.Feed>comparingLong(f -> f.gaps)
            .thenComparingLong(f -> f.resyncs).thenComparingLong(f -> f.reconnects).reversed();
        out.printf("most troubled feeds (top %d by sequence gaps, then resyncs, then reconnects):%s%n",
            top, troubled.isEmpty() ? " none" : "");
        printRanked(worst(troubled, byTroubles, top), out);
    }

    /** Since the feed's last message; {@link Long#MAX_VALUE} for a feed that never had one. */
    long ageNs(final StatRows.Feed feed)
    {
        return feed.lastMessageEpochNs == 0 ? Long.MAX_VALUE : Math.max(0, nowEpochNs - feed.lastMessageEpochNs);
    }

    /** The first {@code top} feeds in {@code order} (ties by name), kept in a bounded heap: no sort of every feed. */
    private static List<StatRows.Feed> worst(final List<StatRows.Feed> feeds, final Comparator<StatRows.Feed> order, final int top)
    {
        final Comparator<StatRows.Feed> ranking = order.thenComparing((a, b) -> StatRows.compareNames(a.name, b.name));
        final PriorityQueue<StatRows.Feed> kept = new PriorityQueue<>(Math.min(top, feeds.size()) + 1, ranking.reversed());
        for (final StatRows.Feed feed : feeds)
        {
            if (kept.size() < top)
            {
                kept.add(feed);
            }
            else if (ranking.compare(feed, kept.peek()) < 0)
            {
                kept.poll();
                kept.add(feed);
            }
        }
        final List<StatRows.Feed> ranked = new ArrayList<>(kept);
        ranked.sort(ranking);
        return ranked;
    }

    private void printRanked(final List<StatRows.Feed> feeds, final PrintStream out)
    {
        int rank = 1;
        for (final StatRows.Feed feed : feeds)
        {
            final long ageNs = ageNs(feed);
            out.printf("  %4d  %-24s %-10s age=%s messages=%,d reconnects=%d resyncs=%d gaps=%d%n", rank++, feed.name,
                feedState(feed.state), ageNs == Long.MAX_VALUE ? "never" : String.format("%.1fs", ageNs / 1e9),
                feed.messages, feed.reconnects, feed.resyncs, feed.gaps);
        }
    }

    static String feedLine(final StatRows.Feed feed)
    {
        return String.format("  %-24s %-10s messages=%,d last=%s reconnects=%d resyncs=%d gaps=%d", feed.name,
            feedState(feed.state), feed.messages,
            feed.lastMessageEpochNs == 0 ? "-" : Instant.ofEpochSecond(0, feed.lastMessageEpochNs).toString(),
            feed.reconnects, feed.resyncs, feed.gaps);
    }

    static String feedState(final long state)
    {
        return state >= 0 && state < FeedState.values().length ? FeedState.of((int)state).label() : "state " + state;
    }

    static String connectionState(final long state)
    {
        return state >= 0 && state < CONNECTION_STATES.length ? CONNECTION_STATES[(int)state] : "state " + state;
    }
}
