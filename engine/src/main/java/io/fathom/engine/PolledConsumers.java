package io.fathom.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.PolledHandler;
import io.fathom.engine.ring.RingSettings;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.NanoClock;

/**
 * The handlers without threads ({@link EngineThreading#INVOKER}): each consumed through a {@link PolledHandler} on
 * the invoking thread, the journal handler's poller following the book handler's, and the ring's producers gated by
 * the journal handler's, as the Disruptor's {@code handleEventsWith(book).then(journal)} wires them. Nobody waits on
 * the ring, so its wait strategy only has to signal no one.
 */
final class PolledConsumers implements RingConsumers
{
    private final RingBuffer<DepthEvent> ring;
    private final CountingExceptionHandler errors;
    private JournalHandler journalHandler;
    private PolledHandler<DepthEvent> book;
    private PolledHandler<DepthEvent> journal;

    PolledConsumers(final RingSettings ring, final EngineCounters counters)
    {
        this.ring = RingBuffer.createMultiProducer(() -> new DepthEvent(ring.levelsPerEvent()), ring.size(),
            new BusySpinWaitStrategy());
        this.errors = new CountingExceptionHandler(counters);
    }

    @Override
    public RingBuffer<DepthEvent> ring()
    {
        return ring;
    }

    @Override
    public void handle(final BookHandler bookHandler, final JournalHandler journalHandler)
    {
        this.journalHandler = journalHandler;
        book = new PolledHandler<>(ring, bookHandler, errors);
        journal = new PolledHandler<>(ring, journalHandler, errors, book.sequence());
        ring.addGatingSequences(journal.sequence());
    }

    @Override
    public void start()
    {
        book.start();
        journal.start();
    }

    @Override
    public long bookSequence()
    {
        return book.sequence().get();
    }

    @Override
    public long journalSequence()
    {
        return journal.sequence().get();
    }

    @Override
    public int poll()
    {
        if (book == null)
        {
            return 0;
        }
        final int handled = book.poll();
        return handled + journal.poll();
    }

    @Override
    public void handOver()
    {
        if (journalHandler != null)
        {
            journalHandler.writer().handOver();
        }
    }

    @Override
    public boolean halt(final NanoClock clock, final long deadlineNs)
    {
        if (book != null)
        {
            book.shutdown();
            journal.shutdown();
        }
        return true;
    }
}
