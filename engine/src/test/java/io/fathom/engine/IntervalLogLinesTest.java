package io.fathom.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalLogLinesTest
{
    private static final long BASE_TIME_MS = 1_765_000_000_123L;

    @Test
    void writesTheLinesTheLibrarysWriterWrites() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(7);
        final IntervalLogLines lines = new IntervalLogLines();
        for (final int values : new int[] { 0, 1, 3, 1_000, 100_000 })
        {
            final Histogram histogram = LatencyTracker.newHistogram();
            for (int i = 0; i < values; i++)
            {
                histogram.recordValue(random.nextLong(1, 1L << random.nextInt(1, 41)));
            }
            histogram.setStartTimeStamp(BASE_TIME_MS + random.nextLong(1_000_000));
            histogram.setEndTimeStamp(histogram.getStartTimeStamp() + random.nextLong(1, 5_000));
            histogram.setTag("applied");

            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            final HistogramLogWriter library = new HistogramLogWriter(new PrintStream(expected, true, StandardCharsets.US_ASCII));
            library.setBaseTime(BASE_TIME_MS);
            library.outputIntervalHistogram(histogram);

            final ByteArrayOutputStream actual = new ByteArrayOutputStream();
            lines.write(histogram, "applied".getBytes(StandardCharsets.US_ASCII), BASE_TIME_MS, actual);

            assertThat(actual.toString(StandardCharsets.US_ASCII))
                .as("line for %d values", values)
                .isEqualTo(expected.toString(StandardCharsets.US_ASCII));
        }
        lines.close();
    }

    @Test
    void theLibrarysReaderReadsBackEveryHistogram() throws IOException
    {
        final IntervalLogLines lines = new IntervalLogLines();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(log, true, StandardCharsets.US_ASCII);
        final HistogramLogWriter header = new HistogramLogWriter(stream);
        header.outputLogFormatVersion();
        header.outputStartTime(BASE_TIME_MS);
        header.outputLegend();
        final Histogram[] written = new Histogram[3];
        for (int i = 0; i < written.length; i++)
        {
            written[i] = LatencyTracker.newHistogram();
            written[i].recordValueWithCount(1_000L * (i + 1), 10 + i);
            written[i].recordValue(3_000_000_000L);
            written[i].setStartTimeStamp(BASE_TIME_MS + 1_000L * i);
            written[i].setEndTimeStamp(BASE_TIME_MS + 1_000L * (i + 1));
            lines.write(written[i], (i % 2 == 0 ? "applied" : "journaled").getBytes(StandardCharsets.US_ASCII), BASE_TIME_MS, stream);
        }
        lines.close();

        final HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log.toByteArray()));
        for (int i = 0; i < written.length; i++)
        {
            final Histogram read = (Histogram)reader.nextIntervalHistogram();
            assertThat(read).as("histogram %d", i).isNotNull();
            assertThat(read.getTag()).isEqualTo(i % 2 == 0 ? "applied" : "journaled");
            assertThat(read.getTotalCount()).isEqualTo(written[i].getTotalCount());
            assertThat(read).isEqualTo(written[i]);
        }
        assertThat(reader.nextIntervalHistogram()).isNull();
    }
}
