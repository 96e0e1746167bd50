package io.fathom.tools;

import io.fathom.testing.Await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The {@code fathom} command line in a separate JVM, as an operator runs it: its stdout and stderr
 * read line by line as they come; signals sent with kill(1), since {@link Process#destroy()} would
 * also close our end of its output.
 */
public final class ChildCli implements AutoCloseable
{
    /** Classpath entries that only tests use, left out by {@link #startAsOperator}. */
    private static final List<String> TEST_ONLY = List.of(
        "test-classes", "junit", "opentest4j", "apiguardian", "assertj", "byte-buddy", "jqwik");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildCli(final Process process)
    {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out);
        this.errReader = reader(process.getErrorStream(), err);
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
        return new ChildCli(new ProcessBuilder(command).directory(new File(".")).start());
    }

    /**
     * Starts a command as it runs on an operator's host rather than under the test runner: on the main
     * classpath without the test libraries (JUnit on the classpath, for one, mutes Chronicle's analytics
     * by itself and would hide them switching on), with the module options the jar's manifest carries but
     * none of this JVM's {@code -D} options; plus the given JVM options and environment variables, in the
     * given working directory.
     */
    public static ChildCli startAsOperator(
        final List<String> jvmOptions, final Map<String, String> environment, final File workingDir, final List<String> args)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (jvmArgument.startsWith("--add-"))
            {
                command.add(jvmArgument);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(mainClassPath());
        command.add(FathomCli.class.getName());
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir);
        builder.environment().putAll(environment);
        return new ChildCli(builder.start());
    }

    /** This JVM's classpath without test classes and test libraries. */
    static String mainClassPath()
    {
        final List<String> entries = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            if (TEST_ONLY.stream().noneMatch(entry::contains))
            {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Runs a command to its end and returns its stdout; fails if it does not exit 0 in time. */
    public static List<String> run(final List<String> args) throws Exception
    {
        try (ChildCli child = start(args))
        {
            final int status = child.waitFor(60);
            if (status != 0)
            {
                throw new AssertionError("fathom " + args + " exited " + status + "; " + child);
            }
            return child.lines();
        }
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

    /** Standard output lines so far. */
    public List<String> lines()
    {
        return out;
    }

    /** Standard error lines so far (logs; with --format jsonl|csv, replay's summary). */
    public List<String> err()
    {
        return err;
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
            throw new AssertionError("still running after " + seconds + " s; " + this);
        }
        outReader.join(TimeUnit.SECONDS.toMillis(30));
        errReader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    public void signal(final String signal) throws IOException, InterruptedException
    {
        if (new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor() != 0)
        {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Waits for a line of stdout containing {@code fragment}; fails with the output if the child ends first. */
    public void awaitLine(final String fragment)
    {
        try
        {
            Await.until(() -> hasLine(fragment) || ended(fragment), Duration.ofSeconds(60),
                () -> "a line with '" + fragment + "'; " + this);
        }
        catch (final AssertionError ex)
        {
            process.destroyForcibly();
            throw ex;
        }
    }

    private boolean hasLine(final String fragment)
    {
        return out.stream().anyMatch(l -> l.contains(fragment));
    }

    /** True when the line came with the process's last output; fails when the process ended without it. */
    private boolean ended(final String fragment)
    {
        if (process.isAlive())
        {
            return false;
        }
        try
        {
            outReader.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (hasLine(fragment))
        {
            return true;
        }
        throw new AssertionError("the process ended (exit " + process.exitValue() + ") with no line with '" + fragment +
            "'; " + this);
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
