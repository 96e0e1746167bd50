package io.fathom.engine.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fathom.engine.feed.FeedState;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The counters and latency percentiles in Prometheus's text exposition format at {@code /metrics},
 * served on loopback only; off unless a port is configured. Reads the same counters another
 * process would, so a scrape never touches the engine's threads.
 *
 * <p>The number of series stays bounded whatever the number of feeds: the system counters, feeds and
 * connections by state, and the age of the stalest feed's last message. Five series per feed
 * ({@code fathom_feed_*{venue,symbol}}) only when per-feed series are asked for: at 10,000 feeds
 * that is 50,000 series a scrape.
 */
public final class MetricsServer implements AutoCloseable
{
    private static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };
    /** System counters that go up and down; the rest only go up. */
    private static final java.util.Set<String> GAUGES = java.util.Set.of(
        SystemCounter.CONNECTIONS_OPEN.label(), SystemCounter.RING_REMAINING_CAPACITY.label(),
        SystemCounter.BOOK_HANDLER_LAG.label(), SystemCounter.JOURNAL_HANDLER_LAG.label(),
        SystemCounter.JOURNAL_SUSPENDED.label());

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountersReader counters;
    private final Supplier<Histogram> latency;
    private final boolean perFeedSeries;

    /** Aggregate series only; see {@link #MetricsServer(int, CountersReader, Supplier, boolean)}. */
    public MetricsServer(final int port, final CountersReader counters, final Supplier<Histogram> latency)
    {
        this(port, counters, latency, false);
    }

    /**
     * @param port          TCP port on 127.0.0.1; 0 picks a free one.
     * @param latency       receipt-to-applied latency in nanoseconds, copied per scrape.
     * @param perFeedSeries also five series per feed, labelled by venue and symbol.
     */
    public MetricsServer(
        final int port, final CountersReader counters, final Supplier<Histogram> latency, final boolean perFeedSeries)
    {
        this.counters = counters;
        this.latency = latency;
        this.perFeedSeries = perFeedSeries;
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot serve metrics on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
        }
        executor = Executors.newSingleThreadExecutor(r ->
        {
            final Thread thread = new Thread(r, "fathom-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::serve);
        server.start();
    }

    public int port()
    {
        return server.getAddress().getPort();
    }

    private void serve(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()))
            {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            final byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    /** The exposition text; public for tests and for tools that print it. */
    public String render()
    {
        final StringBuilder out = new StringBuilder(16 * 1024);
        final StringBuilder feeds = perFeedSeries ? new StringBuilder() : null;
        final int[] feedStates = new int[FeedState.values().length];
        final int[] connectionStates = new int[CountersFile.CONNECTION_STATES.size()];
        final long nowEpochNs = System.currentTimeMillis() * 1_000_000L;
        final long[] oldestMessageEpochNs = { Long.MAX_VALUE };
        counters.forEach((value, id, label) ->
        {
            final int type = counters.getCounterTypeId(id);
            switch (type)
            {
                case CountersFile.SYSTEM_TYPE ->
                {
                    final String name = "fathom_" + label;
                    out.append("# TYPE ").append(name).append(GAUGES.contains(label) ? " gauge\n" : " counter\n")
                        .append(name).append(' ').append(value).append('\n');
                    return;
                }
                case CountersFile.FEED_STATE_TYPE -> count(feedStates, value);
                case CountersFile.CONNECTION_STATE_TYPE -> count(connectionStates, value);
                case CountersFile.FEED_LAST_MESSAGE_TYPE ->
                {
                    if (value > 0 && value < oldestMessageEpochNs[0] && isOpen(feedStateOf(id)))
                    {
                        oldestMessageEpochNs[0] = value;
                    }
                }
                default -> { }
            }
            if (feeds != null && type < CountersFile.CONNECTION_STATE_TYPE)
            {
                appendFeedSample(feeds, label, value);
            }
        });
        out.append("# TYPE fathom_feeds gauge\n");
        for (int i = 0; i < feedStates.length; i++)
        {
            out.append("fathom_feeds{state=\"").append(FeedState.of(i).label()).append("\"} ").append(feedStates[i]).append('\n');
        }
        out.append("# TYPE fathom_connections gauge\n");
        for (int i = 0; i < connectionStates.length; i++)
        {
            out.append("fathom_connections{state=\"").append(CountersFile.CONNECTION_STATES.get(i)).append("\"} ")
                .append(connectionStates[i]).append('\n');
        }
        out.append("# TYPE fathom_feed_stalest_age_seconds gauge\n")
            .append("fathom_feed_stalest_age_seconds ")
            .append(oldestMessageEpochNs[0] == Long.MAX_VALUE ? 0.0 : Math.max(0, nowEpochNs - oldestMessageEpochNs[0]) / 1e9)
            .append('\n');
        if (feeds != null)
        {
            out.append("# TYPE fathom_feed_state gauge\n")
                .append("# TYPE fathom_feed_messages counter\n")
                .append("# TYPE fathom_feed_last_message_epoch_ns gauge\n")
                .append("# TYPE fathom_feed_reconnects counter\n")
                .append("# TYPE fathom_feed_resyncs counter\n")
                .append("# TYPE fathom_feed_gaps counter\n")
                .append(feeds);
        }
        final Histogram histogram = latency.get();
        out.append("# TYPE fathom_latency_applied_seconds summary\n");
        for (final double q : QUANTILES)
        {
            out.append("fathom_latency_applied_seconds{quantile=\"").append(q).append("\"} ")
                .append(histogram.getValueAtPercentile(q * 100.0) / 1e9).append('\n');
        }
        out.append("fathom_latency_applied_seconds_count ").append(histogram.getTotalCount()).append('\n');
        return out.toString();
    }

    private static void appendFeedSample(final StringBuilder feeds, final String label, final long value)
    {
        final int space = label.lastIndexOf(' ');
        final int colon = label.indexOf(':');
        if (space < 0 || colon < 0 || colon > space)
        {
            return;
        }
        feeds.append("fathom_feed_").append(label.substring(space + 1))
            .append("{venue=\"").append(escape(label.substring(0, colon)))
            .append("\",symbol=\"").append(escape(label.substring(colon + 1, space))).append("\"} ")
            .append(value).append('\n');
    }

    /** A feed's counters are allocated together, state two before its last message time ({@link FeedCounters}). */
    private long feedStateOf(final int lastMessageCounterId)
    {
        final int stateId = lastMessageCounterId - 2;
        return stateId >= 0 && counters.getCounterTypeId(stateId) == CountersFile.FEED_STATE_TYPE ?
            counters.getCounterValue(stateId) : -1;
    }

    private static boolean isOpen(final long feedState)
    {
        return feedState >= 0 && feedState < FeedState.values().length && !FeedState.of((int)feedState).isTerminal();
    }

    private static void count(final int[] counts, final long state)
    {
        if (state >= 0 && state < counts.length)
        {
            counts[(int)state]++;
        }
    }

    private static String escape(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}
