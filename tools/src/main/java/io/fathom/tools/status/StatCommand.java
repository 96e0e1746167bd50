package io.fathom.tools.status;

import io.fathom.engine.LatencyTracker;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
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
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code fathom stat}: the engine's counters from another process, through the memory-mapped
 * counters file; works while the engine runs and on the file a stopped or crashed engine left.
 * Prints a summary that stays short at any number of feeds (feeds and connections by state, the
 * stalest and the most troubled feeds); every feed's line only with {@code --feeds} or {@code --filter}.
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

    @Option(names = "--filter", paramLabel = "REGEX",
        description = "only counters, feeds and connections whose label matches; prints the matching feeds' lines")
    String filter;

    @Option(names = "--feeds", description = "also print every feed's and connection's line (by default only the summary)")
    boolean feeds;

    @Option(names = "--top", paramLabel = "N",
        description = "the N worst feeds by staleness and by gaps and resyncs in the summary, 0..100000; default: ${DEFAULT-VALUE}")
    int top = 10;

    @Option(names = "--latency", description = "also print latency percentiles from the run directory's latency.hlog")
    boolean latency;

    @Override
    public Integer call() throws Exception
    {
        if (intervalMs < 100 || intervalMs > 3_600_000)
        {
            throw new IllegalArgumentException("--interval must be 100..3600000 ms (got " + intervalMs + ")");
        }
        if (top < 0 || top > 100_000)
        {
            throw new IllegalArgumentException("--top must be 0..100000 (got " + top + ")");
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
                print(reader, pattern, new Detail(top, feeds), System.out);
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

    /** What to print beyond the summary. */
    record Detail(int top, boolean allLines)
    {
    }

    static void print(final CountersFileReader reader, final Pattern filter, final Detail detail, final PrintStream out)
    {
        final long nowMs = System.currentTimeMillis();
        final long heartbeatMs = reader.heartbeatEpochMs();
        final boolean alive = ProcessHandle.of(reader.pid()).map(ProcessHandle::isAlive).orElse(false);
        final boolean running = alive && nowMs - heartbeatMs < 2_000;
        out.printf("engine pid %d, started %s, last heartbeat %s (%s)%n", reader.pid(),
            Instant.ofEpochMilli(reader.startEpochMs()), Instant.ofEpochMilli(heartbeatMs),
            running ? "running" : "not running: values as the engine left them");
        final StatRows rows = StatRows.read(reader.counters(), filter);
        out.println("counters:");
        rows.system.forEach((label, value) -> out.printf("  %-26s %,d%n", label, value));
        if (rows.system.getOrDefault(SystemCounter.JOURNAL_SUSPENDED.label(), 0L) > 0)
        {
            out.printf("journal: SUSPENDED, its disk is short of space; %,d records skipped so far (fathom errors)%n",
                rows.system.getOrDefault(SystemCounter.JOURNAL_RECORDS_SKIPPED.label(), 0L));
        }
        // A stopped engine's feeds are aged from its last heartbeat, not from now.
        new StatSummary(rows, (running ? nowMs : heartbeatMs) * 1_000_000L).print(detail.top(), out);
        if (detail.allLines() || filter != null)
        {
            rows.sortByName();
            out.println("feeds:");
            for (final StatRows.Feed feed : rows.feeds)
            {
                out.println(StatSummary.feedLine(feed));
            }
            printConnections(rows.connections, out);
        }
        else
        {
            out.printf("every feed's line: --feeds (all %,d feeds and %,d connections) or --filter REGEX; " +
                "longer rankings: --top N%n", rows.feeds.size(), rows.connections.size());
        }
    }

    static void printConnections(final java.util.List<StatRows.Connection> connections, final PrintStream out)
    {
        out.println("connections:");
        for (final StatRows.Connection connection : connections)
        {
            out.printf("  %-24s %-10s messages=%,d reconnects=%d%n", connection.name,
                StatSummary.connectionState(connection.state), connection.messages, connection.reconnects);
        }
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
