package io.fathom.tools.replay;

import io.fathom.tools.FathomCli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code fathom} in a child JVM, its stdout and stderr read line by line as they come; signals go
 * through kill(1), since {@link Process#destroy()} would also close our end of its output.
 */
final class ChildProcess implements AutoCloseable
{
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    ChildProcess(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (jvmArgument.startsWith("--add-") || jvmArgument.startsWith("-Dchronicle"))
            {
                command.add(jvmArgument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FathomCli.class.getName());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).directory(new File(".")).start();
        outReader = reader(process.getInputStream(), out);
        errReader = reader(process.getErrorStream(), err);
    }

    private static Thread reader(final InputStream stream, final List<String> lines)
    {
        final Thread thread = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignore)
            {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits until a line of stdout contains {@code fragment}; fails with the output if the child ends first. */
    void awaitLine(final String fragment) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (out.stream().noneMatch(line -> line.contains(fragment)))
        {
            if (!process.isAlive())
            {
                outReader.join(TimeUnit.SECONDS.toMillis(10));
                if (out.stream().anyMatch(line -> line.contains(fragment)))
                {
                    return;
                }
            }
            if (!process.isAlive() || System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("no line with '" + fragment + "'; " + this);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    void signal(final String name) throws IOException, InterruptedException
    {
        final int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        if (status != 0)
        {
            throw new AssertionError("kill -" + name + " exited " + status);
        }
    }

    /** @return the exit status once the process and its output have ended. */
    int awaitExit() throws InterruptedException
    {
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new AssertionError("still running; " + this);
        }
        outReader.join(TimeUnit.SECONDS.toMillis(30));
        errReader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    List<String> out()
    {
        return out;
    }

    List<String> err()
    {
        return err;
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }

    @Override
    public String toString()
    {
        return "stdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
    }
}
