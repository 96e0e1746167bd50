package io.fathom.bench.scale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The scale benchmark: {@code fathom demo} (simulator and engine in one process) at growing numbers of
 * symbols and one message rate, each run measured for time to every book live, resident memory, heap
 * after a full collection, receipt-to-applied latency once live, {@code fathom stat} time, and the time
 * from SIGTERM to exit. Writes {@code scale.csv}, {@code scale.svg} (each figure's growth against the
 * smallest run) and {@code scale.md} (a Markdown table) to {@code --out}.
 *
 * <p>Run from the repository root after {@code mvn -q -DskipTests package}:
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * io.fathom.bench.scale.ScaleHarness} (the export for Agrona, which reads the counters file in process).
 */
@Command(
    name = "scale-harness",
    mixinStandardHelpOptions = true,
    description = "Runs fathom demo at growing numbers of symbols and writes bench/results/scale/.")
public final class ScaleHarness implements Callable<Integer>
{
    @Option(names = "--jar", description = "the fathom command line; default: ${DEFAULT-VALUE}")
    File jar = new File("tools/target/fathom.jar");

    @Option(names = "--symbols", split = ",", description = "default: ${DEFAULT-VALUE}")
    List<Integer> symbols = List.of(500, 2_000, 10_000);

    @Option(names = "--rate", description = "depth messages a second across all symbols; default: ${DEFAULT-VALUE}")
    long rate = 50_000;

    @Option(names = "--hold", description = "seconds measured once every book is live (or the bound passed); default: ${DEFAULT-VALUE}")
    int holdSeconds = 20;

    @Option(names = "--live-bound", description = "seconds to wait for every book to be live before measuring anyway; " +
        "default: ${DEFAULT-VALUE}")
    int liveBoundSeconds = 180;

    @Option(names = "--out", description = "default: ${DEFAULT-VALUE}")
    File out = new File("bench/results/scale");

    @Option(names = "--jvm-option", paramLabel = "OPTION",
        description = "an option for each demo's JVM, e.g. --jvm-option=-Xmx1g (repeatable); default: none, the JVM's own sizing")
    List<String> jvmOptions = new ArrayList<>();

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ScaleHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        if (!jar.isFile())
        {
            throw new IllegalArgumentException("--jar " + jar + " does not exist: build it with mvn -q -DskipTests package");
        }
        Files.createDirectories(out.toPath());
        final List<ScalePoint> points = new ArrayList<>();
        final ScaleRun.Settings settings = new ScaleRun.Settings(jar, rate, holdSeconds, liveBoundSeconds, out, List.copyOf(jvmOptions));
        System.out.println("scale: demo JVM options: " + (jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions)));
        for (final int n : symbols)
        {
            System.out.printf("scale: %,d symbols at %,d msg/s%n", n, rate);
            final ScalePoint point = new ScaleRun(settings, n).run();
            System.out.println("scale: " + ScalePoint.CSV_HEADER);
            System.out.println("scale: " + point.csv());
            points.add(point);
            write(points);
        }
        return 0;
    }

    private void write(final List<ScalePoint> points) throws IOException
    {
        final StringBuilder csv = new StringBuilder(ScalePoint.CSV_HEADER).append('\n');
        points.forEach(p -> csv.append(p.csv()).append('\n'));
        Files.writeString(new File(out, "scale.csv").toPath(), csv, StandardCharsets.UTF_8);
        Files.writeString(new File(out, "scale.svg").toPath(), ScaleChart.growth(points, rate), StandardCharsets.UTF_8);
        Files.writeString(new File(out, "scale.md").toPath(), ScaleChart.table(points), StandardCharsets.UTF_8);
    }
}
