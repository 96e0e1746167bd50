package io.fathom.bench.load;

import org.HdrHistogram.Histogram;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's results: one CSV row per design, rate and connection count; HdrHistogram percentile
 * distributions ({@code .hgrm}) of the 50k/s points; the two SVG charts; and a Markdown summary with the
 * targets, for RESULTS.md.
 */
final class ResultsWriter
{
    static final long REFERENCE_RATE = 50_000;
    static final String CSV_HEADER = "design,rate,connections,symbols,window_s,sent,received,applied,discarded,lost,throughput_msg_s," +
        "receipt_applied_p50_us,receipt_applied_p99_us,receipt_applied_p999_us,receipt_applied_p9999_us,receipt_applied_max_us," +
        "intended_applied_p50_us,intended_applied_p99_us,intended_applied_p999_us,intended_applied_p9999_us,intended_applied_max_us," +
        "receipt_journaled_p50_us,receipt_journaled_p99_us,receipt_journaled_p999_us,receipt_journaled_p9999_us,receipt_journaled_max_us," +
        "gc_count,gc_pause_total_ms,gc_pause_max_ms,alloc_mb_s,cpu_pct,sim_cpu_pct,other_cpu_pct,gaps,unmatched," +
        "shutdown_halt_ms,shutdown_drain_ms,shutdown_disconnect_ms,shutdown_flush_ms,shutdown_total_ms,shutdown_clean,note";
    private static final double[] PERCENTILES = {50.0, 99.0, 99.9, 99.99};

    private final File outDir;
    private final String prefix;

    ResultsWriter(final File outDir, final String prefix)
    {
        this.outDir = outDir;
        this.prefix = prefix;
    }

    File csvFile()
    {
        return new File(outDir, prefix + ".csv");
    }

    File summaryFile()
    {
        return new File(outDir, prefix + "-summary.md");
    }

    void write(final List<PointResult> results, final int[] connections, final String runDescription) throws IOException
    {
        Files.createDirectories(outDir.toPath());
        writeCsv(results);
        writeDistributions(results);
        writeCharts(results, connections);
        Files.writeString(summaryFile().toPath(), summary(results, connections, runDescription), StandardCharsets.UTF_8);
    }

    private void writeCsv(final List<PointResult> results) throws IOException
    {
        final StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (final PointResult r : results)
        {
            final List<String> row = new ArrayList<>();
            row.add(r.design().id);
            row.add(r.rateLabel());
            row.add(Integer.toString(r.connections()));
            row.add(Integer.toString(r.symbols()));
            row.add(fixed(r.windowSeconds(), 2));
            row.add(Long.toString(r.sent()));
            row.add(Long.toString(r.received()));
            row.add(Long.toString(r.applied()));
            row.add(Long.toString(r.discarded()));
            row.add(r.countsExact() ? Long.toString(r.lost()) : "");
            row.add(fixed(r.throughput(), 0));
            percentiles(row, r.receiptToApplied());
            percentiles(row, r.intendedToApplied());
            percentiles(row, r.receiptToJournaled());
            row.add(r.gcCount() < 0 ? "" : Long.toString(r.gcCount()));
            row.add(r.gcPauseTotalNs() < 0 ? "" : fixed(r.gcPauseTotalNs() / 1e6, 2));
            row.add(r.gcPauseMaxNs() < 0 ? "" : fixed(r.gcPauseMaxNs() / 1e6, 2));
            row.add(r.allocBytesPerSecond() < 0 ? "" : fixed(r.allocBytesPerSecond() / 1e6, 1));
            row.add(fixed(r.cpuPercent(), 0));
            row.add(fixed(r.simulatorCpuPercent(), 0));
            row.add(Double.isNaN(r.machineCpuPercent()) ? "" : fixed(r.otherCpuPercent(), 0));
            row.add(Long.toString(r.gaps()));
            row.add(Long.toString(r.unmatched()));
            final PointResult.Shutdown s = r.shutdown();
            row.add(s == null ? "" : Long.toString(s.haltProducersMs()));
            row.add(s == null ? "" : Long.toString(s.drainMs()));
            row.add(s == null ? "" : Long.toString(s.disconnectMs()));
            row.add(s == null ? "" : Long.toString(s.flushMs()));
            row.add(s == null ? "" : Long.toString(s.totalMs()));
            row.add(s == null ? "" : Boolean.toString(s.clean()));
            row.add('"' + r.note().replace('"', '\'') + '"');
            csv.append(String.join(",", row)).append('\n');
        }
        Files.writeString(csvFile().toPath(), csv.toString(), StandardCharsets.UTF_8);
    }

    private void writeDistributions(final List<PointResult> results) throws IOException
    {
        final File dir = new File(outDir, prefix + "-hgrm");
        Files.createDirectories(dir.toPath());
        for (final PointResult r : results)
        {
            if (r.rate() != REFERENCE_RATE)
            {
                continue;
            }
            final String name = r.design().id + "-" + r.rate() + "-c" + r.connections();
            distribution(new File(dir, name + "-intended-applied.hgrm"), r.intendedToApplied());
            distribution(new File(dir, name + "-receipt-applied.hgrm"), r.receiptToApplied());
            distribution(new File(dir, name + "-receipt-journaled.hgrm"), r.receiptToJournaled());
        }
    }

    private static void distribution(final File file, final Histogram histogram) throws IOException
    {
        if (histogram == null || histogram.getTotalCount() == 0)
        {
            return;
        }
        try (PrintStream out = new PrintStream(file, StandardCharsets.US_ASCII))
        {
            histogram.outputPercentileDistribution(out, 5, 1000.0);
        }
    }

