package io.fathom.engine.feed;

import com.lmax.disruptor.RingBuffer;
import com.sun.net.httpserver.HttpServer;
import io.fathom.codec.Venue;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The fetcher against a REST endpoint on loopback that holds every answer until the test lets it go. */
class SnapshotFetcherTest
{
    private static final byte[] SNAPSHOT =
        "{\"lastUpdateId\":100,\"bids\":[[\"10.0\",\"1.0\"]],\"asks\":[[\"11.0\",\"2.0\"]]}".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path runDir;

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private EngineCounters counters;
    private SnapshotFetcher fetcher;

    @AfterEach
    void tearDown()
    {
        release.countDown();
        if (fetcher != null)
        {
            fetcher.onClose();
        }
        server.stop(0);
        counters.close();
    }

    @Test
    void fetchesUpToTheInFlightLimitAtOnceAndPublishesEveryAnswer() throws Exception
    {
        final int books = SnapshotFetcher.MAX_IN_FLIGHT * 2;
        final RingBuffer<DepthEvent> ring = start(books);
        for (int id = 0; id < books; id++)
        {
            fetcher.requestSnapshot(id);
        }

        driveUntil(() -> open.get() == SnapshotFetcher.MAX_IN_FLIGHT, "the first requests all in flight");
        for (int i = 0; i < 20; i++)
        {
            fetcher.doWork();
        }
        assertThat(open.get()).as("no more than the limit while every answer is held").isEqualTo(SnapshotFetcher.MAX_IN_FLIGHT);

        release.countDown();
        driveUntil(() -> ring.getCursor() + 1 == books, "every snapshot published");
        assertThat(mostOpen.get()).isEqualTo(SnapshotFetcher.MAX_IN_FLIGHT);
        assertThat(counters.get(SystemCounter.SNAPSHOT_FAILURES).get()).isZero();
        final List<Integer> published = new ArrayList<>();
        for (long sequence = 0; sequence < books; sequence++)
        {
            published.add(ring.get(sequence).instrumentId);
        }
        assertThat(published).as("each requested book once").containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, books).boxed().toList());
    }

    @Test
    void repeatedRequestsForABookCoalesceIntoOneFetch() throws Exception
    {
        final int books = SnapshotFetcher.MAX_IN_FLIGHT * 2;
        final RingBuffer<DepthEvent> ring = start(books);
        for (int round = 0; round < 5; round++)
        {
            for (int id = 0; id < books; id++)
            {
                fetcher.requestSnapshot(id);
            }
        }

        release.countDown();
        driveUntil(() -> ring.getCursor() + 1 == books, "every snapshot published");
        for (int i = 0; i < 50; i++)
        {
            fetcher.doWork();
        }
        assertThat(ring.getCursor() + 1).as("one snapshot a book, not one a request").isEqualTo(books);
        assertThat(counters.get(SystemCounter.SNAPSHOT_FAILURES).get()).isZero();
    }

    /** Runs the fetcher's duty cycle on this thread until {@code done}. */
    private void driveUntil(final BooleanSupplier done, final String what)
    {
        Await.until(() ->
        {
            fetcher.doWork();
            return done.getAsBoolean();
        }, what);
    }

    private RingBuffer<DepthEvent> start(final int books) throws Exception
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v3/depth", exchange ->
        {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try
            {
                release.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, SNAPSHOT.length);
                exchange.getResponseBody().write(SNAPSHOT);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            finally
            {
                open.decrementAndGet();
                exchange.close();
            }
        });
        server.start();

        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < books; i++)
        {
            symbols.add("S" + i);
        }
        counters = new EngineCounters(runDir.toFile());
        final RingBuffer<DepthEvent> ring = RingBuffer.createMultiProducer(() -> new DepthEvent(8), 1 << 10);
        final DepthPublisher publisher =
            new DepthPublisher(ring, new ProducerGate(), 8, counters.get(SystemCounter.EVENTS_PUBLISHED));
        final SystemNanoClock clock = SystemNanoClock.INSTANCE;
        fetcher = new SnapshotFetcher(
            new SnapshotFetchSettings("http://127.0.0.1:" + server.getAddress().getPort(), "/api/v3/depth", 10,
                Duration.ofSeconds(30)),
            new RateLimiter(10_000, 100, clock.nanoTime()),
            new SnapshotFetchServices(new InstrumentTable(symbols), publisher, FrameDecoder.forVenue(Venue.BINANCE, 8, 8),
                null, counters, clock, SystemEpochNanoClock.INSTANCE));
        return ring;
    }
}
