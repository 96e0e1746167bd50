package io.fathom.tools.cli;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --threading invoker}: the command's main thread drives the whole engine, and what needs a thread of the
 * engine's own is refused by its flag before anything starts.
 */
class InvokerThreadingCommandTest
{
    private static final int SYMBOLS = 3;

    @TempDir
    Path dir;

    @Test
    void aDemoDrivenByTheMainThreadKeepsEveryBookValidAndShutsDownClean() throws Exception
    {
        final Path summary = dir.resolve("summary.json");
        final CliRun demo = CliRun.of("demo", "--threading", "invoker", "--transport", "selector",
            "--symbols", Integer.toString(SYMBOLS), "--rate", "600", "--duration", "4s",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--summary-json", summary.toString());

        assertThat(demo.status()).as(demo.toString()).isZero();
        assertThat(demo.out()).as(demo.toString())
            .contains("duration elapsed: shutting down", "shutdown: clean")
            .containsPattern("books=" + SYMBOLS + " valid=" + SYMBOLS + " ")
            .containsPattern("(?m)^t=\\d+s msgs/s=\\d+ books=" + SYMBOLS + "/" + SYMBOLS + " live");
        assertThat(Files.readString(summary)).contains("\"symbol\":\"SYM0\",\"valid\":true").doesNotContain("\"valid\":false");
        assertThat(demo.out()).as("journaled: the handlers ran on the invoking thread")
            .containsPattern("journal=[1-9]\\d* ");
    }

    @Test
    void aTransportWithThreadsOfItsOwnIsRefusedByItsFlag()
    {
        final CliRun run = CliRun.of("demo", "--threading", "invoker", "--symbols", "2", "--rate", "100",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(), "--duration", "1s");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--transport", "--threading").doesNotContain("engineThreading");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    @Test
    void anUnknownThreadingIsRefused()
    {
        final CliRun run = CliRun.of("demo", "--threading", "pooled", "--symbols", "2", "--rate", "100",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(), "--duration", "1s");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--threading must be dedicated or invoker (got 'pooled')");
    }
}