    private void writeCharts(final List<PointResult> results, final int[] connections) throws IOException
    {
        final List<SvgCharts.Series> series = new ArrayList<>();
        for (final Design design : Design.values())
        {
            final double[] values = new double[connections.length];
            boolean any = false;
            for (int i = 0; i < connections.length; i++)
            {
                values[i] = bestThroughput(results, design, connections[i]);
                any |= values[i] > 0;
            }
            if (any)
            {
                series.add(new SvgCharts.Series(design, values));
            }
        }
        Files.writeString(new File(outDir, prefix + "-throughput.svg").toPath(), SvgCharts.throughput(
            "Highest throughput at any rate (fixed or as fast as read), 500 symbols", connections, series), StandardCharsets.UTF_8);

        for (final int c : connections)
        {
            final List<SvgCharts.Curve> curves = new ArrayList<>();
            for (final Design design : Design.values())
            {
                final PointResult r = find(results, design, REFERENCE_RATE, c);
                if (r == null)
                {
                    continue;
                }
                curves.add(new SvgCharts.Curve(design, design.label + (design.isTransportAlone() ?
                    ", intended → received" : ", intended → applied"), r.intendedToApplied(), false));
                if (r.receiptToApplied() != null)
                {
                    curves.add(new SvgCharts.Curve(design, design.label + ", receipt → applied", r.receiptToApplied(), true));
                }
            }
            Files.writeString(new File(outDir, prefix + "-latency-50k-c" + c + ".svg").toPath(), SvgCharts.latency(
                "Latency at 50,000 msg/s, 500 symbols, " + c + (c == 1 ? " connection" : " connections"), curves),
                StandardCharsets.UTF_8);
        }
    }

    /** The highest throughput the design sustained at any rate over this many connections, else 0. */
    static double bestThroughput(final List<PointResult> results, final Design design, final int connections)
    {
        double best = 0;
        for (final PointResult r : results)
        {
            if (r.design() == design && r.connections() == connections)
            {
                best = Math.max(best, r.throughput());
            }
        }
        return best;
    }

    static PointResult find(final List<PointResult> results, final Design design, final long rate, final int connections)
    {
        for (final PointResult r : results)
        {
            if (r.design() == design && r.rate() == rate && r.connections() == connections)
            {
                return r;
            }
        }
        return null;
    }

    private String summary(final List<PointResult> results, final int[] connections, final String runDescription)
    {
        final StringBuilder md = new StringBuilder();
        md.append(runDescription).append("\n\n");
        md.append("| design | rate | conns | msg/s applied | receipt→applied p50 / p99 / p99.99 / max µs | " +
            "intended→applied p50 / p99 / p99.99 / max µs | lost | CPU % | sim CPU % | other CPU % | GC pauses ms (max) | alloc MB/s |\n");
        md.append("|---|---:|---:|---:|---|---|---:|---:|---:|---:|---|---:|\n");
        for (final PointResult r : results)
        {
            md.append("| ").append(r.design().label)
                .append(" | ").append(r.isMaxRate() ? "max" : String.format(Locale.ROOT, "%,d", r.rate()))
                .append(" | ").append(r.connections())
                .append(" | ").append(String.format(Locale.ROOT, "%,.0f", r.throughput()))
                .append(" | ").append(brief(r.receiptToApplied()))
                .append(" | ").append(brief(r.intendedToApplied()))
                .append(" | ").append(r.countsExact() ? Long.toString(r.lost()) : "–")
                .append(" | ").append(fixed(r.cpuPercent(), 0))
                .append(" | ").append(fixed(r.simulatorCpuPercent(), 0))
                .append(" | ").append(Double.isNaN(r.machineCpuPercent()) ? "" : fixed(r.otherCpuPercent(), 0))
                .append(" | ").append(r.gcPauseTotalNs() < 0 ? "n/a" :
                    fixed(r.gcPauseTotalNs() / 1e6, 1) + " (" + fixed(r.gcPauseMaxNs() / 1e6, 1) + ")")
                .append(" | ").append(r.allocBytesPerSecond() < 0 ? "n/a" : fixed(r.allocBytesPerSecond() / 1e6, 1))
                .append(" |").append(r.note().isEmpty() ? "" : " " + r.note()).append('\n');
        }
        md.append('\n').append(Targets.table(results, connections));
        return md.toString();
    }

    private static String brief(final Histogram h)
    {
        if (h == null || h.getTotalCount() == 0)
        {
            return "–";
        }
        return micros(h.getValueAtPercentile(50)) + " / " + micros(h.getValueAtPercentile(99)) + " / " +
            micros(h.getValueAtPercentile(99.99)) + " / " + micros(h.getMaxValue());
    }

    static String micros(final long nanos)
    {
        final double us = nanos / 1000.0;
        return us >= 100 ? String.format(Locale.ROOT, "%,.0f", us) : String.format(Locale.ROOT, "%.1f", us);
    }

    private static void percentiles(final List<String> row, final Histogram h)
    {
        for (final double p : PERCENTILES)
        {
            row.add(h == null || h.getTotalCount() == 0 ? "" : fixed(h.getValueAtPercentile(p) / 1000.0, 1));
        }
        row.add(h == null || h.getTotalCount() == 0 ? "" : fixed(h.getMaxValue() / 1000.0, 1));
    }

    static String fixed(final double value, final int decimals)
    {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
