package io.fathom.tools.lifecycle;

import io.fathom.codec.journal.JournalTemplate;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.journal.JournalReader;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown while a REST snapshot is in flight and the venue takes longer to answer than the shutdown
 * timeout. The request must be abandoned, not waited for: before it was, closing the snapshot fetcher
 * waited its runner's own five seconds, the deadline passed in "halt producers", and the session was left
 * without its session end.
 */
class SlowSnapshotShutdownTest
{
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REST_DELAY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void shutdownAbandonsAnInFlightSnapshotWithinTheDeadlineAndEndsTheSession()
    {
        final ShutdownReport report;
        try (EngineHarness harness = new EngineHarness(4, 200))
        {
            harness.simulator.faults().slowRest(REST_DELAY);
            harness.launch(harness.config(dir).shutdownTimeout(SHUTDOWN_TIMEOUT));
            Await.until(() -> harness.simulator.faults().restRequestTimesNanos().length > 0, Duration.ofSeconds(30),
                "a snapshot request reaches the slowed venue");

            report = harness.engine.shutdown();
        }

        final long timeoutMs = SHUTDOWN_TIMEOUT.toMillis();
        assertThat(report.haltProducersMs()).as("halt producers, ms; failures %s", report.failures())
            .isLessThan(timeoutMs);
        assertThat(report.totalMs()).as("whole shutdown, ms; failures %s", report.failures())
            .isLessThan(timeoutMs + 1_000);
        assertThat(report.clean()).as("shutdown failures: %s", report.failures()).isTrue();
        assertThat(lastSessionRecords()).as("records of the journal's last session").endsWith(JournalTemplate.SESSION_END);
    }

    private List<JournalTemplate> lastSessionRecords()
    {
        final List<JournalTemplate> session = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                if (template == JournalTemplate.SESSION_START)
                {
                    session.clear();
                }
                session.add(template);
            });
        }
        return session;
    }
}
