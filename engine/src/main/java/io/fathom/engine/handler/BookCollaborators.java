package io.fathom.engine.handler;

import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.view.BookViewWriter;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * What a {@link BookHandler} talks to. Listeners, requester and recorder are called on the handler thread and
 * must not block it.
 *
 * @param counters        where outcomes are counted and errors recorded.
 * @param slots           journal snapshot slots shared with the journal handler; null when nothing is journaled.
 * @param requester       asks for a venue snapshot when a book must resync.
 * @param listener        told of every applied message of a valid book, with its volume pressure.
 * @param stateListener   told when a book goes live and when it is invalidated.
 * @param latencyRecorder receipt-to-applied latency in nanoseconds.
 * @param clock           the clock of {@code receiveNanos}, for latency and slot timeouts.
 * @param epochClock      the time stamped on journal snapshots and on published views, read once per batch.
 * @param viewWriter      where valid books are published for readers on other threads; null: the handler keeps
 *                        views of its own that nobody reads.
 */
public record BookCollaborators(
    HandlerCounters counters,
    SnapshotSlots slots,
    SnapshotRequester requester,
    BookListener listener,
    BookStateListener stateListener,
    Recorder latencyRecorder,
    NanoClock clock,
    EpochNanoClock epochClock,
    BookViewWriter viewWriter)
{
    /** The highest latency recorded; longer ones are clamped to it. */
    public static final long MAX_LATENCY_NS = 3_600_000_000_000L;

    /** The engine's counters; otherwise as {@link #of(HandlerCounters)}. */
    public static BookCollaborators of(final EngineCounters counters)
    {
        return of(HandlerCounters.of(counters));
    }

    /**
     * No journal, no requests, no listeners, a latency recorder of its own and the system clocks: the epoch clock the
     * engine uses, an offset from {@code System.nanoTime} that allocates nothing (not {@code Instant.now}).
     */
    public static BookCollaborators of(final HandlerCounters counters)
    {
        return new BookCollaborators(counters, null, id -> { }, BookListener.NONE, BookStateListener.NONE,
            new Recorder(MAX_LATENCY_NS, 3), SystemNanoClock.INSTANCE, new OffsetEpochNanoClock(), null);
    }

    public BookCollaborators withSlots(final SnapshotSlots snapshotSlots)
    {
        return new BookCollaborators(
            counters, snapshotSlots, requester, listener, stateListener, latencyRecorder, clock, epochClock, viewWriter);
    }

    public BookCollaborators withRequester(final SnapshotRequester snapshotRequester)
    {
        return new BookCollaborators(
            counters, slots, snapshotRequester, listener, stateListener, latencyRecorder, clock, epochClock, viewWriter);
    }

    public BookCollaborators withListener(final BookListener bookListener)
    {
        return new BookCollaborators(
            counters, slots, requester, bookListener, stateListener, latencyRecorder, clock, epochClock, viewWriter);
    }

    public BookCollaborators withStateListener(final BookStateListener bookStateListener)
    {
        return new BookCollaborators(
            counters, slots, requester, listener, bookStateListener, latencyRecorder, clock, epochClock, viewWriter);
    }

    public BookCollaborators withLatencyRecorder(final Recorder recorder)
    {
        return new BookCollaborators(
            counters, slots, requester, listener, stateListener, recorder, clock, epochClock, viewWriter);
    }

    public BookCollaborators withClocks(final NanoClock nanoClock, final EpochNanoClock epochNanoClock)
    {
        return new BookCollaborators(
            counters, slots, requester, listener, stateListener, latencyRecorder, nanoClock, epochNanoClock, viewWriter);
    }

    public BookCollaborators withViewWriter(final BookViewWriter writer)
    {
        return new BookCollaborators(
            counters, slots, requester, listener, stateListener, latencyRecorder, clock, epochClock, writer);
    }
}
