package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.RingSettings;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.NanoClock;

import java.util.List;

/**
 * The handlers on threads of their own ({@link EngineThreading#DEDICATED}): a Disruptor whose batch processors run
 * on {@link HandlerThreads}, waiting as the profile says.
 */
final class ThreadedConsumers implements RingConsumers
{
    private final Disruptor<DepthEvent> disruptor;
    private final HandlerThreads threads;
    private BookHandler bookHandler;
    private JournalHandler journalHandler;

    ThreadedConsumers(final RingSettings ring, final ThreadingSettings threading, final EngineCounters counters)
    {
        threads = new HandlerThreads(threading.handlerCpus(), counters);
        disruptor = new Disruptor<>(
            () -> new DepthEvent(ring.levelsPerEvent()),
            ring.size(),
            threads,
            ProducerType.MULTI,
            threading.profile().newRingWaitStrategy());
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));
    }

    @Override
    public RingBuffer<DepthEvent> ring()
    {
        return disruptor.getRingBuffer();
    }

    @Override
    public void handle(final BookHandler bookHandler, final JournalHandler journalHandler)
    {
        this.bookHandler = bookHandler;
        this.journalHandler = journalHandler;
        disruptor.handleEventsWith(bookHandler).then(journalHandler);
    }

    @Override
    public void start()
    {
        disruptor.start();
    }

    @Override
    public long bookSequence()
    {
        return disruptor.getSequenceValueFor(bookHandler);
    }

    @Override
    public long journalSequence()
    {
        return disruptor.getSequenceValueFor(journalHandler);
    }

    @Override
    public int poll()
    {
        return 0;
    }

    @Override
    public boolean halt(final NanoClock clock, final long deadlineNs)
    {
        disruptor.halt();
        return threads.join(clock, deadlineNs);
    }

    @Override
    public List<String> pinningRefused()
    {
        return threads.pinningRefused();
    }
}
