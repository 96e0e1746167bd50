package io.fathom.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        final ChildCli demo = ChildCli.start(List.of("demo", "--symbols", "40", "--rate", "8000", "--streams-per-connection", "10",
            "--journal", dir.resolve("journal").toString(), "--run-dir", dir.resolve("run").toString(),
            "--summary-json", summary.toString()));
        demo.awaitLine("books=40/40 live");

        demo.signal("TERM");
        final int status = demo.waitFor(30);
        final List<String> lines = demo.lines();
        assertThat(status).as("exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: halt producers complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: drain handlers complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: final flush    complete"));
        assertThat(lines).as("the sequence runs on the main thread, not in a signal or hook thread")
            .anyMatch(l -> l.startsWith("shutdown: clean") && l.endsWith("on thread main"));

        final String json = Files.readString(summary);
        assertThat(field(json, "events_consumed")).isEqualTo(field(json, "events_published"));
        assertThat(field(json, "events_applied") + field(json, "events_discarded")).isEqualTo(field(json, "events_consumed"));
        assertThat(field(json, "books")).isEqualTo(40);
        assertThat(json).contains("\"clean\":true");

        final Path replaySummary = dir.resolve("replay.json");
        ChildCli.run(List.of("replay", dir.resolve("journal").toString(), "--verify",
            "--summary-json", replaySummary.toString()));
        final String replayJson = Files.readString(replaySummary);
        assertThat(field(replayJson, "delta")).isEqualTo(field(json, "deltas_applied"));
        assertThat(field(replayJson, "final")).isEqualTo(40);
        assertThat(field(replayJson, "session_end")).isEqualTo(1);
        assertThat(field(replayJson, "verify_differences")).isZero();
    }

    @Test
    void aSecondSignalDoesNotCutTheShutdownShort() throws Exception
    {
        final ChildCli demo = ChildCli.start(List.of("demo", "--symbols", "20", "--rate", "4000",
            "--journal", dir.resolve("journal").toString(), "--run-dir", dir.resolve("run").toString()));
        demo.awaitLine("books=20/20 live");

        demo.signal("TERM");
        demo.awaitLine("signal received");
        demo.signal("TERM");
        final int status = demo.waitFor(30);
        final List<String> lines = demo.lines();
        assertThat(status).as("exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: final flush    complete"));
        assertThat(lines).anyMatch(l -> l.startsWith("shutdown: clean"));
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
