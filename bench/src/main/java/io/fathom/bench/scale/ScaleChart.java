package io.fathom.bench.scale;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The scale runs as an SVG chart of each figure's growth against the smallest run, and as a Markdown table. */
final class ScaleChart
{
    private static final int WIDTH = 860;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private record Figure(String label, String colour, ToDoubleFunction<ScalePoint> value)
    {
    }

    private static final List<Figure> FIGURES = List.of(
        new Figure("time to every book live", "#1f77b4", p -> p.allLiveMs() > 0 ? p.allLiveMs() : Double.NaN),
        new Figure("resident memory (RSS)", "#ff7f0e", ScalePoint::rssMb),
        new Figure("heap after GC", "#2ca02c", ScalePoint::heapAfterGcMb),
        new Figure("p99 receipt-to-applied, live", "#d62728", ScalePoint::steadyP99Us),
        new Figure("SIGTERM to exit", "#9467bd", p -> p.sigtermToExitMs()),
        new Figure("fathom stat, warm JVM", "#8c564b", p -> p.statInProcessMs()));

    private ScaleChart()
    {
    }

    static String growth(final List<ScalePoint> points, final long rate)
    {
        final int plotWidth = WIDTH - LEFT - RIGHT;
        final int plotHeight = HEIGHT - TOP - BOTTOM;
        double max = 1;
        for (final Figure figure : FIGURES)
        {
            for (final ScalePoint point : points)
            {
                final double ratio = ratio(figure, points, point);
                if (ratio > max)
                {
                    max = ratio;
                }
            }
        }
        final double top = Math.ceil(max);
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' " +
            "font-family='sans-serif'>%n<rect width='100%%' height='100%%' fill='white'/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='28' font-size='15'>fathom demo at %,d msg/s: each figure " +
            "against its value at %,d symbols (2-core shared host)</text>%n", LEFT, rate, points.get(0).symbols()));
        for (int tick = 0; tick <= 4; tick++)
        {
            final double value = top * tick / 4;
            final double y = TOP + plotHeight - plotHeight * value / top;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>%n",
                LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end' font-size='11'>%.1fx</text>%n",
                LEFT - 6, y + 4, value));
        }
        for (int i = 0; i < points.size(); i++)
        {
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle' font-size='12'>%,d</text>%n",
                x(i, points.size(), plotWidth), TOP + plotHeight + 18, points.get(i).symbols()));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' font-size='13'>symbols (one feed " +
            "each)</text>%n", LEFT + plotWidth / 2, HEIGHT - 18));
        int legend = 0;
        for (final Figure figure : FIGURES)
        {
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++)
            {
                final double ratio = ratio(figure, points, points.get(i));
                if (Double.isNaN(ratio))
                {
                    continue;
                }
                final double x = x(i, points.size(), plotWidth);
                final double y = TOP + plotHeight - plotHeight * ratio / top;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3.5' fill='%s'/>%n", x, y, figure.colour()));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points='%s' fill='none' stroke='%s' stroke-width='2'/>%n",
                line.toString().trim(), figure.colour()));
            final int ly = TOP + 10 + 22 * legend++;
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='14' height='4' fill='%s'/>" +
                "<text x='%d' y='%d' font-size='12'>%s</text>%n", WIDTH - RIGHT + 20, ly, figure.colour(),
                WIDTH - RIGHT + 40, ly + 6, figure.label()));
        }
        return svg.append("</svg>\n").toString();
    }

    static String table(final List<ScalePoint> points)
    {
        final StringBuilder md = new StringBuilder();
        md.append("| symbols | every book live after | books live / valid at end | RSS | heap after GC | p50 / p99 live " +
            "| p99 whole run | SIGTERM to exit (engine shutdown) | exit | `stat --dir` (JVM start alone; in a warm JVM) |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final ScalePoint p : points)
        {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %,d / %,d | %.0f MB | %.0f MB | %.0f / %.0f us | %.0f us " +
                    "| %,d ms (%,d ms) | %d | %,d ms (%,d ms; %,d ms) |%n",
                p.symbols(), p.allLiveMs() < 0 ? "not within the bound" : String.format(Locale.ROOT, "%.1f s", p.allLiveMs() / 1e3),
                p.booksLive(), p.booksValid(), p.rssMb(), p.heapAfterGcMb(), p.steadyP50Us(), p.steadyP99Us(), p.runP99Us(),
                p.sigtermToExitMs(), p.engineShutdownMs(), p.exitCode(), p.statMs(), p.jvmBaselineMs(), p.statInProcessMs()));
        }
        return md.toString();
    }

    private static double ratio(final Figure figure, final List<ScalePoint> points, final ScalePoint point)
    {
        final double base = figure.value().applyAsDouble(points.get(0));
        final double value = figure.value().applyAsDouble(point);
        return base > 0 && value >= 0 ? value / base : Double.NaN;
    }

    private static double x(final int index, final int count, final int plotWidth)
    {
        return LEFT + (count == 1 ? plotWidth / 2.0 : 30 + (plotWidth - 60) * index / (double)(count - 1));
    }
}
