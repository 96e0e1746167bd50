package io.fathom.tools;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty demos under load, each stopped by SIGTERM or SIGINT at a random moment of its first four seconds
 * after its simulator is up (the engine launching, its feeds connecting and syncing, steady state), some
 * with a second signal during the shutdown: every one exits 0 and leaves a journal that
 * {@code replay --verify} reads clean, with one delta record per delta the summary says was applied.
 *
 * <p>The moment is a deadline on a scheduler rather than a sleep, so each run is bounded by timeouts.
 */
class RepeatedSignalsTest
{
    private static final int RUNS = 20;
    private static final long SEED = 20_261_122L;

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path dir;

    @Test
    void twentySignalsAtRandomMomentsEachEndCleanWithACompleteJournal() throws Exception
    {
        final Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++)
        {
            runOnce(run, random);
        }
    }

    private void runOnce(final int run, final Random random) throws Exception
    {
        final String signal = run % 2 == 0 ? "TERM" : "INT";
        final boolean twice = random.nextInt(3) == 0;
        final long delayMs = random.nextInt(4_000);
        final Path runDir = dir.resolve("run-" + run);
        final Path summary = runDir.resolve("summary.json");
        Files.createDirectories(runDir);
        final String description = "run " + run + " (seed " + SEED + "): SIG" + signal + (twice ? " twice" : "") +
            " " + delayMs + " ms after the simulator started";

        final ChildCli demo = ChildCli.start(List.of("demo", "--symbols", "100", "--rate", "10000",
            "--streams-per-connection", "10",
            "--journal", runDir.resolve("journal").toString(), "--run-dir", runDir.resolve("engine").toString(),
            "--summary-json", summary.toString()));
        demo.awaitLine("simulator: ");
        SCHEDULER.schedule(() -> signal(demo, signal), delayMs, TimeUnit.MILLISECONDS).get(delayMs + 10_000, TimeUnit.MILLISECONDS);
        if (twice)
        {
            demo.awaitLine("signal received");
            demo.signal(signal);
        }
        final int status = demo.waitFor(60);
        final List<String> lines = demo.lines();
        assertThat(status).as("%s exit status; output:%n%s%nerr:%n%s", description, String.join("\n", lines),
            String.join("\n", demo.err())).isZero();
        assertThat(lines).as(description).anyMatch(l -> l.startsWith("shutdown: final flush    complete"));
        assertThat(lines).as(description).anyMatch(l -> l.startsWith("shutdown: clean"));

        final String json = Files.readString(summary);
        assertThat(field(json, "events_consumed")).as(description).isEqualTo(field(json, "events_published"));
        final Path replaySummary = runDir.resolve("replay.json");
        assertThat(FathomCli.execute("replay", runDir.resolve("journal").toString(), "--verify",
            "--summary-json", replaySummary.toString())).as(description).isZero();
        final String replayJson = Files.readString(replaySummary);
        assertThat(field(replayJson, "verify_differences")).as(description).isZero();
        assertThat(field(replayJson, "session_end")).as(description).isEqualTo(1);
        assertThat(field(replayJson, "delta")).as(description).isEqualTo(field(json, "deltas_applied"));
    }

    private static Void signal(final ChildCli demo, final String signal) throws Exception
    {
        demo.signal(signal);
        return null;
    }

    @AfterAll
    static void stopScheduler()
    {
        SCHEDULER.shutdownNow();
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
