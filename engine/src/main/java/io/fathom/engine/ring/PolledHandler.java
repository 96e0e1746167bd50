package io.fathom.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * A ring handler consumed through an {@link EventPoller} on the caller's thread instead of a
 * {@code BatchEventProcessor} on a thread of its own, with the same calls in the same order: the handler's sequence
 * through {@code setSequenceCallback} when made, {@code onStart} once on {@link #start()}, then for each batch
 * {@code onBatchStart} with its size, every event with {@code endOfBatch} on its last, and {@code onShutdown} once
 * on {@link #shutdown()}. A batch is every event available when {@link #poll()} is called, behind the sequences it
 * follows (the ring's cursor when none). An event the handler throws on is given to the exception handler and ends
 * its batch; the events after it come as a new batch, as the processor does. Allocates nothing per poll.
 *
 * <p>Not thread-safe: one thread polls (the engine's invoking thread), though not always the same one.
 */
public final class PolledHandler<T> implements EventPoller.Handler<T>
{
    private final RingBuffer<T> ring;
    private final EventHandler<T> handler;
    private final ExceptionHandler<? super T> errors;
    private final EventPoller<T> poller;
    private final Sequence sequence;
    private final Sequence[] after;
    private boolean started;
    private boolean shutdown;
    private long batchEnd;

    /**
     * Adds a poller to the ring; the caller adds {@link #sequence()} to the ring's gating sequences where this is
     * the last consumer.
     *
     * @param errors told of an event, start or shutdown the handler threw on.
     * @param after  the sequences this handler runs behind; none: the ring's cursor.
     */
    public PolledHandler(
        final RingBuffer<T> ring, final EventHandler<T> handler, final ExceptionHandler<? super T> errors, final Sequence... after)
    {
        this.ring = ring;
        this.handler = handler;
        this.errors = errors;
        this.after = after.clone();
        this.poller = ring.newPoller(after);
        this.sequence = poller.getSequence();
        handler.setSequenceCallback(sequence);
    }

    /** This handler's position on the ring: what consumers behind it follow. */
    public Sequence sequence()
    {
        return sequence;
    }

    /** Tells the handler it starts, once. */
    public void start()
    {
        if (!started)
        {
            started = true;
            try
            {
                handler.onStart();
            }
            catch (final Throwable ex)
            {
                errors.handleOnStartException(ex);
            }
        }
    }

    /**
     * Hands the handler every event available now, as one batch.
     *
     * @return the events handled, 0 when none was available.
     * @throws IllegalStateException before {@link #start()} or after {@link #shutdown()}.
     */
    public int poll()
    {
        if (!started || shutdown)
        {
            throw new IllegalStateException(shutdown ? "the handler is shut down" : "the handler is not started");
        }
        final long first = sequence.get() + 1;
        final long available = highestAvailable(first);
        if (available < first)
        {
            return 0;
        }
        batchEnd = available;
        final long size = available - first + 1;
        try
        {
            handler.onBatchStart(size, size);
        }
        catch (final Throwable ex)
        {
            errors.handleEventException(ex, first, ring.get(first));
        }
        try
        {
            poller.poll(this);
        }
        catch (final Exception ex)
        {
            // onEvent hands every failure to the exception handler, so the poller has none to throw
            throw new IllegalStateException(ex);
        }
        return (int)(sequence.get() - first + 1);
    }

    /** The last of the consecutive sequences from {@code first} that are published and behind every sequence followed. */
    private long highestAvailable(final long first)
    {
        long limit = after.length == 0 ? ring.getCursor() : Long.MAX_VALUE;
        for (final Sequence followed : after)
        {
            limit = Math.min(limit, followed.get());
        }
        long available = first - 1;
        while (available < limit && ring.isAvailable(available + 1))
        {
            available++;
        }
        return available;
    }

    @Override
    public boolean onEvent(final T event, final long sequence, final boolean endOfPoll)
    {
        final boolean last = sequence == batchEnd;
        try
        {
            handler.onEvent(event, sequence, last);
        }
        catch (final Throwable ex)
        {
            errors.handleEventException(ex, sequence, event);
            return false;
        }
        return !last;
    }

    /** Tells the handler it ends, once, if it was started; later polls are refused. */
    public void shutdown()
    {
        if (started && !shutdown)
        {
            shutdown = true;
            try
            {
                handler.onShutdown();
            }
            catch (final Throwable ex)
            {
                errors.handleOnShutdownException(ex);
            }
        }
    }
}
