package io.fathom.tools.lifecycle;

import io.fathom.engine.Engine;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book handler stalls with the ring full: feeds wait their bounded time, drop and count what does not
 * fit, and the books they lost messages of are invalidated and resynced once the handler moves again;
 * every event that reached the ring is still accounted for.
 */
class BackpressureTest
{
    private static final int SYMBOLS = 10;

    @TempDir
    Path dir;

    @Test
    void fullRingDropsBoundedAndResyncsTheBooksItTouched() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean stall = new AtomicBoolean();
        final BookListener stallingListener = (book, topChanged, pressure) ->
        {
            if (stall.get())
            {
                try
                {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (EngineHarness harness = new EngineHarness(SYMBOLS, 20_000))
        {
            final Engine engine = harness.launch(harness.config(dir)
                .ringSize(1024)
                .ringFullWait(Duration.ofMillis(20))
                .bookListener(stallingListener));
            Await.until(() -> engine.booksLive() == SYMBOLS, "every book live");
            final long resyncsBefore = engine.counters().value(SystemCounter.RESYNCS);

            stall.set(true);
            Await.until(() -> engine.counters().value(SystemCounter.RING_FULL_DROPS) > 100, "messages dropped while stalled");
            stall.set(false);
            release.countDown();

            Await.until(() -> engine.counters().value(SystemCounter.RESYNCS) > resyncsBefore && engine.booksLive() == SYMBOLS,
                "books resynced after the stall");
            final ShutdownReport report = engine.shutdown();
            assertThat(report.clean()).isTrue();
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
            assertThat(consumed).isEqualTo(published);
            assertThat(engine.counters().value(SystemCounter.EVENTS_APPLIED) +
                engine.counters().value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(consumed);
            assertThat(engine.counters().value(SystemCounter.MESSAGES_RECEIVED)).as("received = published or dropped")
                .isGreaterThanOrEqualTo(engine.counters().value(SystemCounter.RING_FULL_DROPS));
            assertThat(engine.counters().value(SystemCounter.GAPS)).as("a drop is a resync, not a sequence gap").isZero();
        }
    }
}
