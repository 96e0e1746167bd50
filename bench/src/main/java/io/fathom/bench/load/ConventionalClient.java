package io.fathom.bench.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conventional Java design: each WebSocket read thread binds a frame with Jackson into objects
 * and puts it on an {@link ArrayBlockingQueue}; one book task on an {@link ExecutorService} takes them
 * and applies them to {@link ConventionalBook}s; REST snapshots are fetched with {@link HttpClient} on a
 * small pool and handed to the book task through the same queue.
 */
final class ConventionalClient extends LoadClient implements ConventionalBook.Outcome
{
    private static final int QUEUE_CAPACITY = 65_536;
    private static final int SNAPSHOT_THREADS = 4;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private record SnapshotReply(ConventionalBook book, ConventionalBook.DepthSnapshot snapshot)
    {
    }

    private final ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ExecutorService bookExecutor = Executors.newSingleThreadExecutor(
        (runnable) -> new Thread(runnable, "conventional-books"));
    private final ExecutorService snapshotExecutor = Executors.newFixedThreadPool(SNAPSHOT_THREADS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ConventionalBook> books = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    private volatile boolean running = true;
    private double pressureSink;

    ConventionalClient(final Options options)
    {
        super(options);
    }

    private final class Connection extends WebSocketClient
    {
        Connection(final URI uri)
        {
            super(uri, new org.java_websocket.drafts.Draft_6455(), null, CONNECT_TIMEOUT_MS);
        }

        @Override
        public void onMessage(final String text)
        {
            final long receiveNs = System.nanoTime();
            received.incrementAndGet();
            try
            {
                final ConventionalBook.CombinedEvent event = mapper.readValue(text, ConventionalBook.CombinedEvent.class);
                event.data.receiveNs = receiveNs;
                queue.put(event.data);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final Exception ex)
            {
                decodeErrors.incrementAndGet();
            }
        }

        @Override
        public void onOpen(final ServerHandshake handshake)
        {
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
        }

        @Override
        public void onError(final Exception ex)
        {
            System.err.println("conventional connection: " + ex);
        }
    }

    @Override
    void start() throws InterruptedException
    {
        for (int i = 0; i < options.symbols(); i++)
        {
            books.put("SYM" + i, new ConventionalBook("SYM" + i, i));
        }
        bookExecutor.submit(this::runBooks);
        for (int i = 0; i < options.connections(); i++)
        {
            connections.add(new Connection(URI.create(options.streamUrl(i))));
        }
        openAll(connections);
    }

    private void runBooks()
    {
        while (running)
        {
            final Object message;
            try
            {
                message = queue.poll(100, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            try
            {
                onMessage(message);
            }
            catch (final RuntimeException ex)
            {
                handlerErrors.incrementAndGet();
                ex.printStackTrace();
            }
        }
    }

    private void onMessage(final Object message)
    {
        if (message instanceof ConventionalBook.DepthUpdate)
        {
            final ConventionalBook.DepthUpdate update = (ConventionalBook.DepthUpdate)message;
            final ConventionalBook book = books.get(update.symbol);
            if (book == null)
            {
                discarded.incrementAndGet();
                return;
            }
            book.onUpdate(update, this);
        }
        else if (message instanceof SnapshotReply)
        {
            final SnapshotReply reply = (SnapshotReply)message;
            reply.book().onSnapshot(reply.snapshot(), this);
        }
    }

    @Override
    String progress()
    {
        return super.progress() + " books live " + live.get() + " queued " + queue.size() + " handler errors " +
            handlerErrors.get() + " decode errors " + decodeErrors.get();
    }

    @Override
    public void applied(final ConventionalBook book, final ConventionalBook.DepthUpdate update)
    {
        final long nowNs = System.nanoTime();
        pressureSink += book.volumePressure();
        applied.incrementAndGet();
        if (recording)
        {
            receiptToApplied.recordValue(clamp(nowNs - update.receiveNs));
        }
        recordApplied(book.symbolIndex, update.finalUpdateId, nowNs);
    }

    @Override
    public void appliedFromBuffer(final int count)
    {
        applied.addAndGet(count);
    }

    @Override
    public void discarded(final int count)
    {
        discarded.addAndGet(count);
    }

    @Override
    public void snapshotNeeded(final ConventionalBook book)
    {
        snapshotExecutor.submit(() ->
        {
            ConventionalBook.DepthSnapshot snapshot = null;
            try
            {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(options.restUrl() + "/api/v3/depth?symbol=" + book.symbol + "&limit=1000"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200)
                {
                    snapshot = mapper.readValue(response.body(), ConventionalBook.DepthSnapshot.class);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
            catch (final Exception ex)
            {
                System.err.println("snapshot " + book.symbol + ": " + ex);
            }
            try
            {
                queue.put(new SnapshotReply(book, snapshot));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void synced(final ConventionalBook book)
    {
        live.incrementAndGet();
    }

    @Override
    public void gap(final ConventionalBook book)
    {
        gaps.incrementAndGet();
        live.decrementAndGet();
    }

    @Override
    boolean ready()
    {
        return live.get() == options.symbols();
    }

    @Override
    long received()
    {
        return received.get();
    }

    @Override
    long applied()
    {
        return applied.get();
    }

    @Override
    long discarded()
    {
        return discarded.get();
    }

    @Override
    boolean idle()
    {
        return applied.get() + discarded.get() + decodeErrors.get() == received.get();
    }

    @Override
    long gaps()
    {
        return gaps.get();
    }

    @Override
    ObjectNode shutdown()
    {
        final long startNs = System.nanoTime();
        for (final Connection connection : connections)
        {
            connection.close();
        }
        running = false;
        bookExecutor.shutdown();
        snapshotExecutor.shutdownNow();
        try
        {
            bookExecutor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return JSON.createObjectNode()
            .put("shutdown_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNs))
            .put("decode_errors", decodeErrors.get())
            .put("pressure_sink", pressureSink);
    }
}
