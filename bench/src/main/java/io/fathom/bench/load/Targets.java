package io.fathom.bench.load;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/** The performance targets, checked against a run's results, one column per connection count. */
final class Targets
{
    private static final long P99_LIMIT_NS = 100_000;
    private static final long P9999_LIMIT_NS = 1_000_000;
    private static final long HALT_AND_DRAIN_LIMIT_MS = 100;
    private static final long FLUSH_LIMIT_MS = 1_000;

    private Targets()
    {
    }

    static String table(final List<PointResult> results, final int[] connections)
    {
        final StringBuilder md = new StringBuilder("| target |");
        final StringBuilder rule = new StringBuilder("|---|");
        for (final int c : connections)
        {
            md.append(' ').append(c).append(c == 1 ? " connection |" : " connections |");
            rule.append("---|");
        }
        md.append('\n').append(rule).append('\n');
        ratioRow(md, results, connections, "Fathom throughput ≥ 80 % of transport alone", Design.TRANSPORT, 0.8);
        ratioRow(md, results, connections, "Fathom throughput ≥ 5 × Python asyncio", Design.ASYNCIO, 5.0);
        ratioRow(md, results, connections, "Fathom throughput ≥ 3 × conventional Java", Design.CONVENTIONAL, 3.0);

        md.append("| at 50k msg/s: receipt→applied p99 ≤ 100 µs, p99.99 ≤ 1 ms, zero loss |");
        for (final int c : connections)
        {
            final PointResult r = ResultsWriter.find(results, Design.FATHOM, ResultsWriter.REFERENCE_RATE, c);
            final Histogram h = r == null ? null : r.receiptToApplied();
            if (h == null || h.getTotalCount() == 0)
            {
                md.append(" not run |");
                continue;
            }
            final long p99 = h.getValueAtPercentile(99);
            final long p9999 = h.getValueAtPercentile(99.99);
            final boolean met = p99 <= P99_LIMIT_NS && p9999 <= P9999_LIMIT_NS && r.countsExact() && r.lost() == 0;
            md.append(' ').append(met ? "**met**" : "**not met**").append(": p99 ").append(ResultsWriter.micros(p99))
                .append(" µs, p99.99 ").append(ResultsWriter.micros(p9999)).append(" µs, lost ")
                .append(r.countsExact() ? Long.toString(r.lost()) : "not checked").append(" |");
        }
        md.append('\n');

        md.append("| shutdown at 50k msg/s: halt + drain ≤ 100 ms, flush of 500 books ≤ 1 s |");
        for (final int c : connections)
        {
            final PointResult r = ResultsWriter.find(results, Design.FATHOM, ResultsWriter.REFERENCE_RATE, c);
            final PointResult.Shutdown s = r == null ? null : r.shutdown();
            if (s == null)
            {
                md.append(" not run |");
                continue;
            }
            final long haltAndDrain = s.haltProducersMs() + s.drainMs();
            final boolean met = haltAndDrain <= HALT_AND_DRAIN_LIMIT_MS && s.flushMs() <= FLUSH_LIMIT_MS && s.clean();
            md.append(' ').append(met ? "**met**" : "**not met**").append(": halt ").append(s.haltProducersMs())
                .append(" + drain ").append(s.drainMs()).append(" ms, flush ").append(s.flushMs()).append(" ms (")
                .append(s.books()).append(" books)").append(s.clean() ? "" : ", not clean").append(" |");
        }
        return md.append('\n').toString();
    }

    private static void ratioRow(
        final StringBuilder md,
        final List<PointResult> results,
        final int[] connections,
        final String target,
        final Design other,
        final double ratio)
    {
        md.append("| ").append(target).append(" (highest throughput at any rate) |");
        for (final int c : connections)
        {
            final double fathom = ResultsWriter.bestThroughput(results, Design.FATHOM, c);
            final double baseline = ResultsWriter.bestThroughput(results, other, c);
            if (fathom <= 0 || baseline <= 0)
            {
                md.append(" not run |");
                continue;
            }
            final double actual = fathom / baseline;
            md.append(' ').append(actual >= ratio ? "**met**" : "**not met**").append(": ")
                .append(String.format(Locale.ROOT, "%,.0f / %,.0f = %.2f ×", fathom, baseline, actual)).append(" |");
        }
        md.append('\n');
    }
}
