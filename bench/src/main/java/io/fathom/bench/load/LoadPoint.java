package io.fathom.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import io.fathom.engine.Profile;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.HdrHistogram.Histogram;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One design at one rate over one connection count: a fresh simulator in this process and the design in
 * its own, then warm-up, a measurement window between two quiet points, and shutdown under load.
 *
 * <pre>
 *   connected (every connection open and subscribed, the simulator held) -> stream -> ready (every book
 *   synced) -> warm-up -> pause + drain -> begin -> resume ... window ... end
 *   -> pause + drain (every frame of the window processed) -> report -> resume -> shutdown under load
 * </pre>
 *
 * The simulator holds its depth streams until the design has every connection open and every stream
 * subscribed: streaming as fast as read on the same cores, it would otherwise starve its own accept loop
 * and the design's handshakes, so the connect deadline covers connecting alone.
 *
 * Pausing the simulator before and after the window makes the counts exact (sent in the window ==
 * applied in the window unless something was lost) and the histograms cover exactly the window's
 * messages, including those a slow design applies after the window ends. When a design cannot work off
 * its backlog within the drain timeout (as fast as read, a slow design has whole socket buffers in
 * flight) the counts are not comparable and loss is not checked.
 */
final class LoadPoint
{
    /** Connections are never dropped as slow consumers: a backlog is the measurement. */
    private static final int MAX_QUEUED_FRAMES = 1 << 22;
    private static final int MAX_DUE_ENTRIES = 1 << 14;
    /** Every connection open and subscribed, the simulator holding its streams. */
    private static final long CONNECT_TIMEOUT_MS = 180_000;
    /**
     * Every book synced once the streams flow; with the connect deadline a little longer than a design's own
     * start-up limit ({@link LoadClient}), so that it says why it gave up.
     */
    private static final long SYNC_TIMEOUT_MS = 70_000;
    private static final long CONNECT_POLL_MS = 20;
    private static final long COMMAND_TIMEOUT_MS = 30_000;
    private static final long LOAD_BEFORE_SHUTDOWN_MS = 1_000;
    /**
     * As fast as read, the socket buffers of every connection fill as well as the simulator's queue: a
     * slow design may hold more frames in flight than it can process in any sensible time.
     */
    private static final long OPEN_LOOP_DRAIN_TIMEOUT_MS = 10_000;

    /**
     * What every point of a run shares.
     *
     * @param pins    where the design's process runs when the simulator and the design are pinned to CPUs of their
     *                own; null when nothing is pinned.
     * @param profile the engine profile of the Fathom designs.
     */
    record Settings(int symbols, long warmupMs, long windowMs, long drainTimeoutMs, String heap, File logDir, File pythonScript,
        CpuPins pins, Profile profile)
    {
    }

    private final Settings settings;
    private final Design design;
    private final long rate;
    private final int connections;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private final StringBuilder notes = new StringBuilder();

    LoadPoint(final Settings settings, final Design design, final long rate, final int connections)
    {
        this.settings = settings;
        this.design = design;
        this.rate = rate;
        this.connections = connections;
    }

    Design design()
    {
        return design;
    }

    long rate()
    {
        return rate;
    }

    int connections()
    {
        return connections;
    }

    String name()
    {
        return design.id + "-" + (rate == SimulatorConfig.RATE_MAX ? "max" : rate) + "-c" + connections;
    }

