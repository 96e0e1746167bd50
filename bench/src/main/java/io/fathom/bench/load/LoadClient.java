package io.fathom.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fathom.engine.feed.Transport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.java_websocket.client.WebSocketClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A design under test, run in its own JVM by the {@link LoadHarness}: it connects to the simulator,
 * says {@code ready} once every book is synced, then answers the harness's commands on standard input
 * with one {@value #PREFIX}JSON line each on standard output (anything else printed there is log):
 *
 * <ul>
 *   <li>{@code count}: frames received, messages applied to a book, messages discarded on purpose by the
 *   sync rule (older than the book), and whether nothing received is still waiting to be processed;</li>
 *   <li>{@code begin}: start a measurement window (the simulator is paused and this design drained);</li>
 *   <li>{@code end}: the window's end, with CPU, allocation and GC spent since {@code begin};</li>
 *   <li>{@code report}: after the harness drained the window's messages, the latency histograms;</li>
 *   <li>{@code shutdown}: stop (under load), say how it went, and exit.</li>
 * </ul>
 */
abstract class LoadClient
{
    static final String PREFIX = "@load ";
    static final long HIGHEST_TRACKABLE_NS = TimeUnit.HOURS.toNanos(1);
    /** Connecting (the simulator holding its streams) and then syncing every book. */
    private static final long READY_TIMEOUT_NS = TimeUnit.MINUTES.toNanos(4);
    private static final long PROGRESS_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);
    private static final int CONNECTS_IN_FLIGHT = 32;
    private static final int CONNECT_TIMEOUT_SECONDS = 30;

    static final ObjectMapper JSON = new ObjectMapper();

    final Options options;
    final DueTable.Reader dueTable;
    /** Intended send (the simulator's schedule) to applied. */
    final Recorder intendedToApplied = new Recorder(HIGHEST_TRACKABLE_NS, 3);
    /** Frame receipt to applied. */
    final Recorder receiptToApplied = new Recorder(HIGHEST_TRACKABLE_NS, 3);
    volatile boolean recording;

    /** What every design is told on its command line. */
    record Options(String design, String wsUrl, String restUrl, int symbols, int connections, File dueTable, File workDir)
    {
        static Options parse(final String[] args)
        {
            final Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2)
            {
                values.put(args[i], args[i + 1]);
            }
            return new Options(
                require(values, "--design"), require(values, "--ws"), require(values, "--rest"),
                Integer.parseInt(require(values, "--symbols")), Integer.parseInt(require(values, "--connections")),
                new File(require(values, "--due-table")), new File(require(values, "--work-dir")));
        }

        String[] toArgs()
        {
            return new String[]{
                "--design", design, "--ws", wsUrl, "--rest", restUrl, "--symbols", Integer.toString(symbols),
                "--connections", Integer.toString(connections), "--due-table", dueTable.getPath(),
                "--work-dir", workDir.getPath()};
        }

        private static String require(final Map<String, String> values, final String name)
        {
            final String value = values.get(name);
            if (value == null)
            {
                throw new IllegalArgumentException("missing " + name);
            }
            return value;
        }

        /** The combined-stream URL of the symbols a connection carries: symbols dealt out in runs. */
        String streamUrl(final int connection)
        {
            final StringBuilder url = new StringBuilder(wsUrl).append("/stream?streams=");
            final int[] range = symbolRange(connection);
            for (int i = range[0]; i < range[1]; i++)
            {
                url.append(i == range[0] ? "" : "/").append("sym").append(i).append("@depth@100ms");
            }
            return url.toString();
        }

        /** {@code [from, to)} of the symbols connection {@code connection} carries. */
        int[] symbolRange(final int connection)
        {
            final int perConnection = streamsPerConnection();
            return new int[]{connection * perConnection, Math.min(symbols, (connection + 1) * perConnection)};
        }

        int streamsPerConnection()
        {
            return (symbols + connections - 1) / connections;
        }
    }

    LoadClient(final Options options)
    {
        this.options = options;
        this.dueTable = DueTable.open(options.dueTable());
    }

    /** Connects; returns at once, {@link #ready()} says when every book is synced. */
    abstract void start() throws Exception;

    abstract boolean ready();

    /** Depth frames received. */
    abstract long received();

    /** Depth messages applied to a book. */
    abstract long applied();

    /** Depth messages dropped on purpose by the sync rule: already covered by the book's snapshot. */
    abstract long discarded();

    /** Nothing received is waiting to be processed. */
    abstract boolean idle();

    /** Sequence gaps seen (each costs a resync). */
    abstract long gaps();

    /** Stops under load; what the shutdown did, as JSON fields. */
    abstract ObjectNode shutdown();

    /** How far start-up has got, for the log while the harness waits for {@code ready}. */
    String progress()
    {
        return "received " + received() + " applied " + applied() + " discarded " + discarded();
    }

    /** Called before a window starts, the design quiet. */
    void beforeBegin()
    {
    }

    /** Called before the window's histograms are taken, its messages all processed. */
    void beforeReport()
    {
    }

    /** Receipt to journaled over the window, or null for a design without a journal. */
    Histogram journaled()
    {
        return null;
    }

    /** Receipt to applied over the window. */
    Histogram receiptToAppliedWindow()
    {
        return receiptToApplied.getIntervalHistogram();
    }

    /** Records intended-send to applied for the diff of {@code symbolIndex} ending at {@code lastUpdateId}. */
    final void recordApplied(final int symbolIndex, final long lastUpdateId, final long nowNs)
    {
        final long dueNs = dueTable.dueNs(symbolIndex, lastUpdateId);
        if (recording && dueNs > 0)
        {
            intendedToApplied.recordValue(clamp(nowNs - dueNs));
        }
    }

    /**
     * Opens connections {@value #CONNECTS_IN_FLIGHT} at a time, as the engine admits them, so that 500
     * handshakes neither queue one after another nor overflow the simulator's accept backlog.
     */
    static void openAll(final List<? extends WebSocketClient> connections) throws InterruptedException
    {
        for (int first = 0; first < connections.size(); first += CONNECTS_IN_FLIGHT)
        {
            final List<? extends WebSocketClient> batch =
                connections.subList(first, Math.min(connections.size(), first + CONNECTS_IN_FLIGHT));
            for (final WebSocketClient connection : batch)
            {
                connection.connect();
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_TIMEOUT_SECONDS);
            for (final WebSocketClient connection : batch)
            {
                while (!connection.isOpen())
                {
                    if (connection.isClosed() || System.nanoTime() - deadlineNs > 0)
                    {
                        throw new IllegalStateException("cannot connect to " + connection.getURI());
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }

    static long clamp(final long nanos)
    {
        return Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NS));
    }

    /**
     * Runs a design until the harness says {@code shutdown}; exits at once on any failure, without
     * closing what runs (its threads may still be reading the due table, which closing would unmap),
     * and when the harness has gone.
     */
    public static void main(final String[] args)
    {
        try
        {
            final Options options = Options.parse(args);
            ProcessHandle.current().parent().ifPresent((harness) -> harness.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
            final LoadClient client = create(options);
            final ProcessStats stats = new ProcessStats();
            client.start();
            final long startNs = System.nanoTime();
            long nextProgressNs = startNs + PROGRESS_INTERVAL_NS;
            while (!client.ready())
            {
                final long nowNs = System.nanoTime();
                if (nowNs - startNs > READY_TIMEOUT_NS)
                {
                    throw new IllegalStateException("not every book synced within 4 minutes: " + client.progress());
                }
                if (nowNs - nextProgressNs > 0)
                {
                    nextProgressNs = nowNs + PROGRESS_INTERVAL_NS;
                    System.err.println("starting: " + client.progress());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            client.reply(JSON.createObjectNode().put("event", "ready"));
            client.serve(stats);
            stats.close();
        }
        catch (final Throwable ex)
        {
            ex.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
        Runtime.getRuntime().halt(0);
    }

    private static LoadClient create(final Options options)
    {
        switch (options.design())
        {
            case "fathom":
                return new FathomClient(options, Transport.JAVA_WEBSOCKET, false);
            case "fathom-jdk":
                return new FathomClient(options, Transport.JDK, false);
            case "fathom-selector":
                return new FathomClient(options, Transport.SELECTOR, false);
            case "fathom-invoker":
                return new FathomClient(options, Transport.SELECTOR, true);
            case "transport":
                return new TransportClient(options);
            case "transport-jdk":
                return new JdkTransportClient(options);
            case "transport-netty":
                return new NettyTransportClient(options);
            case "transport-selector":
                return new SelectorTransportClient(options);
            case "conventional":
                return new ConventionalClient(options);
            default:
                throw new IllegalArgumentException("unknown design " + options.design());
        }
    }

    private void serve(final ProcessStats stats) throws Exception
    {
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        ProcessStats.Sample begin = stats.sample();
        ProcessStats.Sample end = begin;
        Map<String, Long> threadCpuBegin = stats.cpuByThreadGroup();
        long unmatchedBase = 0;
        String command;
        while ((command = in.readLine()) != null)
        {
            final ObjectNode reply = JSON.createObjectNode();
            switch (command.trim())
            {
                case "count":
                    counts(reply).put("idle", idle());
                    break;
                case "begin":
                    beforeBegin();
                    intendedToApplied.reset();
                    receiptToApplied.reset();
                    recording = true;
                    unmatchedBase = dueTable.unmatched();
                    threadCpuBegin = stats.cpuByThreadGroup();
                    begin = stats.sample();
                    counts(reply);
                    break;
                case "end":
                    end = stats.sample();
                    logThreadCpu(threadCpuBegin, stats.cpuByThreadGroup(), end.wallNs() - begin.wallNs());
                    counts(reply)
                        .put("wall_ns", end.wallNs() - begin.wallNs())
                        .put("cpu_ns", end.cpuNs() - begin.cpuNs())
                        .put("alloc_bytes", end.allocatedBytes() - begin.allocatedBytes());
                    break;
                case "report":
                    recording = false;
                    beforeReport();
                    final ProcessStats.Pauses pauses = stats.pausesBetween(begin, end);
                    counts(reply)
                        .put("gaps", gaps())
                        .put("unmatched", dueTable.unmatched() - unmatchedBase)
                        .put("gc_count", pauses.count())
                        .put("gc_pause_ns", pauses.totalNs())
                        .put("gc_max_pause_ns", pauses.maxNs())
                        .put("intended_to_applied", Histograms.encode(intendedToApplied.getIntervalHistogram()))
                        .put("receipt_to_applied", Histograms.encode(receiptToAppliedWindow()));
                    final Histogram journaled = journaled();
                    if (journaled != null)
                    {
                        reply.put("receipt_to_journaled", Histograms.encode(journaled));
                    }
                    break;
                case "shutdown":
                    reply.setAll(shutdown());
                    reply(reply);
                    return;
                default:
                    reply.put("error", "unknown command " + command);
            }
            reply(reply);
        }
    }

    /** Where the window's CPU went, by thread group, busiest first, into the design's log. */
    private static void logThreadCpu(final Map<String, Long> before, final Map<String, Long> after, final long wallNs)
    {
        final StringBuilder line = new StringBuilder("window CPU by thread group, % of one core:");
        after.entrySet().stream()
            .map((e) -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
            .filter((e) -> e.getValue() * 1000 >= wallNs)
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .forEach((e) -> line.append(String.format(java.util.Locale.ROOT, " %s=%.1f", e.getKey(), 100.0 * e.getValue() / wallNs)));
        System.err.println(line);
    }

    private ObjectNode counts(final ObjectNode reply)
    {
        return reply.put("received", received()).put("applied", applied()).put("discarded", discarded());
    }

    final void reply(final ObjectNode reply) throws Exception
    {
        final String line = PREFIX + JSON.writeValueAsString(reply);
        synchronized (System.out)
        {
            System.out.println(line);
            System.out.flush();
        }
    }
}
