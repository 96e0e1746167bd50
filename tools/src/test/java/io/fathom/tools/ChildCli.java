package io.fathom.tools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The {@code fathom} command line in a separate JVM, as an operator runs it: its output lines,
 * signals sent with kill(1) (Process.destroy() would also close our end of its output).
 */
public final class ChildCli
{
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildCli(final Process process)
    {
        this.process = process;
        this.reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
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
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildCli start(final List<String> args) throws IOException
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
        command.addAll(args);
        return new ChildCli(new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start());
    }

    /** Runs a command to its end and returns its output; fails if it does not exit 0 in time. */
    public static List<String> run(final List<String> args) throws Exception
    {
        final ChildCli child = start(args);
        final int status = child.waitFor(60);
        if (status != 0)
        {
            throw new AssertionError("fathom " + args + " exited " + status + ":\n" + String.join("\n", child.lines()));
        }
        return child.lines();
    }

    public List<String> lines()
    {
        return lines;
    }

    public long pid()
    {
        return process.pid();
    }

    /** Waits for exit and for the last output line; @return the exit status. */
    public int waitFor(final long seconds) throws InterruptedException
    {
        if (!process.waitFor(seconds, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("still running after " + seconds + " s; output:\n" + String.join("\n", lines));
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    public void signal(final String signal) throws IOException, InterruptedException
    {
        if (new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor() != 0)
        {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Waits for an output line containing {@code fragment}. */
    public void awaitLine(final String fragment) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.contains(fragment)))
        {
            if (!process.isAlive())
            {
                reader.join(TimeUnit.SECONDS.toMillis(30));
                if (lines.stream().anyMatch(l -> l.contains(fragment)))
                {
                    return;
                }
            }
            if (!process.isAlive() || System.nanoTime() - deadlineNs > 0)
            {
                process.destroyForcibly();
                throw new AssertionError("no line with '" + fragment + "'; output:\n" + String.join("\n", lines));
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
