package io.fathom.bench;

import io.fathom.engine.subscribe.BookSubscriber;
import io.fathom.engine.subscribe.SubscribedBook;
import io.fathom.engine.subscribe.SubscriberContext;
import io.fathom.engine.view.TopOfBook;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * The subscriber's side of publish-to-subscriber-book latency, in a process of its own: a {@code BookSubscriber}
 * on the engine's channel (over {@code aeron:ipc}, the engine's media driver directory) records, for every level
 * change it applies, the time from the engine's publisher offering it (the header's {@code System.nanoTime()},
 * which every process on the host reads from the same monotonic clock) to the book rebuilt and published to its
 * view. Run by {@code bench/publish-latency.sh}; not a JMH benchmark. The subscriber's thread busy-spins, as a
 * strategy's on a core of its own would ({@code idle=spin}), or backs off to 100 µs parks ({@code idle=backoff}) on a
 * host with no core to spare.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.fathom.bench.SubscriberLatency CHANNEL AERON_DIR [books=0] [warmUpSeconds=5] [seconds=20] [spin|backoff]
 * </pre>
 *
 * <p>With {@code books} above 0 the warm-up starts once that many books are valid at the subscriber (at most 300 s),
 * so the figures are of books in steady state, not of engines still fetching their snapshots.
 *
 * <pre>
 * </pre>
 */
public final class SubscriberLatency
{
    private SubscriberLatency()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String channel = args[0];
        final File aeronDir = new File(args[1]);
        final int books = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        final int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        final int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        final IdleStrategy idle = args.length > 5 && "backoff".equals(args[5]) ? new BackoffIdleStrategy(100, 10,
            TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)) : new BusySpinIdleStrategy();
        final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(1), 3); // bounded: recording never resizes on the subscriber's thread
        try (BookSubscriber subscriber = BookSubscriber.connect(new SubscriberContext()
            .channel(channel).aeronDir(aeronDir).latencyRecorder(recorder)))
        {
            final AgentRunner runner = new AgentRunner(idle, Throwable::printStackTrace, null, subscriber);
            AgentRunner.startOnThread(runner);
            try
            {
                final long syncStartNs = System.nanoTime();
                while (validBooks(subscriber) < books && System.nanoTime() - syncStartNs < TimeUnit.SECONDS.toNanos(300))
                {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                System.out.printf("books valid at the subscriber: %d after %d ms%n", validBooks(subscriber),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - syncStartNs));
                TimeUnit.SECONDS.sleep(warmUpSeconds);
                recorder.reset();
                final long messagesBefore = subscriber.messages();
                final long gapsBefore = subscriber.sequenceGaps();
                TimeUnit.SECONDS.sleep(seconds);
                final Histogram histogram = recorder.getIntervalHistogram();
                final long messages = subscriber.messages() - messagesBefore;
                System.out.printf("measured=%ds changes=%d messages/s=%.0f books=%d sequence_gaps=%d images_lost=%d%n", seconds,
                    histogram.getTotalCount(), messages / (double)seconds, subscriber.books().size(),
                    subscriber.sequenceGaps() - gapsBefore, subscriber.imagesLost());
                System.out.printf("publish-to-book us: p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
                    histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                    histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                    histogram.getMaxValue() / 1e3);
            }
            finally
            {
                CloseHelper.close(runner);
            }
        }
    }

    private static int validBooks(final BookSubscriber subscriber)
    {
        final TopOfBook top = new TopOfBook();
        int valid = 0;
        for (final SubscribedBook book : subscriber.books())
        {
            if (subscriber.bookView(book.venue(), book.symbol()).read(top))
            {
                valid++;
            }
        }
        return valid;
    }
}
