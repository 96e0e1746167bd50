package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.publish.BookPublishing;
import io.fathom.engine.publish.PublishContext;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.RingSettings;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.transport.SelectorTransportFactory;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Who runs the engine's work, as {@link ThreadingSettings#mode()} says: under {@link EngineThreading#DEDICATED} each
 * agent on an {@link AgentRunner} thread and the handlers on the Disruptor's threads; under
 * {@link EngineThreading#INVOKER} every agent through an {@link AgentInvoker} and the handlers through pollers, all
 * driven by {@link #invoke()} on the thread that launched the engine (the journal writers' Chronicle appenders belong to
 * one thread), until the shutdown takes the engine over.
 */
final class EngineRunners
{
    private final boolean invoker;
    private final ErrorHandler onAgentError;
    private final BuiltParts built;
    private final RingConsumers consumers;
    private final AtomicBoolean cycling = new AtomicBoolean();
    private IntSupplier transports = () -> 0;
    private IntSupplier publisher = () -> 0;
    private AgentInvoker[] agents = new AgentInvoker[0];
    private AgentInvoker status;
    private final Thread owner = Thread.currentThread();
    private Thread inCycle;
    private volatile boolean closing;
    private volatile boolean takenOver;

    /**
     * @param built        where every runner or invoker is tracked, to be closed with what the engine built.
     * @param onAgentError told of an error that escaped an agent's duty cycle.
     */
    EngineRunners(
        final ThreadingSettings threading,
        final RingSettings ring,
        final EngineCounters counters,
        final BuiltParts built,
        final ErrorHandler onAgentError)
    {
        this.invoker = threading.invoker();
        this.onAgentError = onAgentError;
        this.built = built;
        this.consumers = invoker ? new PolledConsumers(ring, counters) : new ThreadedConsumers(ring, threading, counters);
    }

    /** The ring and its handlers. */
    RingConsumers consumers()
    {
        return consumers;
    }

    /**
     * Starts one of the depth source's agents: on its own thread, sleeping this long when idle; or, invoked, in
     * {@link #invoke()} after the I/O agents and the agents started before it. Closed with what the engine built.
     */
    AutoCloseable startAgent(final Agent agent, final long idleMs)
    {
        if (!invoker)
        {
            final AgentRunner runner = built.track(new AgentRunner(new SleepingMillisIdleStrategy(idleMs), onAgentError, null, agent));
            AgentRunner.startOnThread(runner);
            return runner;
        }
        final AgentInvoker invoked = startInvoker(agent);
        agents = Arrays.copyOf(agents, agents.length + 1);
        agents[agents.length - 1] = invoked;
        return invoked;
    }

    /** Starts the journal's retention agent: on its own thread, or invoked before the depth source's agents. */
    Journal.RetentionStarter retentionStarter()
    {
        return invoker ? agent -> startAgent(agent, 100) : Journal.RetentionStarter.OWN_THREAD;
    }

    /** Starts the status agent: on its own thread, or invoked last in each {@link #invoke()}. */
    void startStatus(final Agent agent, final long idleMs)
    {
        if (invoker)
        {
            status = startInvoker(agent);
        }
        else
        {
            startAgent(agent, idleMs);
        }
    }

    private AgentInvoker startInvoker(final Agent agent)
    {
        final AgentInvoker invoked = built.track(new AgentInvoker(onAgentError, null, agent));
        invoked.start();
        return invoked;
    }

    /** Has the ring's publishers poll the handlers where they would wait for space, when this thread runs both. */
    RingPublishers wire(final RingPublishers publishers)
    {
        return invoker ? publishers.pollWhenFull(consumers::poll) : publishers;
    }

    /**
     * Starts publishing books over Aeron: the publisher on its own thread, or with Aeron's client conductor and
     * embedded driver in {@link #invoke()}, after the journal handler.
     */
    BookPublishing startPublishing(final PublishContext context, final RingBuffer<DepthEvent> ring, final Sequence after,
        final SnapshotSlots slots, final BookPublishing.Wiring wiring)
    {
        if (!invoker)
        {
            return BookPublishing.start(context, ring, after, slots, wiring);
        }
        final BookPublishing publishing = BookPublishing.startInvoked(context, ring, after, slots, wiring);
        publisher = publishing::invoke;
        return publishing;
    }

    /** Has {@link #invoke()} run the selector transport's I/O agents first; they have threads of their own otherwise. */
    void driveTransports(final WebSocketTransport.Factory factory)
    {
        if (invoker && factory instanceof SelectorTransportFactory selector)
        {
            transports = selector::invoke;
        }
    }

    /**
     * One duty cycle of everything, in this order: the I/O agents, journal retention, the depth source's agents (per
     * venue the snapshot fetcher, then the feed supervisor; or the journal replay), the book handler, the journal handler, the book
     * publisher with Aeron's client conductor and embedded driver, the status agent.
     *
     * @return the work done, 0 when there was none.
     * @throws IllegalStateException under {@link EngineThreading#DEDICATED}, from a second thread, inside a cycle,
     *                               or once shutdown has begun.
     */
    int invoke()
    {
        if (!invoker)
        {
            throw new IllegalStateException(
                "the engine runs on threads of its own (engineThreading DEDICATED); launch it with INVOKER to drive it");
        }
        final Thread caller = Thread.currentThread();
        if (!cycling.compareAndSet(false, true))
        {
            throw new IllegalStateException(closing ? "the engine is shut down" :
                "invoke() is running on another thread or on this one: an engine in INVOKER mode is driven by one thread");
        }
        try
        {
            if (closing)
            {
                throw new IllegalStateException("the engine is shut down");
            }
            if (owner != caller)
            {
                throw new IllegalStateException("invoke() called on " + caller.getName() + ", but " + owner.getName() +
                    " launched this engine and drives it: an engine in INVOKER mode is driven by one thread");
            }
            inCycle = caller;
            int work = transports.getAsInt();
            for (final AgentInvoker agent : agents)
            {
                work += agent.invoke();
            }
            work += consumers.poll();
            work += publisher.getAsInt();
            return status == null ? work : work + status.invoke();
        }
        finally
        {
            inCycle = null;
            cycling.set(false);
        }
    }

    /**
     * Makes the calling thread, for the shutdown, the only one that drives the engine: waits, up to the deadline,
     * for a duty cycle in progress on another thread to end; later calls to {@link #invoke()} are refused.
     *
     * @return null, or why the handlers cannot be polled by this thread.
     * @throws IllegalStateException when called inside a duty cycle (from a listener, say).
     */
    String takeOver(final NanoClock clock, final long deadlineNs)
    {
        if (!invoker || takenOver)
        {
            return null;
        }
        if (inCycle == Thread.currentThread())
        {
            throw new IllegalStateException("shut the engine down after invoke() returns, not inside it");
        }
        closing = true;
        while (!cycling.compareAndSet(false, true))
        {
            if (clock.nanoTime() - deadlineNs > 0)
            {
                return "halt producers: the invoking thread was still inside invoke() at the deadline";
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        takenOver = true;
        if (Thread.currentThread() != owner)
        {
            consumers.handOver();
        }
        return null;
    }

    /** Polls the handlers and runs the publisher once, on the thread that took the engine over for the shutdown; 0 otherwise. */
    int pollForShutdown()
    {
        return takenOver ? consumers.poll() + publisher.getAsInt() : 0;
    }
}
