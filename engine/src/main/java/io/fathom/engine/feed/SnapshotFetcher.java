package io.fathom.engine.feed;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.instrument.UnrepresentableValues;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Fetches REST depth snapshots on request and publishes them to the ring as snapshot events.
 *
 * <p>Requests come from the book handler through a bounded queue (at most one outstanding per
 * instrument, so it cannot overflow). Fetches are admitted through a token bucket so that a
 * mass resync stays within the venue's request-weight limit; a failed fetch is retried with
 * exponential backoff. Runs as an Agent on its own thread; up to {@link #MAX_IN_FLIGHT} fetches are in
 * flight at once, sent asynchronously and polled from the duty cycle, so that books sync at the rate the
 * venue allows rather than one round trip at a time, the agent never blocks, and closing it cancels the
 * requests instead of waiting for a slow venue to answer.
 */
public final class SnapshotFetcher implements Agent, SnapshotRequester
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFetcher.class);
    private static final Backoff RETRY_BACKOFF = new Backoff(100_000_000L, 10_000_000_000L);
    /**
     * Most fetches in flight at once: enough to hide a round trip at the request rates venues allow, few enough
     * that the HTTP client's connections to one host stay a handful. The rate itself is the limiter's.
     */
    public static final int MAX_IN_FLIGHT = 8;

    private final String restBaseUrl;
    private final int depthLimit;
    private final InstrumentTable instruments;
    private final DepthPublisher publisher;
    private final FrameDecoder decoder;
    private final String depthPath;
    private final FrameCapture capture;
    private final DepthMessage message;
    private final HttpClient http;
    /** Owned here, so the HTTP client's worker threads end with the fetcher instead of idling on. */
    private final java.util.concurrent.ExecutorService httpExecutor;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final ManyToOneConcurrentArrayQueue<Integer> requests;
    /** 1 while the instrument's request waits in {@link #requests}. */
    private final AtomicIntegerArray queued;
    private final ArrayDeque<long[]> retries = new ArrayDeque<>();
    private final int[] failures;
    private final AtomicCounter snapshotFailures;
    private final EngineCounters counters;
    private final AtomicCounter rateLimited;
    private final AtomicCounter unrepresentable;
    private long pausedUntilNs;
    private final Fetch[] inFlight = new Fetch[MAX_IN_FLIGHT];
    private int inFlightCount;

    /** @param limiter admits fetches within the venue's request-weight limit. */
    public SnapshotFetcher(
        final SnapshotFetchSettings settings, final RateLimiter limiter, final SnapshotFetchServices services)
    {
        final String restBaseUrl = settings.restBaseUrl();
        final Duration timeout = settings.timeout();
        final InstrumentTable instruments = services.instruments();
        final EngineCounters counters = services.counters();
        this.depthPath = settings.depthPath();
        this.capture = services.capture();
        this.restBaseUrl = restBaseUrl.endsWith("/") ? restBaseUrl.substring(0, restBaseUrl.length() - 1) : restBaseUrl;
        this.depthLimit = settings.depthLimit();
        this.instruments = instruments;
        this.publisher = services.publisher();
        this.decoder = services.decoder();
        this.message = new DepthMessage(2 * depthLimit);
        this.limiter = limiter;
        this.timeout = timeout;
        this.clock = services.clock();
        this.epochClock = services.epochClock();
        this.requests = new ManyToOneConcurrentArrayQueue<>(Math.max(2, instruments.size()));
        this.queued = new AtomicIntegerArray(instruments.size());
        this.failures = new int[instruments.size()];
        this.snapshotFailures = counters.get(SystemCounter.SNAPSHOT_FAILURES);
        this.counters = counters;
        this.rateLimited = counters.get(SystemCounter.SNAPSHOT_RATE_LIMITED);
        this.unrepresentable = counters.get(SystemCounter.UNREPRESENTABLE_VALUES);
        this.httpExecutor = java.util.concurrent.Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "fathom-snapshot-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(httpExecutor)
            .build();
    }

    /**
     * Queues a fetch of the instrument's snapshot, unless one is already queued and not yet started: repeated requests
     * (a book whose every update it cannot apply asks on each one) coalesce into one, so the queue holds each
     * instrument at most once. A request made while a fetch is in flight queues one more, answered after it.
     */
    @Override
    public void requestSnapshot(final int instrumentId)
    {
        if (queued.compareAndSet(instrumentId, 0, 1) && !requests.offer(instrumentId))
        {
            queued.set(instrumentId, 0);
            throw new IllegalStateException("snapshot request queue full with " + requests.size() + " requests");
        }
    }

    @Override
    public int doWork()
    {
        int work = 0;
        for (int slot = 0; slot < MAX_IN_FLIGHT && inFlightCount > 0; slot++)
        {
            final Fetch fetch = inFlight[slot];
            if (fetch != null && fetch.answer().isDone())
            {
                inFlight[slot] = null;
                inFlightCount--;
                complete(fetch);
                work++;
            }
        }
        final long nowNs = clock.nanoTime();
        while (inFlightCount < MAX_IN_FLIGHT && nowNs - pausedUntilNs >= 0)
        {
            final long[] retry = retries.peekFirst();
            final boolean retryDue = retry != null && nowNs - retry[1] >= 0;
            // peek, not isEmpty(): a request being offered can make the queue non-empty before it is readable.
            if (!retryDue && requests.peek() == null || !limiter.tryAcquire(nowNs))
            {
                break;
            }
            fetch(retryDue ? (int)retries.pollFirst()[0] : takeRequest());
            work++;
        }
        return work;
    }

    private int takeRequest()
    {
        final int instrumentId = requests.poll();
        queued.set(instrumentId, 0);
        return instrumentId;
    }

    private void fetch(final int instrumentId)
    {
        final String symbol = instruments.symbol(instrumentId);
        final URI uri = URI.create(restBaseUrl + depthPath + "?symbol=" + symbol + "&limit=" + depthLimit);
        try
        {
            final HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            final CompletableFuture<Received> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Received(response, System.nanoTime()));
            int slot = 0;
            while (inFlight[slot] != null)
            {
                slot++;
            }
            inFlight[slot] = new Fetch(instrumentId, uri, answer);
            inFlightCount++;
        }
        catch (final RuntimeException ex)
        {
            fail(instrumentId, ex + " for " + uri);
        }
    }

    /** Handles a finished fetch: publishes the snapshot, or pauses or retries as the answer says. */
    private void complete(final Fetch fetch)
    {
        final CompletableFuture<Received> done = fetch.answer();
        final int instrumentId = fetch.instrumentId();
        final URI uri = fetch.uri();
        final Received received;
        try
        {
            received = done.join();
        }
        catch (final CompletionException | CancellationException ex)
        {
            fail(instrumentId, (ex.getCause() != null ? ex.getCause() : ex) + " for " + uri);
            return;
        }
        final HttpResponse<byte[]> response = received.response();
        try
        {
            if (response.statusCode() == 429 || response.statusCode() == 418)
            {
                onRateLimited(instrumentId, response);
                return;
            }
            if (response.statusCode() != 200)
            {
                fail(instrumentId, "HTTP " + response.statusCode() + " for " + uri);
                return;
            }
            final byte[] body = response.body();
            if (capture != null)
            {
                capture.restResponse(uri.toString(), body);
            }
            final int priceScale = instruments.scales().priceScale(instrumentId);
            final int quantityScale = instruments.scales().quantityScale(instrumentId);
            final UnsafeBuffer buffer = new UnsafeBuffer(body);
            final DecodeResult result = decoder.decodeSnapshot(buffer, 0, body.length, message, priceScale, quantityScale);
            if (result == DecodeResult.UNREPRESENTABLE_VALUE)
            {
                unrepresentable.increment();
                fail(instrumentId, UnrepresentableValues.describe(instruments.symbol(instrumentId),
                    UnrepresentableValues.valueAt(buffer, decoder.errorOffset(), body.length), priceScale, quantityScale) +
                    " (snapshot from " + uri + ")");
                return;
            }
            if (result != DecodeResult.DEPTH)
            {
                fail(instrumentId, "snapshot rejected (" + result + " at byte " + decoder.errorOffset() + ") from " + uri);
                return;
            }
            failures[instrumentId] = 0;
            publisher.publish(instrumentId, message, received.receiveNs(), epochClock.nanoTime());
        }
        catch (final RuntimeException ex)
        {
            fail(instrumentId, ex + " for " + uri);
        }
    }

    /**
     * The venue says too many requests (429) or that this IP is banned for a while (418): every
     * fetch pauses for the Retry-After it gives (at least a second), and the request goes first
     * when fetching resumes.
     */
    private void onRateLimited(final int instrumentId, final HttpResponse<byte[]> response)
    {
        rateLimited.increment();
        long retryAfterSeconds = 1;
        final String header = response.headers().firstValue("Retry-After").orElse("");
        try
        {
            retryAfterSeconds = Math.max(1, Long.parseLong(header.trim()));
        }
        catch (final NumberFormatException ex)
        {
            LOG.warn("HTTP {} without a usable Retry-After ('{}'); pausing snapshots 1 s", response.statusCode(), header);
        }
        pausedUntilNs = clock.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(retryAfterSeconds);
        retries.addFirst(new long[]{ instrumentId, pausedUntilNs });
        LOG.warn("snapshot requests rate limited (HTTP {}): pausing {} s as the venue asks",
            response.statusCode(), retryAfterSeconds);
    }

    private void fail(final int instrumentId, final String reason)
    {
        snapshotFailures.increment();
        counters.recordError(new java.io.IOException("REST snapshot failed: " + reason.replaceAll("\\?symbol=[^&\\s]*&?", "?"),
            null));
        final int attempt = ++failures[instrumentId];
        final long delayNs = RETRY_BACKOFF.delayNs(attempt);
        LOG.warn("snapshot of {} failed (attempt {}), retrying in {} ms: {}",
            instruments.symbol(instrumentId), attempt, delayNs / 1_000_000, reason);
        retries.addLast(new long[]{ instrumentId, clock.nanoTime() + delayNs });
    }

    @Override
    public void onClose()
    {
        for (int slot = 0; slot < MAX_IN_FLIGHT; slot++)
        {
            if (inFlight[slot] != null)
            {
                inFlight[slot].answer().cancel(true);
                inFlight[slot] = null;
            }
        }
        inFlightCount = 0;
        httpExecutor.shutdownNow();
    }

    @Override
    public String roleName()
    {
        return "snapshot-fetcher";
    }

    /** A fetch in flight: which book, where from, and its answer, completed on the HTTP client's thread. */
    private record Fetch(int instrumentId, URI uri, CompletableFuture<Received> answer)
    {
    }

    /** A response and when it was received, taken on the HTTP client's thread as the body completed. */
    private record Received(HttpResponse<byte[]> response, long receiveNs)
    {
    }
}
