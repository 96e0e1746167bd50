package io.fathom.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fathom.engine.LatencyTracker;
import io.fathom.tools.FathomCli;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One {@code fathom demo} process at one number of symbols, from launch to its exit after SIGTERM. */
final class ScaleRun
{
    private static final Pattern PROGRESS = Pattern.compile("^t=\\d+s .* books=(\\d+)/(\\d+) live .*");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final long EXIT_BOUND_MS = 60_000;

    /** What every point of a harness run shares: the jar, the load, the bounds and the engine JVM's options. */
    record Settings(File jar, long rate, int holdSeconds, int liveBoundSeconds, File out, List<String> jvmOptions)
    {
    }

    private final File jar;
    private final int symbols;
    private final long rate;
    private final int holdSeconds;
    private final int liveBoundSeconds;
    private final File out;
    private final List<String> jvmOptions;
    private volatile int booksLive;
    private volatile long allLiveNs;

    ScaleRun(final Settings settings, final int symbols)
    {
        this.jar = settings.jar();
        this.symbols = symbols;
        this.rate = settings.rate();
        this.holdSeconds = settings.holdSeconds();
        this.liveBoundSeconds = settings.liveBoundSeconds();
        this.out = settings.out();
        this.jvmOptions = settings.jvmOptions();
    }

    ScalePoint run() throws IOException, InterruptedException
    {
        final Path work = Files.createTempDirectory(out.toPath(), "run-" + symbols + "-");
        final File runDir = work.resolve("run").toFile();
        final File summary = work.resolve("summary.json").toFile();
        final List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.getPath(), "demo", "--symbols", Integer.toString(symbols),
            "--rate", Long.toString(rate), "--run-dir", runDir.getPath(), "--journal", work.resolve("journal").toString(),
            "--summary-json", summary.getPath()));
        final long startNs = System.nanoTime();
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final File log = new File(out, "demo-" + symbols + ".log");
        final Thread pump = new Thread(() -> pump(process, log, startNs), "scale-demo-output");
        pump.setDaemon(true);
        pump.start();
        try
        {
            final long liveDeadlineNs = startNs + TimeUnit.SECONDS.toNanos(liveBoundSeconds);
            while (allLiveNs == 0 && System.nanoTime() < liveDeadlineNs && process.isAlive())
            {
                Thread.sleep(200);
            }
            if (!process.isAlive())
            {
                throw new IOException("demo at " + symbols + " symbols exited early with " + process.exitValue() + "; see " + log);
            }
            final long holdStartEpochMs = System.currentTimeMillis();
            Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
            final long holdEndEpochMs = System.currentTimeMillis();
            final int liveAtEnd = booksLive;
            final double rssMb = rssKb(process.pid()) / 1024.0;
            final double heapMb = heapAfterGcKb(process.pid()) / 1024.0;
            final long statMs = medianMs(List.of(java(), "-jar", jar.getPath(), "stat", "--dir", runDir.getPath()));
            final long baselineMs = medianMs(List.of(java(), "-jar", jar.getPath(), "--help"));
            final long inProcessMs = statInProcessMs(runDir);

            final long termNs = System.nanoTime();
            process.destroy();
            if (!process.waitFor(EXIT_BOUND_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                throw new IOException("demo at " + symbols + " symbols did not exit within " + EXIT_BOUND_MS + " ms of SIGTERM");
            }
            final long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - termNs);
            pump.join(5_000);
            final JsonNode json = new ObjectMapper().readTree(summary);
            final Histogram steady = steadyLatency(new File(runDir, LatencyTracker.LOG_FILE_NAME), holdStartEpochMs, holdEndEpochMs);
            return new ScalePoint(symbols, allLiveNs == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(allLiveNs - startNs), liveAtEnd,
                json.path("books_valid").asLong(-1), rssMb, heapMb,
                steady.getTotalCount() == 0 ? Double.NaN : steady.getValueAtPercentile(50) / 1000.0,
                steady.getTotalCount() == 0 ? Double.NaN : steady.getValueAtPercentile(99) / 1000.0,
                json.path("latency_us").path("p99").asDouble(Double.NaN), exitMs,
                json.path("shutdown").path("total_ms").asLong(-1), process.exitValue(), statMs, baselineMs, inProcessMs);
        }
        finally
        {
            process.destroyForcibly();
            deleteTree(work);
        }
    }

    private void pump(final Process process, final File log, final long startNs)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Writer writer = Files.newBufferedWriter(log.toPath(), StandardCharsets.UTF_8))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (line.contains(" INFO "))
                {
                    continue;
                }
                writer.write(line);
                writer.write('\n');
                final Matcher progress = PROGRESS.matcher(line);
                if (progress.matches())
                {
                    booksLive = Integer.parseInt(progress.group(1));
                    if (allLiveNs == 0 && booksLive == Integer.parseInt(progress.group(2)))
                    {
                        allLiveNs = System.nanoTime();
                        writer.write(String.format("[harness] every book live %.1f s after launch%n", (allLiveNs - startNs) / 1e9));
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            System.err.println("scale: reading the demo's output failed: " + ex);
        }
    }

    /** Receipt-to-applied latency of the intervals inside the hold. */
    private static Histogram steadyLatency(final File hlog, final long fromEpochMs, final long toEpochMs) throws IOException
    {
        final Histogram total = new Histogram(3_600_000_000_000L, 3);
        final HistogramLogReader reader = new HistogramLogReader(hlog);
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null)
        {
            final Histogram interval = (Histogram)next;
            if (LatencyTracker.APPLIED_TAG.equals(interval.getTag()) && interval.getStartTimeStamp() >= fromEpochMs &&
                interval.getEndTimeStamp() <= toEpochMs + 1_000)
            {
                total.add(interval);
            }
        }
        return total;
    }

    private static long rssKb(final long pid) throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
        {
            if (line.startsWith("VmRSS:"))
            {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long heapAfterGcKb(final long pid) throws IOException, InterruptedException
    {
        capture(List.of("jcmd", Long.toString(pid), "GC.run"));
        final Matcher used = HEAP_USED.matcher(capture(List.of("jcmd", Long.toString(pid), "GC.heap_info")));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** The median wall time of three runs of a command, a new JVM each. */
    private static long medianMs(final List<String> command) throws IOException, InterruptedException
    {
        final long[] ms = new long[3];
        for (int i = 0; i < ms.length; i++)
        {
            final long startNs = System.nanoTime();
            capture(command);
            ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        }
        Arrays.sort(ms);
        return ms[1];
    }

    /** {@code fathom stat --dir} in this JVM, output discarded: five runs, the median of the last three. */
    private static long statInProcessMs(final File runDir)
    {
        final PrintStream stdout = System.out;
        final long[] ms = new long[5];
        try (PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
        {
            System.setOut(discard);
            for (int i = 0; i < ms.length; i++)
            {
                final long startNs = System.nanoTime();
                FathomCli.execute("stat", "--dir", runDir.getPath());
                ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            }
        }
        finally
        {
            System.setOut(stdout);
        }
        final long[] warm = Arrays.copyOfRange(ms, 2, 5);
        Arrays.sort(warm);
        return warm[1];
    }

    private static String capture(final List<String> command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0)
        {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }

    private static String java()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            final List<Path> all = new ArrayList<>();
            paths.forEach(all::add);
            all.sort(Comparator.reverseOrder());
            for (final Path path : all)
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
