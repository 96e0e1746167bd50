package io.fathom.tools;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo signalled in its first moments, from right after {@code main} began (while the command line is
 * still being parsed) through the simulator starting and the engine launching: each exits 0 having said
 * the signal was received, instead of 143 with nothing written.
 *
 * <p>The start of {@code main} is seen in the child's class-loading log: the command classes load while
 * picocli reads the command line, which {@code main} does only after installing its signal handling.
 */
class EarlySignalTest
{
    private static final long[] DELAYS_MS = { 0, 20, 100, 300, 700 };
    private static final String PARSING_STARTED = "io.fathom.tools.DemoCommand source:";

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path dir;

    @Test
    void aSignalInTheFirstMomentsOfAStartExitsZero() throws Exception
    {
        for (int run = 0; run < DELAYS_MS.length; run++)
        {
            final String signal = run % 2 == 0 ? "TERM" : "INT";
            final long delayMs = DELAYS_MS[run];
            final Path runDir = dir.resolve("run-" + run);
            Files.createDirectories(runDir);
            try (ChildCli demo = ChildCli.startAsOperator(List.of("-Xlog:class+load=info"), Map.of(), runDir.toFile(),
                List.of("demo", "--symbols", "20", "--rate", "2000", "--streams-per-connection", "10",
                    "--journal", runDir.resolve("journal").toString(), "--run-dir", runDir.resolve("engine").toString())))
            {
                demo.awaitLine(PARSING_STARTED);
                SCHEDULER.schedule(() -> signal(demo, signal), delayMs, TimeUnit.MILLISECONDS)
                    .get(delayMs + 10_000, TimeUnit.MILLISECONDS);
                final int status = demo.waitFor(60);
                final String description = "SIG" + signal + " " + delayMs + " ms after the command line began to be read";
                assertThat(status).as("%s: exit status; %s", description, demo).isZero();
                assertThat(demo.lines()).as("%s; %s", description, demo).anyMatch(l -> l.startsWith("signal received"));
            }
        }
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
}
