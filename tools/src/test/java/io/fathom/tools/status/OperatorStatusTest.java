package io.fathom.tools.status;

import io.fathom.engine.LatencyTracker;
import io.fathom.tools.ChildCli;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator does on a trading host: watch a running engine from a second process, and read
 * what a killed one left behind.
 */
class OperatorStatusTest
{
    @TempDir
    Path dir;

    @Test
    void statReadsALiveEngineAndWhatAKilledOneLeft() throws Exception
    {
        final String runDir = dir.resolve("run").toString();
        final ChildCli demo = ChildCli.start(List.of("demo", "--symbols", "12", "--rate", "3000",
            "--streams-per-connection", "4", "--run-dir", runDir, "--journal", dir.resolve("journal").toString(),
            "--faults", "malformed@1s:2",
            // the simulator's mixed-precision instruments need their metadata; a starved host may take over 5 s
            "--instrument-metadata-timeout", "60s"));
        demo.awaitLine("books=12/12 live");
        demo.awaitLine("feeds live=12");
        demo.awaitLine("fault: malformed");

        final List<String> summary = ChildCli.run(List.of("stat", "--dir", runDir));
        assertThat(summary.get(0)).contains("pid " + demo.pid()).endsWith("(running)");
        assertThat(summary).anyMatch(l -> l.startsWith("feeds: 12 ") && l.contains(" live="));
        assertThat(summary).contains("connections: 3 open=3");
        assertThat(summary).anyMatch(l -> l.startsWith("stalest feeds (top 10 "));
        assertThat(summary).noneMatch(l -> l.trim().startsWith("binance:SYM"));

        final List<String> live = ChildCli.run(List.of("stat", "--dir", runDir, "--feeds"));
        assertThat(live.get(0)).contains("pid " + demo.pid()).endsWith("(running)");
        assertThat(live).anyMatch(l -> l.matches("\\s+messages\\s+[1-9][0-9,]*"));
        assertThat(live.stream().filter(l -> l.trim().startsWith("binance:SYM")).count()).isEqualTo(12);
        assertThat(live).anyMatch(l -> l.trim().startsWith("binance:SYM0 ") && l.contains(" live ") && !l.contains("messages=0 "));
        assertThat(live.stream().filter(l -> l.trim().startsWith("binance:connection-") && l.contains(" open ")).count())
            .as("three connections of four streams, each open").isEqualTo(3);
        assertThat(live).anyMatch(l -> l.matches("\\s+ring_remaining_capacity\\s+[1-9][0-9,]*"));

        demo.signal("KILL");
        demo.waitFor(30);

        final List<String> after = ChildCli.run(List.of("stat", "--dir", runDir, "--filter", "SYM1$|decode_errors", "--latency"));
        assertThat(after.get(0)).contains("not running");
        assertThat(after).anyMatch(l -> l.matches("\\s+decode_errors\\s+2"));
        assertThat(after).anyMatch(l -> l.trim().startsWith("binance:SYM1 "));
        assertThat(after).noneMatch(l -> l.trim().startsWith("binance:SYM2 "));
        assertThat(after).anyMatch(l -> l.matches("latency receipt->applied, whole run: +count=[1-9].*"));

        final List<String> errors = ChildCli.run(List.of("errors", "--dir", runDir));
        assertThat(errors).anyMatch(l -> l.contains("FrameRejectedException"));
        assertThat(errors.get(errors.size() - 1)).matches("[1-9][0-9]* distinct errors");

        final Set<String> tags = new HashSet<>();
        final HistogramLogReader hlog = new HistogramLogReader(dir.resolve("run").resolve(LatencyTracker.LOG_FILE_NAME).toFile());
        EncodableHistogram interval;
        while ((interval = hlog.nextIntervalHistogram()) != null)
        {
            tags.add(interval.getTag());
        }
        assertThat(tags).containsExactlyInAnyOrder(LatencyTracker.APPLIED_TAG, LatencyTracker.JOURNALED_TAG);
    }
}
