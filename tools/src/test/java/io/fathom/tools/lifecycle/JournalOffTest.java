package io.fathom.tools.lifecycle;

import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.CountersFile;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine with its journal off syncs its books and shuts down clean, and writes no journal. */
class JournalOffTest
{
    @TempDir
    Path dir;

    @Test
    void booksGoValidAndNothingIsJournaled()
    {
        try (EngineHarness harness = new EngineHarness(8, 800))
        {
            harness.launch(harness.config(dir).journal(false));

            EngineHarness.await(() -> harness.engine.booksLive() == harness.symbols.size(), Duration.ofSeconds(60),
                "every book valid with the journal off");
            final long applied = harness.engine.counters().value(SystemCounter.EVENTS_APPLIED);
            EngineHarness.await(() -> harness.engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied,
                Duration.ofSeconds(30), "deltas applied after the books went valid");

            final ShutdownReport report = harness.engine.shutdown();

            assertThat(report.clean()).as(report.failures().toString()).isTrue();
            assertThat(harness.engine.counters().value(SystemCounter.JOURNAL_RECORDS)).isZero();
            assertThat(dir.resolve("journal")).doesNotExist();
            assertThat(dir.resolve("run").resolve(CountersFile.FILE_NAME)).exists();
        }
    }

    @Test
    void theSameRunWithTheJournalOnWritesOne()
    {
        // the counterpart: the harness's journal directory is where the journal goes when it is on
        try (EngineHarness harness = new EngineHarness(2, 200))
        {
            harness.launch(harness.config(dir));
            EngineHarness.await(() -> harness.engine.booksLive() == harness.symbols.size(), Duration.ofSeconds(60),
                "every book valid with the journal on");

            assertThat(harness.engine.shutdown().clean()).isTrue();
            assertThat(harness.engine.counters().value(SystemCounter.JOURNAL_RECORDS)).isPositive();
            assertThat(Files.isDirectory(dir.resolve("journal"))).isTrue();
        }
    }
}
