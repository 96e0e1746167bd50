package io.fathom.tools.cli;

import io.fathom.engine.EngineConfig;
import picocli.CommandLine.Option;

import java.io.File;
import java.time.Duration;

/** Options shared by {@code run} and {@code demo}. */
public final class EngineOptions
{
    @Option(names = "--journal", paramLabel = "DIR", description = "journal directory (Chronicle Queue); default: ${DEFAULT-VALUE}")
    public File journalDir = new File("fathom-journal");

    @Option(names = "--run-dir", paramLabel = "DIR", description = "the engine's own files (counters); default: ${DEFAULT-VALUE}")
    public File runDir = new File("fathom-run");

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the run's summary as JSON at exit")
    public File summaryJson;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
        description = "stop after this long (30s, 5m); default: until SIGTERM/SIGINT")
    public Duration duration;

    @Option(names = "--streams-per-connection", paramLabel = "N", description = "depth streams per WebSocket, 1..1024; default: ${DEFAULT-VALUE}")
    public int streamsPerConnection = 50;

    @Option(names = "--shutdown-timeout", paramLabel = "D", converter = DurationConverter.class,
        description = "deadline for the whole shutdown sequence; default: 5s")
    public Duration shutdownTimeout = Duration.ofSeconds(5);

    @Option(names = "--pressure-depth", paramLabel = "N", description = "levels per side in the volume pressure signal; default: ${DEFAULT-VALUE}")
    public int pressureDepth = 10;

    @Option(names = "--snapshot-interval", paramLabel = "D", converter = DurationConverter.class,
        description = "journal a snapshot of every valid book this often (0s: never); default: 60s")
    public Duration snapshotInterval = Duration.ofSeconds(60);

    @Option(names = "--quiet", description = "no progress lines")
    public boolean quiet;

    /** Applies these options to a builder. */
    public EngineConfig.Builder apply(final EngineConfig.Builder builder)
    {
        if (duration != null && (duration.isNegative() || duration.isZero()))
        {
            throw new IllegalArgumentException("--duration must be positive (got " + duration + ")");
        }
        return builder
            .journalDir(journalDir)
            .runDir(runDir)
            .streamsPerConnection(streamsPerConnection)
            .shutdownTimeout(shutdownTimeout)
            .pressureDepth(pressureDepth)
            .journalSnapshotInterval(snapshotInterval);
    }
}
