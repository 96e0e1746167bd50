package io.fathom.tools.check;

import io.fathom.codec.Venue;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --capture} writes what {@code check} reads: a capture of a live run checks clean, frame for frame. */
class CaptureCheckTest
{
    private static final int SYMBOLS = 6;

    @TempDir
    Path dir;

    @Test
    void captureOfALiveRunChecksClean() throws Exception
    {
        final Path capture = dir.resolve("capture.txt");
        final long received;
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(1_000).seed(3).wsPort(0).restPort(0)))
        {
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .streamsPerConnection(3)
                .snapshotRatePerSecond(100)
                .captureFile(capture.toFile())
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile()));
            final ShutdownReport report;
            try
            {
                Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
                final long seen = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > seen + 500, "deltas flowing");
            }
            finally
            {
                report = engine.shutdown();
            }
            assertThat(report.clean()).isTrue();
            received = engine.counters().value(SystemCounter.MESSAGES_RECEIVED);
        }

        final List<String> lines = Files.readAllLines(capture);
        assertThat(lines).anyMatch(l -> l.contains(" <-> "));
        assertThat(lines.stream().filter(l -> l.contains(" -> "))).as("REST snapshots captured").hasSizeGreaterThanOrEqualTo(SYMBOLS);
        final CheckReport check = new RecordingChecker(Venue.BINANCE, 8, 8, null).check(capture, null);
        assertThat(check.messages()).as("every depth frame the engine received").isEqualTo(received);
        assertThat(check.gaps()).isZero();
        assertThat(check.crossed()).isZero();
        assertThat(check.decodeErrors()).isZero();
        assertThat(check.neverSynced()).isZero();
        assertThat(check.passed()).isTrue();
    }
}
