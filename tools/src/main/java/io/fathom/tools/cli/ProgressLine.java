package io.fathom.tools.cli;

import io.fathom.engine.Engine;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.view.TopOfBook;
import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import java.io.PrintStream;

/**
 * The once-a-second progress line of {@code run} and {@code demo}, e.g. {@code t=12s msgs/s=50021 books=500/500
 * live latency p50=61us p99=204us ring=0.0% journal=612345 gaps=0 feeds live=500}, built in a kept buffer and
 * written as ASCII bytes: through {@code printf} each line cost several kilobytes of formatter objects, a tenth of
 * a byte a message of what the engine process allocated at 50,000 messages a second. One thread only.
 */
final class ProgressLine
{
    private final StringBuilder line = new StringBuilder(256);
    private final TopOfBook top = new TopOfBook();
    private final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(256);

    /** What the line reports, gathered by the caller. */
    record Figures(long seconds, double messagesPerSecond, double ringFill, long journalRecords, long gaps)
    {
    }

    void print(final PrintStream out, final Engine engine, final Figures figures, final Histogram interval)
    {
        line.setLength(0);
        line.append("t=").append(figures.seconds()).append("s msgs/s=").append(Math.round(figures.messagesPerSecond()))
            .append(" books=").append(engine.booksLive()).append('/').append(engine.bookCount()).append(" live");
        appendVenues(engine);
        line.append(" latency p50=");
        appendMicros(interval, 50.0);
        line.append(" p99=");
        appendMicros(interval, 99.0);
        final long ringTenths = Math.round(figures.ringFill() * 1000.0);
        line.append(" ring=").append(ringTenths / 10).append('.').append(ringTenths % 10).append('%')
            .append(" journal=").append(figures.journalRecords()).append(" gaps=").append(figures.gaps()).append(" feeds ");
        appendFeedsByState(line, engine.feedsByState());
        line.append(System.lineSeparator());
        write(out);
    }

    /** Non-empty states only, e.g. {@code live=498 backoff=2}. */
    static StringBuilder appendFeedsByState(final StringBuilder line, final int[] counts)
    {
        boolean first = true;
        for (int i = 0; i < counts.length; i++)
        {
            if (counts[i] > 0)
            {
                line.append(first ? "" : " ").append(FeedState.of(i).label()).append('=').append(counts[i]);
                first = false;
            }
        }
        return line;
    }

    /** For an engine of several venues, e.g. {@code  (binance 4/4, okx 3/4)}: the books each has valid. */
    private void appendVenues(final Engine engine)
    {
        final VenueInstruments instruments = engine.instruments();
        if (instruments.groups().size() < 2)
        {
            return;
        }
        line.append(" (");
        for (int g = 0; g < instruments.groups().size(); g++)
        {
            final int count = instruments.table(g).size();
            int valid = 0;
            for (int id = instruments.base(g); id < instruments.base(g) + count; id++)
            {
                valid += engine.bookView(id).read(top) ? 1 : 0;
            }
            line.append(g == 0 ? "" : ", ").append(instruments.groups().get(g).venue()).append(' ').append(valid).append('/').append(count);
        }
        line.append(')');
    }

    private void appendMicros(final Histogram histogram, final double percentile)
    {
        if (histogram.getTotalCount() == 0)
        {
            line.append('-');
        }
        else
        {
            line.append(histogram.getValueAtPercentile(percentile) / 1000).append("us");
        }
    }

    private void write(final PrintStream out)
    {
        final int length = bytes.putStringWithoutLengthAscii(0, line);
        out.write(bytes.byteArray(), 0, length);
    }
}
