package io.fathom.tools.sim;

import io.fathom.codec.Venue;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults an operator or a test injects into a running simulator; thread-safe.
 *
 * <p>A fault changes only what is delivered, never what is generated: every book's diff sequence stays
 * the one its seed and symbol index define. A window ({@link #stall}, {@link #stopAnsweringPings},
 * {@link #slowRest}) or a pending count ({@link #malformedFrames}, {@link #skipSequence}, {@link #rest429},
 * {@link #corruptChecksums})
 * replaces one of the same kind still in effect; {@link Duration#ZERO} or a count of 0 ends it, and
 * {@link #clear()} ends them all. Windows longer than {@link #MAX_WINDOW} are cut to it. With no depth
 * fault in effect the depth path reads one volatile flag.
 *
 * <p>Observation stamps are {@link System#nanoTime()}, oldest first; the last {@link #TIME_LOG_CAPACITY}
 * of each kind are kept.
 */
public final class SimFaults
{
    public static final int TIME_LOG_CAPACITY = 100_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(365);
    public static final int MAX_RETRY_AFTER_SECONDS = 86_400;
    /** Binance's {@code Retry-After} error for request-rate limits, HTTP 429. */
    public static final int TOO_MANY_REQUESTS_CODE = -1003;
    public static final String TOO_MANY_REQUESTS_MESSAGE = "Too many requests; current limit is 6000 requests " +
        "per minute. Please use the websocket for live updates to avoid polling the API.";

    static final int CORRUPT_NONE = 0;
    /** The frame cut in half: invalid JSON. */
    static final int CORRUPT_TRUNCATE = 1;
    /** The first price's leading digit replaced by {@code x}: valid JSON, invalid number. */
    static final int CORRUPT_PRICE = 2;

    private static final long MAX_WINDOW_NS = MAX_WINDOW.toNanos();

    private final SimTimeLog handshakes = new SimTimeLog(TIME_LOG_CAPACITY);
    private final SimTimeLog restRequests = new SimTimeLog(TIME_LOG_CAPACITY);
    private final AtomicLong faultsInjected = new AtomicLong();
    private final AtomicInteger diffsToSkip = new AtomicInteger();
    private final AtomicInteger framesToCorrupt = new AtomicInteger();
    private final AtomicInteger checksumsToBreak = new AtomicInteger();
    private final AtomicInteger tooManyRequestsToSend = new AtomicInteger();
    private volatile int retryAfterSeconds;
    private volatile long restDelayNs;
    private volatile long stallEndNs;
    private volatile long noPongEndNs;
    private volatile boolean deliveryFaulty;
    private volatile SimWebSocketServer server;
    private long framesCorrupted;

    private final boolean checksumVenue;

    /** Faults for a venue with a book checksum, so every fault applies. */
    SimFaults()
    {
        this(true);
    }

    /**
     * @param checksumVenue whether the venue's messages carry a book checksum ({@link #hasChecksum}), which
     *                      {@link #corruptChecksums} needs.
     */
    SimFaults(final boolean checksumVenue)
    {
        this.checksumVenue = checksumVenue;
        final long nowNs = System.nanoTime();
        stallEndNs = nowNs;
        noPongEndNs = nowNs;
    }

    /**
     * Cuts every open WebSocket at once without a close handshake, as a network drop or a venue disconnect
     * would: clients see close code 1006, closed by the remote end.
     */
    public void dropAllConnections()
    {
        dropAll();
    }

    /**
     * Cuts the oldest open WebSocket as {@link #dropAllConnections()} cuts them all.
     *
     * @return false when none was open.
     */
    public boolean dropOneConnection()
    {
        final SimWebSocketServer server = this.server;
        if (server != null && server.dropOldest())
        {
            faultsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Sends no depth frame for {@code duration} while every socket stays open; the diffs generated meanwhile
     * are never delivered, so each subscribed book sees a sequence gap afterwards. Pings are still answered,
     * so only data staleness reveals it; add {@link #stopAnsweringPings} for a wholly silent, half-open socket.
     */
    public void stall(final Duration duration)
    {
        final long durationNs = windowNs(duration, "stall");
        stallEndNs = System.nanoTime() + durationNs;
        if (durationNs > 0)
        {
            deliveryFaulty = true;
        }
    }

    /**
     * Ignores client pings, sending no pong, for {@code duration}.
     */
    public void stopAnsweringPings(final Duration duration)
    {
        noPongEndNs = System.nanoTime() + windowNs(duration, "stopAnsweringPings");
    }

    /**
     * Corrupts the next {@code count} depth frames sent, alternately cut in half (invalid JSON) and with a
     * non-numeric price (valid JSON): still text frames, each replacing a real diff its client then misses.
     */
    public void malformedFrames(final int count)
    {
        framesToCorrupt.set(checkCount(count, "malformedFrames"));
        if (count > 0)
        {
            deliveryFaulty = true;
        }
    }

    /**
     * Delivers none of the next {@code count} generated diffs that have a subscriber, so each of their
     * books' next frame starts past {@code u + 1} (Binance), {@code prevSeqId} misses the last {@code seqId}
     * (OKX), {@code sequence_num} skips one on each subscribed connection (Coinbase), or the book silently
     * misses the diff until its checksum disagrees (Kraken, Bitget).
     */
    public void skipSequence(final int count)
    {
        diffsToSkip.set(checkCount(count, "skipSequence"));
        if (count > 0)
        {
            deliveryFaulty = true;
        }
    }

    /**
     * On a venue with a book checksum ({@link #hasChecksum}), sends each of the next {@code count} book
     * updates with one quantity among the checksummed top levels altered but the checksum of the unaltered
     * book, so a client that verifies checksums sees exactly one mismatch per update. An update with no
     * such level is sent intact and the corruption waits for the next.
     *
     * @throws IllegalStateException when the venue sends no checksum.
     */
    public void corruptChecksums(final int count)
    {
        if (!checksumVenue)
        {
            throw new IllegalStateException("corruptChecksums needs a venue with a book checksum " +
                "(kraken, kraken-v1, okx, bitget)");
        }
        checksumsToBreak.set(checkCount(count, "corruptChecksums"));
        if (count > 0)
        {
            deliveryFaulty = true;
        }
    }

    /**
     * @return whether {@code venue}'s book messages carry a checksum of the book: Kraken (v1, v2), OKX, Bitget.
     */
    public static boolean hasChecksum(final Venue venue)
    {
        return venue == Venue.KRAKEN || venue == Venue.KRAKEN_V1 || venue == Venue.OKX || venue == Venue.BITGET;
    }

    /**
     * Delays every REST response by {@code delay} until set back to {@link Duration#ZERO}; other requests
     * are not held up meanwhile.
     */
    public void slowRest(final Duration delay)
    {
        restDelayNs = windowNs(delay, "slowRest");
    }

    /**
     * Answers the next {@code count} REST depth requests with HTTP 429, header
     * {@code Retry-After: retryAfterSeconds} and Binance's body
     * {@code {"code":-1003,"msg":"Too many requests; ..."}}.
     */
    public void rest429(final int count, final int retryAfterSeconds)
    {
        checkCount(count, "rest429 count");
        if (retryAfterSeconds < 0 || retryAfterSeconds > MAX_RETRY_AFTER_SECONDS)
        {
            throw new IllegalArgumentException(
                "rest429 retryAfterSeconds must be 0.." + MAX_RETRY_AFTER_SECONDS + ": " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
        tooManyRequestsToSend.set(count);
    }

    /**
     * Ends every fault in effect: windows close, pending counts drop to zero, REST responses are prompt.
     */
    public void clear()
    {
        final long nowNs = System.nanoTime();
        stallEndNs = nowNs;
        noPongEndNs = nowNs;
        restDelayNs = 0;
        diffsToSkip.set(0);
        framesToCorrupt.set(0);
        checksumsToBreak.set(0);
        tooManyRequestsToSend.set(0);
    }

    /**
     * @return when each WebSocket opening handshake was received, refused ones included.
     */
    public long[] handshakeTimesNanos()
    {
        return handshakes.toArray();
    }

    /**
     * @return when each REST {@code /api/v3/depth} request was received, those answered 429 included.
     */
    public long[] restRequestTimesNanos()
    {
        return restRequests.toArray();
    }

    /**
     * @return fault actions taken: connections dropped, depth frames corrupted, updates sent with a broken
     * checksum, diffs withheld by a stall or a skip (those with a subscriber), pongs withheld, REST responses
     * delayed and 429s sent.
     */
    public long faultsInjected()
    {
        return faultsInjected.get();
    }

    /** Called once the WebSocket server exists; drops before that find nothing to drop. */
    void attach(final SimWebSocketServer server)
    {
        this.server = server;
    }

    /**
     * @return the number of connections cut.
     */
    int dropAll()
    {
        final SimWebSocketServer server = this.server;
        final int dropped = server == null ? 0 : server.dropAll();
        faultsInjected.addAndGet(dropped);
        return dropped;
    }

    /** Depth path: false while no stall, skip or corruption is pending; only then call the methods below. */
    boolean deliveryFaulty()
    {
        return deliveryFaulty;
    }

    /**
     * Generator thread: whether to withhold the diff about to be published, and if nothing is pending any
     * more, clears the flag {@link #deliveryFaulty()} reads.
     *
     * @param subscribed whether the diff has a subscriber; only then is a skip used up or the withholding
     *                   counted.
     */
    boolean withholdDiff(final boolean subscribed)
    {
        if (stallEndNs - System.nanoTime() > 0)
        {
            if (subscribed)
            {
                faultsInjected.incrementAndGet();
            }
            return true;
        }
        if (subscribed && takeOne(diffsToSkip))
        {
            faultsInjected.incrementAndGet();
            return true;
        }
        if (!anyPending())
        {
            // clear first, then look again, so a fault injected meanwhile re-arms the flag
            deliveryFaulty = false;
            if (stallEndNs - System.nanoTime() > 0 || anyPending())
            {
                deliveryFaulty = true;
            }
        }
        return false;
    }

    /** Generator thread: whether an update with a broken checksum is still to be sent. */
    boolean checksumCorruptionPending()
    {
        return checksumsToBreak.get() > 0;
    }

    /** Generator thread: true, and counted, when the update about to be sent is to carry a broken checksum. */
    boolean takeChecksumCorruption()
    {
        if (takeOne(checksumsToBreak))
        {
            faultsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Generator thread: how to corrupt the frame about to be sent, {@link #CORRUPT_NONE} for not at all.
     */
    int nextCorruption()
    {
        if (!takeOne(framesToCorrupt))
        {
            return CORRUPT_NONE;
        }
        faultsInjected.incrementAndGet();
        return (framesCorrupted++ & 1) == 0 ? CORRUPT_TRUNCATE : CORRUPT_PRICE;
    }

    /** WebSocket thread: true, and counted, when a client's ping must go unanswered. */
    boolean withholdPong()
    {
        if (noPongEndNs - System.nanoTime() > 0)
        {
            faultsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    void recordHandshake()
    {
        handshakes.record(System.nanoTime());
    }

    void recordRestRequest()
    {
        restRequests.record(System.nanoTime());
    }

    /** REST thread: true, and counted, when this depth request is to be answered 429. */
    boolean takeTooManyRequests()
    {
        if (takeOne(tooManyRequestsToSend))
        {
            faultsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    int retryAfterSeconds()
    {
        return retryAfterSeconds;
    }

    /** REST thread: the delay for a response now, counted when non-zero. */
    long takeRestDelayNs()
    {
        final long delayNs = restDelayNs;
        if (delayNs > 0)
        {
            faultsInjected.incrementAndGet();
        }
        return delayNs;
    }

    private boolean anyPending()
    {
        return diffsToSkip.get() > 0 || framesToCorrupt.get() > 0 || checksumsToBreak.get() > 0;
    }

    private static boolean takeOne(final AtomicInteger pending)
    {
        int count;
        do
        {
            count = pending.get();
            if (count <= 0)
            {
                return false;
            }
        }
        while (!pending.compareAndSet(count, count - 1));
        return true;
    }

    private static long windowNs(final Duration duration, final String name)
    {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative())
        {
            throw new IllegalArgumentException(name + " duration must not be negative: " + duration);
        }
        return duration.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW_NS : duration.toNanos();
    }

    private static int checkCount(final int count, final String name)
    {
        if (count < 0)
        {
            throw new IllegalArgumentException(name + " must be >= 0: " + count);
        }
        return count;
    }
}
