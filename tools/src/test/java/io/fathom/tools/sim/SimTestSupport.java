package io.fathom.tools.sim;

import io.fathom.testing.Await;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Loopback test helpers: deadline waits, a queueing Java-WebSocket client, and a parser for the
 * simulator's JSON frames built on {@link SimJsonReader}.
 */
final class SimTestSupport
{
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SimTestSupport()
    {
    }

    /** Waits until {@code condition} holds, failing after {@link #TIMEOUT}. */
    static void await(final String description, final BooleanSupplier condition)
    {
        Await.until(condition, TIMEOUT, description);
    }

    /** Closes what a test opened, the client before the simulator; either may be null. */
    static void close(final WebSocketClient client, final Simulator simulator) throws InterruptedException
    {
        if (client != null)
        {
            client.closeBlocking();
        }
        if (simulator != null)
        {
            simulator.close();
        }
    }

    /** Lets {@code durationMs} pass on the clock; for windows that measure rates or prove silence. */
    static void elapse(final long durationMs)
    {
        final long endNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
        while (endNs - System.nanoTime() > 0)
        {
            LockSupport.parkNanos(Math.max(1, Math.min(endNs - System.nanoTime(), 1_000_000)));
        }
    }

    static HttpResponse<String> get(final HttpClient http, final String url) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** One frame of the simulator as a test sees it. */
    static final class Frame
    {
        final String stream;
        final String symbol;
        final long firstUpdateId;
        final long lastUpdateId;
        final List<String[]> bids;
        final List<String[]> asks;

        Frame(final String stream, final Map<?, ?> data)
        {
            this.stream = stream;
            this.symbol = (String)data.get("s");
            this.firstUpdateId = Long.parseLong(data.get("U").toString());
            this.lastUpdateId = Long.parseLong(data.get("u").toString());
            this.bids = levels(data.get("b"));
            this.asks = levels(data.get("a"));
        }
    }

    /** Parses a combined ({@code {"stream":..,"data":..}}) or raw depth frame; null for anything else. */
    static Frame parseFrame(final String text)
    {
        final Map<?, ?> root = parseObject(text);
        if (root.containsKey("stream"))
        {
            return new Frame((String)root.get("stream"), (Map<?, ?>)root.get("data"));
        }
        if ("depthUpdate".equals(root.get("e")))
        {
            assertThat(root.get("E").toString()).matches("[0-9]{13}");
            return new Frame(null, root);
        }
        return null;
    }

    static Map<?, ?> parseObject(final String text)
    {
        try
        {
            return (Map<?, ?>)SimJsonReader.read(text);
        }
        catch (final SimJsonReader.SyntaxException ex)
        {
            throw new AssertionError("not JSON: " + text, ex);
        }
    }

    static List<String[]> levels(final Object array)
    {
        final List<String[]> levels = new ArrayList<>();
        for (final Object level : (List<?>)array)
        {
            final List<?> pair = (List<?>)level;
            assertThat(pair).hasSize(2);
            levels.add(new String[]{ (String)pair.get(0), (String)pair.get(1) });
        }
        return levels;
    }

    /** A Java-WebSocket client that queues every text message it receives. */
    static final class QueueingClient extends WebSocketClient
    {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        volatile int closeCode = -1;

        QueueingClient(final String url)
        {
            super(URI.create(url));
            setTcpNoDelay(true);
        }

        static QueueingClient connect(final String url) throws InterruptedException
        {
            final QueueingClient client = new QueueingClient(url);
            assertThat(client.connectBlocking(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("connect " + url).isTrue();
            return client;
        }

        public void onOpen(final ServerHandshake handshake)
        {
        }

        public void onMessage(final String message)
        {
            messages.add(message);
        }

        public void onClose(final int code, final String reason, final boolean remote)
        {
            closeCode = code;
        }

        public void onError(final Exception ex)
        {
        }

        /** The next message, failing at the deadline. */
        String next() throws InterruptedException
        {
            final String message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null)
            {
                fail("no message within " + TIMEOUT);
            }
            return message;
        }

        /** Skips messages until one matches, failing at the deadline. */
        String nextMatching(final Predicate<String> predicate) throws InterruptedException
        {
            final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
            while (true)
            {
                final long remainingNs = deadlineNs - System.nanoTime();
                final String message = remainingNs > 0 ? messages.poll(remainingNs, TimeUnit.NANOSECONDS) : null;
                if (message == null)
                {
                    return fail("no matching message within " + TIMEOUT);
                }
                if (predicate.test(message))
                {
                    return message;
                }
            }
        }

        /** Sends a control frame and returns its response, skipping the depth frames before it. */
        String request(final String frame) throws InterruptedException
        {
            send(frame);
            return nextMatching((message) -> !message.contains("depthUpdate"));
        }
    }
}
