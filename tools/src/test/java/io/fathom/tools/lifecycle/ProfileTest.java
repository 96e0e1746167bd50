package io.fathom.tools.lifecycle;

import io.fathom.engine.Engine;
import io.fathom.engine.Profile;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The low-latency profile: busy-spinning handlers pinned to the CPUs asked for; a CPU the host refuses is
 * reported (log, error log, {@link Engine#pinningRefused()}) and the engine runs on, unpinned. The shared-core
 * profile: every wait parks at once, on the selector transport's I/O agent as on the ring's handlers.
 */
class ProfileTest
{
    private static final int SYMBOLS = 4;

    @TempDir
    Path dir;

    @Test
    void lowLatencyProfilePinsTheHandlersItCanAndReportsTheOnesItCannot() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(SYMBOLS, 1_000))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .profile(Profile.LOW_LATENCY)
                .handlerCpus(List.of(0, 4_095)));
            Await.until(() -> engine.booksLive() == SYMBOLS, "every book live under busy-spinning handlers");
            Await.until(() -> engine.pinningRefused().size() == 1, "the refused CPU reported");
            assertThat(engine.pinningRefused().get(0)).contains("CPU 4095").contains("running unpinned");
            final long applied = engine.counters().value(SystemCounter.EVENTS_APPLIED);
            Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied + 200, "updates flowing");

            final ShutdownReport report = engine.shutdown();
            assertThat(report.clean()).isTrue();
            assertThat(engine.counters().value(SystemCounter.EVENTS_CONSUMED))
                .isEqualTo(engine.counters().value(SystemCounter.EVENTS_PUBLISHED));
        }
    }

    @Test
    void sharedCoreProfileKeepsEveryBookLiveOnTheSelectorTransport() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(SYMBOLS, 1_000))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .profile(Profile.SHARED_CORE)
                .transport(Transport.SELECTOR));
            Await.until(() -> engine.booksLive() == SYMBOLS, "every book live with parking waits");
            final long applied = engine.counters().value(SystemCounter.EVENTS_APPLIED);
            Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied + 200, "updates flowing");

            final ShutdownReport report = engine.shutdown();
            assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
            assertThat(engine.counters().value(SystemCounter.EVENTS_CONSUMED))
                .isEqualTo(engine.counters().value(SystemCounter.EVENTS_PUBLISHED));
        }
    }
}
