package io.fathom.engine.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 */
public final class MetricsServer implements AutoCloseable
{
    private static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountersReader counters;
    private final Supplier<Histogram> latency;

    /**
     * @param port    TCP port on 127.0.0.1; 0 picks a free one.
     * @param latency receipt-to-applied latency in nanoseconds, copied per scrape.
     */
    public MetricsServer(final int port, final CountersReader counters, final Supplier<Histogram> latency)
    {
        this.counters = counters;
        this.latency = latency;
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("--metrics-port " + port + ": cannot listen on 127.0.0.1: " + ex.getMessage(), ex);
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
        final StringBuilder feeds = new StringBuilder();
        counters.forEach((value, id, label) ->
        {
            final int type = counters.getCounterTypeId(id);
            if (type == CountersFile.SYSTEM_TYPE)
            {
                final String name = "fathom_" + label;
                out.append("# TYPE ").append(name).append(label.equals("connections_open") ? " gauge\n" : " counter\n")
                    .append(name).append(' ').append(value).append('\n');
                return;
            }
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
        });
        out.append("# TYPE fathom_feed_state gauge\n")
            .append("# TYPE fathom_feed_messages counter\n")
            .append("# TYPE fathom_feed_last_message_epoch_ns gauge\n")
            .append("# TYPE fathom_feed_reconnects counter\n")
            .append("# TYPE fathom_feed_resyncs counter\n")
            .append(feeds);
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
