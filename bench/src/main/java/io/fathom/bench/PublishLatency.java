package io.fathom.bench;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.subscribe.BookSubscriber;
import io.fathom.engine.subscribe.SubscriberContext;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Publish-to-subscriber-book latency over Aeron IPC: the engine against the simulator at a fixed rate publishes
 * with {@code aeron:ipc} on its embedded media driver, and a {@code BookSubscriber} in the same process records,
 * for every level change it applies, the time from the publisher's duty cycle that sent it (the header's publish
 * time) to the book being rebuilt and published to its view. Not a JMH benchmark: a plain {@code main}.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.fathom.bench.PublishLatency [symbols=500] [rate=50000] [warmUpSeconds=5] [seconds=20]
 * </pre>
 */
public final class PublishLatency
{
    private PublishLatency()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        final int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        final int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        final int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        final File runDir = Files.createTempDirectory("fathom-publish-latency").toFile();
        final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(1), 3); // bounded: recording never resizes on the subscriber's thread
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(symbols).ratePerSecond(rate).seed(1).wsPort(0).restPort(0)))
        {
            final EngineContext context = new EngineContext().venue("binance").symbols(simulator.symbols())
                .url(simulator.wsUrl()).restUrl(simulator.restUrl()).runDir(runDir).journal(false)
                .snapshotRatePerSecond(2_000).connectRatePerSecond(100).connectBurst(50);
            context.publish().channel("aeron:ipc");
            try (Engine engine = Engine.launch(context);
                BookSubscriber subscriber = BookSubscriber.connect(new SubscriberContext()
                    .channel("aeron:ipc").aeronDir(engine.publishAeronDir()).latencyRecorder(recorder)))
            {
                final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MICROSECONDS.toNanos(100)), Throwable::printStackTrace, null, subscriber);
                AgentRunner.startOnThread(runner);
                try
                {
                    TimeUnit.SECONDS.sleep(warmUpSeconds);
                    recorder.reset();
                    final long messagesBefore = subscriber.messages();
                    TimeUnit.SECONDS.sleep(seconds);
                    final Histogram histogram = recorder.getIntervalHistogram();
                    final long messages = subscriber.messages() - messagesBefore;
                    System.out.printf("symbols=%d rate=%d/s measured=%ds changes=%d messages/s=%.0f%n", symbols, rate, seconds,
                        histogram.getTotalCount(), messages / (double)seconds);
                    System.out.printf("publish-to-book us: p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
                        histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                        histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                        histogram.getMaxValue() / 1e3);
                    System.out.printf("published=%d back_pressured=%d not_connected=%d gaps=%d books_live=%d%n",
                        engine.counters().value(SystemCounter.PUBLISH_MESSAGES),
                        engine.counters().value(SystemCounter.PUBLISH_BACK_PRESSURED),
                        engine.counters().value(SystemCounter.PUBLISH_NOT_CONNECTED), subscriber.sequenceGaps(), engine.booksLive());
                }
                finally
                {
                    CloseHelper.close(runner);
                }
            }
        }
    }
}
