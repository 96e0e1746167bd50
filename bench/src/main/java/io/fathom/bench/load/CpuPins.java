package io.fathom.bench.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --pin}: the simulator (this process, every thread) on one CPU and each design's process on another,
 * through {@code taskset}, so the two never take turns on a core. Refuses, with the reason, where
 * {@code taskset} is missing, the host has fewer than two CPUs or the kernel will not pin.
 */
final class CpuPins
{
    /** The CPU of the harness's process: the simulator, its generator and its servers. */
    static final int SIMULATOR_CPU = 0;
    /** The CPU of the design under test's process. */
    static final int DESIGN_CPU = 1;
    private static final long TASKSET_TIMEOUT_MS = 10_000;

    private final String taskset;

    private CpuPins(final String taskset)
    {
        this.taskset = taskset;
    }

    /**
     * Pins this process to {@link #SIMULATOR_CPU}; threads started later inherit it.
     *
     * @throws IllegalStateException when pinning is not possible here, saying why.
     */
    static CpuPins pinSimulator()
    {
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2)
        {
            throw new IllegalStateException("--pin needs 2 CPUs, this JVM may use " + cpus);
        }
        final String taskset = findOnPath("taskset");
        if (taskset == null)
        {
            throw new IllegalStateException("--pin needs taskset (util-linux) on the PATH");
        }
        final CpuPins pins = new CpuPins(taskset);
        pins.run(List.of(taskset, "--all-tasks", "--cpu-list", "--pid", Integer.toString(SIMULATOR_CPU),
            Long.toString(ProcessHandle.current().pid())));
        return pins;
    }

    /** {@code command} started on {@link #DESIGN_CPU} alone. */
    List<String> onDesignCpu(final List<String> command)
    {
        final List<String> pinned = new ArrayList<>(command.size() + 3);
        pinned.add(taskset);
        pinned.add("--cpu-list");
        pinned.add(Integer.toString(DESIGN_CPU));
        pinned.addAll(command);
        return pinned;
    }

    private void run(final List<String> command)
    {
        try
        {
            final File output = File.createTempFile("fathom-taskset-", ".txt");
            try
            {
                final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!process.waitFor(TASKSET_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                {
                    process.destroyForcibly();
                    throw new IllegalStateException("--pin: " + String.join(" ", command) + " did not finish");
                }
                if (process.exitValue() != 0)
                {
                    throw new IllegalStateException("--pin: " + String.join(" ", command) + " failed: " +
                        Files.readString(output.toPath(), StandardCharsets.UTF_8).trim());
                }
            }
            finally
            {
                Files.deleteIfExists(output.toPath());
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("--pin: cannot run " + taskset + ": " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("--pin: interrupted", ex);
        }
    }

    private static String findOnPath(final String name)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
            {
                return candidate.toString();
            }
        }
        return null;
    }
}
