package io.fathom.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's smallest point, end to end: structure only, never timing. */
class LoadHarnessTest
{
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerPointAndFathomAppliesEveryFrameSent() throws Exception
    {
        final int status = LoadHarness.execute(
            "--designs", "fathom,fathom-jdk,transport-jdk", "--rates", "2000", "--connections", "2", "--symbols", "10",
            "--warmup-ms", "200", "--window-ms", "500", "--out", dir.toString());

        assertThat(status).isZero();
        final List<String> lines = Files.readAllLines(dir.resolve("load.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(ResultsWriter.CSV_HEADER);
        for (int i = 1; i <= 2; i++)
        {
            final Map<String, String> row = row(lines.get(0), lines.get(i));
            assertThat(row.get("design")).isEqualTo(i == 1 ? "fathom" : "fathom-jdk");
            assertThat(row.get("rate")).isEqualTo("2000");
            assertThat(row.get("connections")).isEqualTo("2");
            assertThat(Long.parseLong(row.get("sent"))).isPositive();
            assertThat(row.get("applied")).isEqualTo(row.get("sent"));
            assertThat(row.get("discarded")).isEqualTo("0");
            assertThat(row.get("received")).isEqualTo(row.get("sent"));
            assertThat(row.get("lost")).isEqualTo("0");
            assertThat(row.get("intended_applied_p99_us")).isNotEmpty();
            assertThat(row.get("receipt_journaled_p99_us")).isNotEmpty();
            assertThat(row.get("shutdown_clean")).isEqualTo("true");
            assertThat(row.get("shutdown_disconnect_ms")).isNotEmpty();
            final String log = Files.readString(dir.resolve("load-logs").resolve(row.get("design") + "-2000-c2.log"));
            assertThat(log.indexOf("every connection open and subscribed: streaming"))
                .as("the simulator streams once every connection is up, then books sync").isPositive()
                .isLessThan(log.indexOf("ready: every book synced"));
            assertThat(row.get("note")).as("the note column, quoted").startsWith("\"").endsWith("\"");
        }
        final Map<String, String> transport = row(lines.get(0), lines.get(3));
        assertThat(transport.get("design")).isEqualTo("transport-jdk");
        assertThat(Long.parseLong(transport.get("sent"))).isPositive();
        assertThat(transport.get("received")).isEqualTo(transport.get("sent"));
        assertThat(transport.get("intended_applied_p99_us")).isNotEmpty();
        assertThat(dir.resolve("load-throughput.svg")).isRegularFile();
        assertThat(dir.resolve("load-latency-50k-c2.svg")).isRegularFile();
        assertThat(Files.readString(dir.resolve("load-summary.md"))).contains("| Fathom | 2,000 | 2 |")
            .contains("| Fathom, JDK WebSocket | 2,000 | 2 |").contains("| transport alone, JDK WebSocket | 2,000 | 2 |");
    }

    private static Map<String, String> row(final String header, final String line)
    {
        final String[] names = header.split(",");
        // the note, last, is quoted and may hold commas
        final String[] values = line.split(",", names.length);
        assertThat(values).hasSameSizeAs(names);
        final Map<String, String> row = new HashMap<>();
        for (int i = 0; i < names.length; i++)
        {
            row.put(names[i], values[i]);
        }
        return row;
    }
}
