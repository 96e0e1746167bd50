package io.fathom.engine.publish;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.fathom.codec.wire.SnapshotRequest;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The publisher's side of the control stream: reads {@link SnapshotRequest}s from subscribers, keeps one flag a
 * book for the books asked for (a book asked for again while waiting is sent once: coalesced), and meters the
 * answers with a token bucket of {@code requestRate} books a second, so that no number of requests takes the
 * publisher from the ring for long or floods the book stream. Owned by the publisher thread; counted in the
 * counters file.
 */
final class SnapshotRequests implements FragmentHandler, AutoCloseable
{
    private static final int REQUESTS_PER_POLL = 16;
    private static final long BURST_NS = 10_000_000L;

    private final Subscription subscription;
    private final FragmentAssembler assembler;
    private final SnapshotRequest request = new SnapshotRequest();
    private final boolean[] requested;
    private final long answerCostNs;
    private final long burstNs;
    private final AtomicCounter received;
    private final AtomicCounter coalesced;
    private final AtomicCounter answers;
    private final AtomicCounter refused;
    private final AtomicCounter rateLimited;

    private int sessionId;
    private int pending;
    private int cursor;
    private long answerClockNs = Long.MIN_VALUE;

    /**
     * @param subscription the control stream, or null when requests are off.
     * @param requestRate books a second, at most, sent whole to answer requests.
     */
    SnapshotRequests(final Subscription subscription, final int instruments, final int requestRate, final EngineCounters counters)
    {
        this.subscription = subscription;
        this.assembler = new FragmentAssembler(this);
        this.requested = new boolean[instruments];
        this.answerCostNs = Math.max(1L, 1_000_000_000L / requestRate);
        this.burstNs = Math.max(answerCostNs, BURST_NS);
        this.received = counters.get(SystemCounter.PUBLISH_REQUESTS);
        this.coalesced = counters.get(SystemCounter.PUBLISH_REQUESTS_COALESCED);
        this.answers = counters.get(SystemCounter.PUBLISH_REQUEST_ANSWERS);
        this.refused = counters.get(SystemCounter.PUBLISH_REQUESTS_REFUSED);
        this.rateLimited = counters.get(SystemCounter.PUBLISH_REQUESTS_RATE_LIMITED);
    }

    /** The publication's Aeron session: requests for another publisher are not for this one. */
    void sessionId(final int sessionId)
    {
        this.sessionId = sessionId;
    }

    /** Reads up to a bound of requests; returns the fragments read. */
    int poll()
    {
        return subscription == null ? 0 : subscription.poll(assembler, REQUESTS_PER_POLL);
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (!SnapshotRequest.isWellFormed(buffer, offset, length))
        {
            refused.incrementRelease();
            return;
        }
        request.wrap(buffer, offset);
        final int target = request.publisherSessionId();
        if (target != SnapshotRequest.ANY_PUBLISHER && target != sessionId)
        {
            return; // another shard's, on a shared control channel
        }
        received.incrementRelease();
        final int count = request.instrumentCount();
        if (count == 0)
        {
            for (int id = 0; id < requested.length; id++)
            {
                request(id);
            }
            return;
        }
        boolean unknown = false;
        for (int i = 0; i < count; i++)
        {
            final int id = request.instrumentId(i);
            if (id < 0 || id >= requested.length)
            {
                unknown = true;
                continue;
            }
            request(id);
        }
        if (unknown)
        {
            refused.incrementRelease();
        }
    }

    private void request(final int id)
    {
        if (requested[id])
        {
            coalesced.incrementRelease();
            return;
        }
        requested[id] = true;
        pending++;
    }

    /** How many books may be answered now, up to {@code max}: the token bucket's allowance; counts a limited cycle. */
    int allowance(final long nowNs, final int max)
    {
        if (pending == 0)
        {
            return 0;
        }
        if (answerClockNs == Long.MIN_VALUE || nowNs - answerClockNs > burstNs)
        {
            answerClockNs = nowNs - burstNs;
        }
        final long allowed = (nowNs - answerClockNs) / answerCostNs;
        final int wanted = Math.min(max, pending);
        if (allowed < wanted)
        {
            rateLimited.incrementRelease();
            return (int)allowed;
        }
        return wanted;
    }

    /** The next book asked for, in id order round the books, taken off the list; -1 when none. */
    int take()
    {
        for (int scanned = 0; pending > 0 && scanned < requested.length; scanned++)
        {
            final int id = cursor;
            cursor = cursor + 1 == requested.length ? 0 : cursor + 1;
            if (requested[id])
            {
                requested[id] = false;
                pending--;
                return id;
            }
        }
        return -1;
    }

    /** A book taken that was already waiting to be sent whole for another reason: sent once, counted as coalesced. */
    void alreadyWaiting()
    {
        coalesced.incrementRelease();
    }

    /** Books sent whole for requests: spends their tokens and counts them. */
    void answered(final int books)
    {
        if (books > 0)
        {
            answerClockNs += books * answerCostNs;
            answers.getAndAddRelease(books);
        }
    }

    /** Books asked for and not yet sent. */
    int pending()
    {
        return pending;
    }

    @Override
    public void close()
    {
        if (subscription != null)
        {
            subscription.close();
        }
    }
}