    PointResult run() throws IOException, InterruptedException
    {
        final Path workDir = Files.createTempDirectory("fathom-load-" + name() + "-");
        final File dueFile = dueTableFile(workDir);
        final Thread cleanUp = new Thread(() -> deleteQuietly(workDir, dueFile), "load-point-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        final DueTable dueTable = DueTable.create(dueFile, settings.symbols(), dueEntries());
        try
        {
            final Simulator simulator = Simulator.start(new SimulatorConfig()
                .symbolCount(settings.symbols())
                .ratePerSecond(rate)
                .seed(1)
                .pingIntervalSeconds(0)
                .maxQueuedFrames(MAX_QUEUED_FRAMES)
                .diffObserver(dueTable));
            simulator.pause();
            try
            {
                final LoadClient.Options options = new LoadClient.Options(design.id, simulator.wsUrl(), simulator.restUrl(),
                    settings.symbols(), connections, dueFile, workDir.toFile());
                try (ChildProcess child = ChildProcess.start(name(), command(options), new File(settings.logDir(), name() + ".log")))
                {
                    return measure(simulator, child);
                }
            }
            finally
            {
                simulator.close();
            }
        }
        finally
        {
            dueTable.delete();
            deleteTree(workDir);
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
    }

    /** For a harness stopped part-way: the design has been killed, its files go. */
    private static void deleteQuietly(final Path workDir, final File dueFile)
    {
        try
        {
            Files.deleteIfExists(dueFile.toPath());
            deleteTree(workDir);
        }
        catch (final IOException | RuntimeException ignore)
        {
            // a temporary directory the system cleans in time
        }
    }

    private PointResult measure(final Simulator simulator, final ChildProcess child) throws IOException, InterruptedException
    {
        final boolean openLoop = rate == SimulatorConfig.RATE_MAX;
        final long drainTimeoutMs = openLoop ? Math.min(OPEN_LOOP_DRAIN_TIMEOUT_MS, settings.drainTimeoutMs()) :
            settings.drainTimeoutMs();
        awaitConnected(simulator, child);
        simulator.resume();
        child.log("every connection open and subscribed: streaming");
        child.await(SYNC_TIMEOUT_MS);
        child.log("ready: every book synced");
        sleepMs(settings.warmupMs());
        final boolean quietBefore = drain(simulator, child, drainTimeoutMs);
        child.log("drained before the window: " + quietBefore);

        final JsonNode begin = child.call("begin", COMMAND_TIMEOUT_MS);
        child.log("window begins");
        final long sentBefore = simulator.framesSent();
        final long simCpuBefore = os.getProcessCpuTime();
        final MachineCpu machineBefore = MachineCpu.now();
        final long startNs = System.nanoTime();
        simulator.resume();
        sleepMs(settings.windowMs());
        final JsonNode end = child.call("end", COMMAND_TIMEOUT_MS);
        final long windowNs = System.nanoTime() - startNs;
        final long simCpuNs = os.getProcessCpuTime() - simCpuBefore;
        final double machineCpuPercent = MachineCpu.now().busyPercentSince(machineBefore, Runtime.getRuntime().availableProcessors());
        child.log("window ends");
        final boolean quietAfter = drain(simulator, child, drainTimeoutMs);
        child.log("drained after the window: " + quietAfter);
        final long sent = simulator.framesSent() - sentBefore;
        final JsonNode report = child.call("report", COMMAND_TIMEOUT_MS);
        child.log("reported");
        if (!quietBefore || !quietAfter)
        {
            note("backlog not processed within " + drainTimeoutMs / 1000 + " s " + (quietBefore ? "after" : "before") +
                " the window: loss not checked");
        }

        simulator.resume();
        sleepMs(LOAD_BEFORE_SHUTDOWN_MS);
        final JsonNode shutdown = child.call("shutdown", COMMAND_TIMEOUT_MS).path("shutdown");
        child.log("shut down: " + shutdown);

        final double windowSeconds = windowNs / 1e9;
        final long appliedBegin = begin.path("applied").asLong();
        final long applied = report.path("applied").asLong() - appliedBegin;
        final long discarded = report.path("discarded").asLong() - begin.path("discarded").asLong();
        final double throughput = (end.path("applied").asLong() - appliedBegin) / windowSeconds;
        final long childWallNs = Math.max(1, end.path("wall_ns").asLong());
        final boolean java = design.isJava();
        return new PointResult(
            design, rate, connections, settings.symbols(), windowSeconds,
            sent, report.path("received").asLong() - begin.path("received").asLong(), applied, discarded,
            quietBefore && quietAfter,
            throughput,
            design.isTransportAlone() ? null : histogram(report, "receipt_to_applied"),
            openLoop ? null : histogram(report, "intended_to_applied"),
            report.has("receipt_to_journaled") ? Histograms.decode(report.get("receipt_to_journaled").asText()) : null,
            java ? report.path("gc_count").asLong() : -1,
            java ? report.path("gc_pause_ns").asLong() : -1,
            java ? report.path("gc_max_pause_ns").asLong() : -1,
            java ? end.path("alloc_bytes").asLong() * 1e9 / childWallNs : -1,
            100.0 * end.path("cpu_ns").asLong() / childWallNs,
            100.0 * simCpuNs / windowNs,
            machineCpuPercent,
            report.path("gaps").asLong(),
            report.path("unmatched").asLong(),
            shutdown(shutdown),
            notes.toString());
    }

    /** Waits, the simulator holding its streams, until the design has opened every connection and subscribed every stream. */
    private void awaitConnected(final Simulator simulator, final ChildProcess child) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS);
        while (simulator.connectionsOpen() < connections || simulator.subscriptions() < settings.symbols())
        {
            if (!child.isAlive())
            {
                throw new IOException(name() + ": exited while connecting, " + simulator.connectionsOpen() + " of " +
                    connections + " connections open");
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IOException(name() + ": " + simulator.connectionsOpen() + " of " + connections +
                    " connections open, " + simulator.subscriptions() + " of " + settings.symbols() +
                    " streams subscribed within " + CONNECT_TIMEOUT_MS + " ms");
            }
            sleepMs(CONNECT_POLL_MS);
        }
    }

