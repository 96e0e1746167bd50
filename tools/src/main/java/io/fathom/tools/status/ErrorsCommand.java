package io.fathom.tools.status;

import io.fathom.engine.status.CountersFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code fathom errors}: the engine's distinct-error log, one entry per distinct cause. */
@Command(
    name = "errors",
    mixinStandardHelpOptions = true,
    description = "Prints an engine's distinct errors (count, first and last time, cause) from its run directory.")
public final class ErrorsCommand implements Callable<Integer>
{
    @Option(names = "--dir", paramLabel = "RUN_DIR", description = "the engine's --run-dir; default: ${DEFAULT-VALUE}")
    File dir = new File("fathom-run");

    @Override
    public Integer call()
    {
        try (CountersFileReader reader = RunDirectory.open(dir))
        {
            final int distinct = reader.readErrors((count, first, last, text) ->
                System.out.printf("%d observations from %s to %s:%n%s%n", count,
                    Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), text));
            System.out.printf("%d distinct errors%n", distinct);
        }
        return 0;
    }
}
