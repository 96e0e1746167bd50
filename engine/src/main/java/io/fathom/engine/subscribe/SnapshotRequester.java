package io.fathom.engine.subscribe;

import io.aeron.ExclusivePublication;
import io.fathom.codec.wire.SnapshotRequest;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscriber's side of the control stream: which books it wants whole and from which publisher, and the
 * {@link SnapshotRequest}s that ask for them, offered on every control publication (one per publisher's control
 * endpoint; a publisher answers only requests naming its session). A book is wanted after a sequence jump, and
 * when its first definition is not followed by its snapshot or invalidation, and again a while after its
 * publisher said it is invalid there, should its snapshot not have come since; a publisher's whole set of books is
 * wanted when its messages name instruments this subscriber never had defined (it joined late or its image was
 * lost), or when its image has sent no definition shortly after it appeared. A request not answered is sent
 * again after {@link #RETRY_NS}. Owned by the polling thread.
 */
final class SnapshotRequester
{
    /** A request not answered within this long is sent again. */
    static final long RETRY_NS = 1_000_000_000L;
    /**
     * A book its publisher said is invalid there is sent whole once valid; should that never reach this
     * subscriber, the book is asked for again after this long.
     */
    static final long RECHECK_NS = 5_000_000_000L;
    /** A new definition is normally followed at once by the book's snapshot or invalidation. */
    static final long DEFINITION_GRACE_NS = 100_000_000L;
    /** A publisher's image that brings no definition within this long is asked for every book. */
    static final long IMAGE_GRACE_NS = 250_000_000L;
    private static final long NEVER = Long.MAX_VALUE;

    private ExclusivePublication[] publications = new ExclusivePublication[0];
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SnapshotRequest.length(SnapshotRequest.MAX_INSTRUMENTS)));
    private final Int2ObjectHashMap<Session> sessions = new Int2ObjectHashMap<>();
    private final long[] dueNs;
    private final int[] sessionOf;
    private final int[] instrumentOf;
    private int wanted;
    private int sequence;
    private final AtomicLong sent = new AtomicLong();

    SnapshotRequester(final int maxBooks)
    {
        this.dueNs = new long[maxBooks];
        this.sessionOf = new int[maxBooks];
        this.instrumentOf = new int[maxBooks];
        Arrays.fill(dueNs, NEVER);
    }

    /** The control publications requests are offered on, as of now; none: requests are only tracked. */
    void controls(final List<ExclusivePublication> publications)
    {
        this.publications = publications.toArray(new ExclusivePublication[0]);
    }

    /** Every publisher's image is gone (the subscriber's Aeron client was lost): nothing is wanted of anyone. */
    void forgetAll()
    {
        sessions.clear();
        Arrays.fill(dueNs, NEVER);
        wanted = 0;
    }

    /** Book {@code book}, the publisher {@code session}'s {@code instrument}, is wanted whole from {@code dueNs} on. */
    void want(final int book, final int session, final int instrument, final long dueNs)
    {
        if (this.dueNs[book] == NEVER)
        {
            wanted++;
        }
        this.dueNs[book] = Math.min(dueNs, this.dueNs[book]);
        sessionOf[book] = session;
        instrumentOf[book] = instrument;
    }

    /** Book {@code book} is asked for at {@code dueNs}, no sooner: its publisher said it is invalid there. */
    void recheck(final int book, final int session, final int instrument, final long dueNs)
    {
        if (this.dueNs[book] == NEVER)
        {
            wanted++;
        }
        this.dueNs[book] = dueNs;
        sessionOf[book] = session;
        instrumentOf[book] = instrument;
    }

    /** The book came whole. */
    void unwant(final int book)
    {
        if (dueNs[book] != NEVER)
        {
            dueNs[book] = NEVER;
            wanted--;
        }
    }

    boolean wanted(final int book)
    {
        return dueNs[book] != NEVER;
    }

    /** Whether the book is to be asked for by {@code nowNs}. */
    boolean due(final int book, final long nowNs)
    {
        return dueNs[book] != NEVER && dueNs[book] - nowNs <= 0;
    }

    /** Whether every book of the publisher is to be asked for. */
    boolean allWanted(final int session)
    {
        final Session state = sessions.get(session);
        return state != null && state.allDueNs != NEVER;
    }

    /** A publisher's image appeared: unless it defines instruments soon, every book of it is asked for. */
    void onImage(final int session, final long nowNs)
    {
        final Session state = session(session);
        state.defined = false;
        state.allDueNs = Math.min(state.allDueNs, nowNs + IMAGE_GRACE_NS);
    }

    /** The publisher defined an instrument: its image is not a silent one. */
    void onDefinition(final int session)
    {
        final Session state = session(session);
        if (!state.defined)
        {
            state.defined = true;
            state.allDueNs = NEVER;
        }
    }

    /** A message of the publisher named an instrument never defined here: every book of it is wanted. */
    void wantAll(final int session, final long nowNs)
    {
        final Session state = session(session);
        if (state.allDueNs == NEVER && nowNs - state.allAskedNs >= RETRY_NS)
        {
            state.allDueNs = nowNs;
        }
    }

    /** The publisher's image is gone, and with it what its instrument ids meant. */
    void forgetSession(final int session)
    {
        sessions.remove(session);
        for (int book = 0; book < dueNs.length && wanted > 0; book++)
        {
            if (dueNs[book] != NEVER && sessionOf[book] == session)
            {
                unwant(book);
            }
        }
    }

    /** Offers the requests that are due; returns how many were taken. */
    int sendDue(final long nowNs)
    {
        if (publications.length == 0)
        {
            return 0;
        }
        int requests = 0;
        final Int2ObjectHashMap<Session>.EntryIterator entries = sessions.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            final int session = entries.getIntKey();
            final Session state = entries.getValue();
            if (state.allDueNs != NEVER && state.allDueNs - nowNs <= 0 && offer(session, 0, nowNs))
            {
                state.allDueNs = NEVER;
                state.allAskedNs = nowNs;
                requests++;
            }
        }
        if (wanted > 0)
        {
            requests += sendWantedBooks(nowNs);
        }
        return requests;
    }

    private int sendWantedBooks(final long nowNs)
    {
        int requests = 0;
        final Int2ObjectHashMap<Session>.KeyIterator keys = sessions.keySet().iterator();
        while (keys.hasNext())
        {
            final int session = keys.nextInt();
            int count = 0;
            int first = -1;
            for (int book = 0; book < dueNs.length; book++)
            {
                if (dueNs[book] == NEVER || dueNs[book] - nowNs > 0 || sessionOf[book] != session)
                {
                    continue;
                }
                first = count == 0 ? book : first;
                SnapshotRequest.putInstrument(buffer, 0, count++, instrumentOf[book]);
                if (count == SnapshotRequest.MAX_INSTRUMENTS)
                {
                    requests += sendBooks(session, first, book, count, nowNs);
                    count = 0;
                }
            }
            if (count > 0)
            {
                requests += sendBooks(session, first, dueNs.length - 1, count, nowNs);
            }
        }
        return requests;
    }

    /** Offers a request for the {@code count} instruments put, those of the due books first..last; on success they are due again after the retry time. */
    private int sendBooks(final int session, final int first, final int last, final int count, final long nowNs)
    {
        if (!offer(session, count, nowNs))
        {
            return 0;
        }
        for (int book = first; book <= last; book++)
        {
            if (dueNs[book] != NEVER && dueNs[book] - nowNs <= 0 && sessionOf[book] == session)
            {
                dueNs[book] = nowNs + RETRY_NS;
            }
        }
        return 1;
    }

    /** Offers a request on every control publication; the instrument ids, if any, are already in the buffer. */
    private boolean offer(final int session, final int count, final long nowNs)
    {
        final int length = SnapshotRequest.encode(buffer, 0, sequence + 1, nowNs, session, count);
        boolean taken = false;
        for (final ExclusivePublication publication : publications)
        {
            taken |= publication.offer(buffer, 0, length) > 0;
        }
        if (taken)
        {
            sequence++;
            sent.lazySet(sent.get() + 1);
        }
        return taken;
    }

    /** Any thread: requests offered and taken by at least one control publication. */
    long sent()
    {
        return sent.get();
    }

    private Session session(final int session)
    {
        Session state = sessions.get(session);
        if (state == null)
        {
            state = new Session();
            sessions.put(session, state);
        }
        return state;
    }

    /** What is known of one publisher's image. */
    private static final class Session
    {
        long allDueNs = NEVER;
        long allAskedNs = Long.MIN_VALUE / 2;
        boolean defined;
    }
}
