package io.fathom.tools.status;

import io.fathom.engine.LatencyTracker;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.status.CountersFile;
import io.fathom.engine.status.CountersFileReader;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code fathom stat}: the engine's counters from another process, through the memory-mapped
 * counters file; works while the engine runs and on the file a stopped or crashed engine left.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = "Prints an engine's counters and feeds from its run directory, live (--watch) or after it stopped.")
public final class StatCommand implements Callable<Integer>
{
    @Option(names = "--dir", paramLabel = "RUN_DIR", description = "the engine's --run-dir; default: ${DEFAULT-VALUE}")
    File dir = new File("fathom-run");

    @Option(names = "--watch", description = "refresh every --interval until Ctrl-C")
    boolean watch;

    @Option(names = "--interval", paramLabel = "MS", description = "refresh interval with --watch, ms; default: ${DEFAULT-VALUE}")
    long intervalMs = 1000;

    @Option(names = "--filter", paramLabel = "REGEX", description = "only counters and feeds whose label matches")
    String filter;

    @Option(names = "--latency", description = "also print latency percentiles from the run directory's latency.hlog")
    boolean latency;

    @Override
    public Integer call() throws Exception
    {
        if (intervalMs < 100 || intervalMs > 3_600_000)
        {
            throw new IllegalArgumentException("--interval must be 100..3600000 ms (got " + intervalMs + ")");
        }
        final Pattern pattern = filter == null ? null : filterPattern(filter);
        try (CountersFileReader reader = RunDirectory.open(dir))
        {
            do
            {
                if (watch)
                {
                    System.out.print("\033[H\033[2J");
                }
                print(reader, pattern, System.out);
                if (latency)
                {
                    printLatency(new File(dir, LatencyTracker.LOG_FILE_NAME), System.out);
                }
                System.out.flush();
                if (watch)
                {
                    Thread.sleep(intervalMs);
                }
            }
            while (watch);
        }
        return 0;
    }

    private static Pattern filterPattern(final String regex)
    {
        try
        {
            return Pattern.compile(regex);
        }
        catch (final PatternSyntaxException ex)
        {
            throw new IllegalArgumentException("--filter must be a Java regular expression (got '" + regex + "': " +
                ex.getDescription() + ")", ex);
        }
    }

    static void print(final CountersFileReader reader, final Pattern filter, final PrintStream out)
    {
        final long ageMs = System.currentTimeMillis() - reader.heartbeatEpochMs();
        final boolean alive = ProcessHandle.of(reader.pid()).map(ProcessHandle::isAlive).orElse(false);
        out.printf("engine pid %d, started %s, last heartbeat %s (%s)%n", reader.pid(),
            Instant.ofEpochMilli(reader.startEpochMs()), Instant.ofEpochMilli(reader.heartbeatEpochMs()),
            alive && ageMs < 2_000 ? "running" : "not running: values as the engine left them");
        final Map<String, Long> system = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> feeds = new TreeMap<>();
        final Map<String, Map<String, Long>> connections = new TreeMap<>();
        reader.counters().forEach((value, id, label) ->
        {
            final int type = reader.counters().getCounterTypeId(id);
            if (type == CountersFile.SYSTEM_TYPE)
            {
                system.put(label, value);
                return;
            }
            final int space = label.lastIndexOf(' ');
            if (space > 0)
            {
                final Map<String, Map<String, Long>> target = type >= CountersFile.CONNECTION_STATE_TYPE ? connections : feeds;
                target.computeIfAbsent(label.substring(0, space), k -> new LinkedHashMap<>()).put(label.substring(space + 1), value);
            }
        });
        out.println("counters:");
        system.forEach((label, value) ->
        {
            if (filter == null || filter.matcher(label).find())
            {
                out.printf("  %-26s %,d%n", label, value);
            }
        });
        out.println("feeds:");
        feeds.forEach((feed, values) ->
        {
            if (filter == null || filter.matcher(feed).find())
            {
                final long last = values.getOrDefault("last_message_epoch_ns", 0L);
                out.printf("  %-24s %-10s messages=%,d last=%s reconnects=%d resyncs=%d%n", feed,
                    FeedState.of((int)(long)values.getOrDefault("state", 0L)).label(),
                    values.getOrDefault("messages", 0L),
                    last == 0 ? "-" : Instant.ofEpochSecond(0, last).toString(),
                    values.getOrDefault("reconnects", 0L), values.getOrDefault("resyncs", 0L));
            }
        });
        printConnections(connections, filter, out);
    }

    private static final String[] CONNECTION_STATES = { "pending", "connecting", "open", "backoff", "closing", "closed", "failed" };

    static void printConnections(final Map<String, Map<String, Long>> connections, final Pattern filter, final PrintStream out)
    {
        out.println("connections:");
        connections.forEach((connection, values) ->
        {
            if (filter == null || filter.matcher(connection).find())
            {
                final int state = (int)(long)values.getOrDefault("state", 0L);
                out.printf("  %-24s %-10s messages=%,d reconnects=%d%n", connection,
                    state >= 0 && state < CONNECTION_STATES.length ? CONNECTION_STATES[state] : "state " + state,
                    values.getOrDefault("messages", 0L), values.getOrDefault("reconnects", 0L));
            }
        });
    }

    static void printLatency(final File hlog, final PrintStream out) throws FileNotFoundException
    {
        if (!hlog.isFile())
        {
            out.println("latency: no " + hlog);
            return;
        }
        final Map<String, Histogram> last = new LinkedHashMap<>();
        final Map<String, Histogram> total = new LinkedHashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(hlog);
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null)
        {
            final Histogram interval = (Histogram)next;
            final String tag = interval.getTag() == null ? "untagged" : interval.getTag();
            last.put(tag, interval);
            total.computeIfAbsent(tag, t -> new Histogram(interval.getHighestTrackableValue(), 3)).add(interval);
        }
        for (final String tag : total.keySet())
        {
            out.printf("latency receipt->%s, last interval: %s%n", tag, percentiles(last.get(tag)));
            out.printf("latency receipt->%s, whole run:     %s%n", tag, percentiles(total.get(tag)));
        }
    }

    static String percentiles(final Histogram h)
    {
        if (h.getTotalCount() == 0)
        {
            return "no samples";
        }
        return String.format("count=%d p50=%dus p99=%dus p99.9=%dus max=%dus", h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000, h.getValueAtPercentile(99) / 1000,
            h.getValueAtPercentile(99.9) / 1000, h.getMaxValue() / 1000);
    }
}
