package io.fathom.bench.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The harness's two charts as hand-written SVG: the best throughput against connections per design,
 * and latency against percentile (HdrHistogram's percentile distribution, on the usual 1/(1-p) axis) per
 * design. Both axes of values are logarithmic, since the designs differ by orders of magnitude.
 */
final class SvgCharts
{
    private static final int WIDTH = 880;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 320;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** Percentile axis: 0 .. 99.999 %, as log10(1 / (1 - p)). */
    private static final double MAX_NINES = 5.0;
    private static final int CURVE_POINTS = 200;

    /** One line of a throughput chart: a design's value at each connection count (NaN where not run). */
    record Series(Design design, double[] values)
    {
    }

    /** One curve of a latency chart. */
    record Curve(Design design, String label, Histogram histogram, boolean dashed)
    {
    }

    private SvgCharts()
    {
    }

    static String throughput(final String title, final int[] connections, final List<Series> series)
    {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (final Series line : series)
        {
            for (final double value : line.values())
            {
                if (value > 0)
                {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        final StringBuilder svg = start(title);
        if (max == 0)
        {
            return end(svg);
        }
        final LogAxis y = new LogAxis(min, max);
        y.draw(svg, "messages applied per second");
        for (int i = 0; i < connections.length; i++)
        {
            final double x = categoryX(i, connections.length);
            svg.append(String.format(Locale.ROOT,
                "<text x='%.1f' y='%d' text-anchor='middle' font-size='12'>%d</text>%n", x, TOP + PLOT_HEIGHT + 18, connections[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' font-size='13'>%s</text>%n",
            LEFT + PLOT_WIDTH / 2, HEIGHT - 18, "WebSocket connections (500 symbols spread over them)"));
        int legend = 0;
        for (final Series line : series)
        {
            final StringBuilder points = new StringBuilder();
            for (int i = 0; i < connections.length; i++)
            {
                final double value = line.values()[i];
                if (!(value > 0))
                {
                    continue;
                }
                final double x = categoryX(i, connections.length);
                final double yPos = y.position(value);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yPos));
                svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='4' fill='%s'/>%n", x, yPos, line.design().colour));
                svg.append(String.format(Locale.ROOT,
                    "<text x='%.1f' y='%.1f' font-size='10' fill='%s'>%s</text>%n", x + 6, yPos - 6, line.design().colour, rate(value)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points='%s' fill='none' stroke='%s' stroke-width='2'/>%n",
                points.toString().trim(), line.design().colour));
            legend(svg, legend++, line.design().colour, line.design().label, false);
        }
        return end(svg);
    }

    static String latency(final String title, final List<Curve> curves)
    {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (final Curve curve : curves)
        {
            if (curve.histogram() != null && curve.histogram().getTotalCount() > 0)
            {
                min = Math.min(min, Math.max(0.1, curve.histogram().getMinValue() / 1000.0));
                max = Math.max(max, curve.histogram().getMaxValue() / 1000.0);
            }
        }
        final StringBuilder svg = start(title);
        if (max == 0)
        {
            return end(svg);
        }
        final LogAxis y = new LogAxis(min, max);
        y.draw(svg, "latency (µs)");
        final String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int nines = 0; nines <= MAX_NINES; nines++)
        {
            final double x = LEFT + PLOT_WIDTH * nines / MAX_NINES;
            svg.append(String.format(Locale.ROOT,
                "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>%n", x, TOP, x, TOP + PLOT_HEIGHT));
            svg.append(String.format(Locale.ROOT,
                "<text x='%.1f' y='%d' text-anchor='middle' font-size='12'>%s</text>%n", x, TOP + PLOT_HEIGHT + 18, labels[nines]));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' font-size='13'>percentile</text>%n",
            LEFT + PLOT_WIDTH / 2, HEIGHT - 18));
        int legend = 0;
        for (final Curve curve : curves)
        {
            final Histogram histogram = curve.histogram();
            if (histogram == null || histogram.getTotalCount() == 0)
            {
                continue;
            }
            final List<String> points = new ArrayList<>();
            final double reach = Math.min(MAX_NINES, Math.log10(histogram.getTotalCount()));
            for (int i = 0; i <= CURVE_POINTS; i++)
            {
                final double nines = reach * i / CURVE_POINTS;
                final double percentile = 100.0 * (1.0 - Math.pow(10, -nines));
                final double micros = Math.max(min, histogram.getValueAtPercentile(percentile) / 1000.0);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + PLOT_WIDTH * nines / MAX_NINES, y.position(micros)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points='%s' fill='none' stroke='%s' stroke-width='2'%s/>%n",
                String.join(" ", points), curve.design().colour, curve.dashed() ? " stroke-dasharray='6,4'" : ""));
            legend(svg, legend++, curve.design().colour, curve.label(), curve.dashed());
        }
        return end(svg);
    }

    private static double categoryX(final int index, final int count)
    {
        return LEFT + PLOT_WIDTH * (index + 0.5) / count;
    }

    private static StringBuilder start(final String title)
    {
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' font-family='sans-serif'>%n",
            WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width='%d' height='%d' fill='white'/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='28' text-anchor='middle' font-size='15'>%s</text>%n",
            WIDTH / 2, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>%n",
            LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT));
        return svg;
    }

    private static String end(final StringBuilder svg)
    {
        return svg.append("</svg>\n").toString();
    }

    private static void legend(
        final StringBuilder svg, final int index, final String colour, final String label, final boolean dashed)
    {
        final int x = LEFT + PLOT_WIDTH + 15;
        final int y = TOP + 10 + index * 20;
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'%s/>%n",
            x, y, x + 24, y, colour, dashed ? " stroke-dasharray='6,4'" : ""));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11'>%s</text>%n", x + 30, y + 4, escape(label)));
    }

    private static String rate(final double perSecond)
    {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2fM", perSecond / 1e6) :
            String.format(Locale.ROOT, "%.0fk", perSecond / 1e3);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }

    /** A base-10 logarithmic vertical axis spanning whole decades around the data. */
    private static final class LogAxis
    {
        private final double lowDecade;
        private final double highDecade;

        LogAxis(final double min, final double max)
        {
            this.lowDecade = Math.floor(Math.log10(min));
            this.highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(max)));
        }

        double position(final double value)
        {
            final double fraction = (Math.log10(value) - lowDecade) / (highDecade - lowDecade);
            return TOP + PLOT_HEIGHT * (1.0 - fraction);
        }

        void draw(final StringBuilder svg, final String label)
        {
            for (double decade = lowDecade; decade <= highDecade; decade++)
            {
                for (final int step : new int[]{1, 2, 5})
                {
                    final double value = step * Math.pow(10, decade);
                    if (Math.log10(value) > highDecade + 1e-9)
                    {
                        continue;
                    }
                    final double y = position(value);
                    svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='%s'/>%n",
                        LEFT, y, LEFT + PLOT_WIDTH, y, step == 1 ? "#ccc" : "#eee"));
                    svg.append(String.format(Locale.ROOT,
                        "<text x='%d' y='%.1f' text-anchor='end' font-size='11'>%s</text>%n", LEFT - 6, y + 4, number(value)));
                }
            }
            svg.append(String.format(Locale.ROOT,
                "<text x='18' y='%d' text-anchor='middle' font-size='13' transform='rotate(-90 18 %d)'>%s</text>%n",
                TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2, escape(label)));
        }

        private static String number(final double value)
        {
            if (value >= 1e6)
            {
                return String.format(Locale.ROOT, "%.0fM", value / 1e6);
            }
            if (value >= 1e3)
            {
                return String.format(Locale.ROOT, "%.0fk", value / 1e3);
            }
            return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
