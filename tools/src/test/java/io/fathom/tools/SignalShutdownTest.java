package io.fathom.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a separate process, stopped by SIGTERM like an operator would: exit 0, every
 * shutdown phase complete, nothing lost, and the journal agrees with the summary.
 */
class SignalShutdownTest
{
    @TempDir
    Path dir;

    @Test
    void sigtermEndsTheDemoCleanlyWithNothingLost() throws Exception
    {
        final Path summary = dir.resolve("summary.json");
        final Process demo = start(List.of("demo", "--symbols", "40", "--rate", "8000", "--streams-per-connection", "10",
            "--journal", dir.resolve("journal").toString(), "--run-dir", dir.resolve("run").toString(),
            "--summary-json", summary.toString()));
        final Output lines = collect(demo);
        awaitLine(lines, demo, "books=40/40 live");

        sigterm(demo);
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("demo exits after SIGTERM").isTrue();
        lines.awaitEnd();
        assertThat(demo.exitValue()).as("exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: halt producers complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: drain handlers complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: final flush    complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: clean"));

        final String json = Files.readString(summary);
        assertThat(field(json, "events_consumed")).isEqualTo(field(json, "events_published"));
        assertThat(field(json, "events_applied") + field(json, "events_discarded")).isEqualTo(field(json, "events_consumed"));
        assertThat(field(json, "books")).isEqualTo(40);
        assertThat(json).contains("\"clean\":true");

        final Path replaySummary = dir.resolve("replay.json");
        final Process replay = start(List.of("replay", dir.resolve("journal").toString(), "--summary-only",
            "--summary-json", replaySummary.toString()));
        final Output replayLines = collect(replay);
        assertThat(replay.waitFor(60, TimeUnit.SECONDS)).isTrue();
        replayLines.awaitEnd();
        assertThat(replay.exitValue()).as("replay output:%n%s", String.join("\n", replayLines)).isZero();
        final String replayJson = Files.readString(replaySummary);
        assertThat(field(replayJson, "delta")).isEqualTo(field(json, "deltas_applied"));
        assertThat(field(replayJson, "final")).isEqualTo(40);
        assertThat(field(replayJson, "session_end")).isEqualTo(1);
    }

    @Test
    void aSecondSignalDoesNotCutTheShutdownShort() throws Exception
    {
        final Process demo = start(List.of("demo", "--symbols", "20", "--rate", "4000",
            "--journal", dir.resolve("journal").toString(), "--run-dir", dir.resolve("run").toString()));
        final Output lines = collect(demo);
        awaitLine(lines, demo, "books=20/20 live");

        sigterm(demo);
        awaitLine(lines, demo, "signal received");
        sigterm(demo);
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        lines.awaitEnd();
        assertThat(demo.exitValue()).as("exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: final flush    complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: clean"));
    }

    /** Process.destroy() would also close our end of the child's output, so signal it with kill(1). */
    private static void sigterm(final Process process) throws IOException, InterruptedException
    {
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Process start(final List<String> args) throws IOException
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
        return new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start();
    }

    /** The process's output lines, read by a thread that ends at end of stream. */
    private static final class Output extends CopyOnWriteArrayList<String>
    {
        private static final long serialVersionUID = 1L;
        private transient Thread reader;

        void awaitEnd() throws InterruptedException
        {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static Output collect(final Process process)
    {
        final Output lines = new Output();
        final Thread reader = new Thread(() ->
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
        lines.reader = reader;
        reader.start();
        return lines;
    }

    private static void awaitLine(final Output lines, final Process process, final String fragment)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.contains(fragment)))
        {
            if (!process.isAlive())
            {
                lines.awaitEnd();
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
