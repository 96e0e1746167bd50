package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.NanoClock;

import java.util.List;

/**
 * The ring and its two handlers, the journal handler strictly behind the book handler and the producers gated by
 * the last consumer: on threads of their own ({@link ThreadedConsumers}) or polled by the invoking thread
 * ({@link PolledConsumers}). The handlers' code and what they see are the same either way.
 */
interface RingConsumers
{
    RingBuffer<DepthEvent> ring();

    /** Adds the book handler, then the journal handler behind it; once, before {@link #start()}. */
    void handle(BookHandler bookHandler, JournalHandler journalHandler);

    /** Starts the handlers: their threads, or their {@code onStart} calls on this thread. */
    void start();

    /** How far the book handler has consumed. */
    long bookSequence();

    /** How far the journal handler has consumed. */
    long journalSequence();

    /**
     * Polls each handler once on the calling thread, book handler first; 0 when the handlers have threads of their
     * own.
     *
     * @return the events handled.
     */
    int poll();

    /**
     * Stops the handlers (each told {@code onShutdown}) and waits for their threads up to the deadline.
     *
     * @return whether every handler stopped by then.
     */
    boolean halt(NanoClock clock, long deadlineNs);

    /** Sets the ring's free capacity and each handler's lag behind its cursor in the counters; any thread. */
    default void sample(final EngineCounters counters)
    {
        final RingBuffer<DepthEvent> ring = ring();
        final long cursor = ring.getCursor();
        counters.get(SystemCounter.RING_REMAINING_CAPACITY).setRelease(ring.remainingCapacity());
        counters.get(SystemCounter.BOOK_HANDLER_LAG).setRelease(cursor - bookSequence());
        counters.get(SystemCounter.JOURNAL_HANDLER_LAG).setRelease(cursor - journalSequence());
    }

    /** Hands the handlers' journal writer to the calling thread, which polls them from now on. */
    default void handOver()
    {
    }

    /** Handler threads the host would not pin as asked, with why. */
    default List<String> pinningRefused()
    {
        return List.of();
    }
}