    /**
     * Pauses the simulator and waits until the design has received every frame sent and processed it
     * (twice in a row, 20 ms apart), or the timeout passes.
     */
    private boolean drain(final Simulator simulator, final ChildProcess child, final long timeoutMs)
        throws IOException, InterruptedException
    {
        simulator.pause();
        final long sent = simulator.framesSent();
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int quiet = 0;
        while (quiet < 2)
        {
            final JsonNode count = child.call("count", COMMAND_TIMEOUT_MS);
            quiet = count.path("received").asLong() >= sent && count.path("idle").asBoolean() ? quiet + 1 : 0;
            if (System.nanoTime() - deadlineNs > 0)
            {
                return false;
            }
            sleepMs(20);
        }
        return true;
    }

    private Histogram histogram(final JsonNode report, final String name) throws IOException
    {
        if (report.has(name))
        {
            return Histograms.decode(report.get(name).asText());
        }
        if (report.has(name + "_file"))
        {
            return Histograms.fromRawNs(new File(report.get(name + "_file").asText()));
        }
        return null;
    }

    private static PointResult.Shutdown shutdown(final JsonNode shutdown)
    {
        if (!shutdown.has("halt_producers_ms"))
        {
            return null;
        }
        return new PointResult.Shutdown(
            shutdown.path("halt_producers_ms").asLong(), shutdown.path("drain_ms").asLong(), shutdown.path("disconnect_ms").asLong(),
            shutdown.path("flush_ms").asLong(), shutdown.path("total_ms").asLong(),
            shutdown.path("clean").asBoolean(), shutdown.path("books").asInt());
    }

    private List<String> command(final LoadClient.Options options)
    {
        final List<String> command = new ArrayList<>();
        if (design.isJava())
        {
            final List<String> jvmOptions = new ArrayList<>(List.of("-Xms" + settings.heap(), "-Xmx" + settings.heap(),
                "-XX:ErrorFile=" + new File(settings.logDir(), name() + "-hs_err.log"),
                "-D" + FathomClient.PROFILE_PROPERTY + "=" + settings.profile().id()));
            if (settings.pins() != null)
            {
                // on one CPU the JVM would pick the serial collector; keep the one it runs unpinned
                jvmOptions.add("-XX:+UseG1GC");
            }
            command.addAll(JvmOptions.javaCommand(jvmOptions, LoadClient.class));
        }
        else
        {
            command.add(PythonSetup.PYTHON);
            command.add("-u");
            command.add(settings.pythonScript().getPath());
        }
        command.addAll(List.of(options.toArgs()));
        return settings.pins() == null ? command : settings.pins().onDesignCpu(command);
    }

    /** Enough entries per symbol for the longest lag a point can build, within a bound. */
    private int dueEntries()
    {
        if (rate == SimulatorConfig.RATE_MAX)
        {
            return 1024;
        }
        final long lagSeconds = 30 + (settings.warmupMs() + settings.windowMs() + settings.drainTimeoutMs()) / 1000;
        return (int)Math.min(MAX_DUE_ENTRIES, Math.max(1024, rate / settings.symbols() * lagSeconds));
    }

    private static File dueTableFile(final Path workDir)
    {
        final File shm = new File("/dev/shm");
        final String name = workDir.getFileName() + ".due";
        return shm.isDirectory() && shm.canWrite() ? new File(shm, name) : workDir.resolve(name).toFile();
    }

    private void note(final String text)
    {
        notes.append(notes.length() == 0 ? "" : "; ").append(text);
    }

    static void sleepMs(final long ms)
    {
        final long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (untilNs - System.nanoTime() > 0)
        {
            LockSupport.parkNanos(untilNs - System.nanoTime());
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
