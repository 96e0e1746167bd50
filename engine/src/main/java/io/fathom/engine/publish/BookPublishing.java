package io.fathom.engine.publish;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.aeron.ChannelUri;
import io.aeron.ExclusivePublication;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The engine's books over Aeron: the Aeron connection (an embedded media driver unless an external one is
 * named), the publication, and the {@link BookPublisherAgent} on its own thread, polling the ring behind the
 * book handler. Closing stops the agent, takes it off the ring, then closes Aeron (and the embedded driver,
 * deleting its directory). Started invoked ({@link #startInvoked}), nothing has a thread: the caller runs the
 * publisher, Aeron's client conductor and the embedded driver through {@link #invoke()}.
 */
public final class BookPublishing implements AutoCloseable
{
    /** Term length used unless the channel sets one: room for whole books (a message is at most 1/8 of a term). */
    static final int TERM_LENGTH = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BookPublishing.class);

    private final AeronConnection connection;
    private final RingBuffer<DepthEvent> ring;
    private final Sequence pollerSequence;
    private final AgentRunner runner;
    private final AgentInvoker invoker;

    private BookPublishing(final AeronConnection connection, final RingBuffer<DepthEvent> ring, final BookPublisherAgent agent,
        final Sequence pollerSequence, final Wiring wiring)
    {
        this.connection = connection;
        this.ring = ring;
        this.pollerSequence = pollerSequence;
        final IdleStrategy idle = wiring.idleStrategy();
        this.runner = idle == null ? null : new AgentRunner(idle, wiring.errorHandler(), null, agent);
        this.invoker = idle != null ? null : new AgentInvoker(wiring.errorHandler(), null, agent);
    }

    /**
     * Connects to Aeron, adds the publication and a consumer of the ring gated on {@code after}, and starts the
     * publisher's thread; on failure closes what it made and rethrows.
     *
     * @param after the book handler's sequence: the publisher reads each event once its outcome is final.
     */
    public static BookPublishing start(
        final PublishContext context,
        final RingBuffer<DepthEvent> ring,
        final Sequence after,
        final SnapshotSlots slots,
        final Wiring wiring)
    {
        Objects.requireNonNull(wiring.idleStrategy(), "idleStrategy");
        return open(context, ring, after, slots, wiring);
    }

    /**
     * As {@link #start}, but with no thread at all: the publisher, Aeron's client conductor and the embedded media
     * driver run in {@link #invoke()} on the caller's thread, and {@link Wiring#idleStrategy()} is not used.
     */
    public static BookPublishing startInvoked(
        final PublishContext context,
        final RingBuffer<DepthEvent> ring,
        final Sequence after,
        final SnapshotSlots slots,
        final Wiring wiring)
    {
        return open(context, ring, after, slots, new Wiring(wiring.instruments(), wiring.books(), wiring.counters(), null,
            wiring.errorHandler()));
    }

    private static BookPublishing open(
        final PublishContext context,
        final RingBuffer<DepthEvent> ring,
        final Sequence after,
        final SnapshotSlots slots,
        final Wiring wiring)
    {
        final boolean invoked = wiring.idleStrategy() == null;
        final AeronConnection connection = AeronConnection.open(context.aeronDir(), "engine", invoked, wiring.errorHandler());
        try
        {
            final ExclusivePublication publication = connection.aeron().addExclusivePublication(
                channelWithTermLength(context.channel()), context.streamId());
            final String control = context.controlChannel();
            final SnapshotRequests requests = new SnapshotRequests(
                control == null ? null : connection.aeron().addSubscription(control, context.controlStreamId()),
                wiring.instruments().size(), context.requestRate(), wiring.counters());
            final EventPoller<DepthEvent> poller = ring.newPoller(after);
            ring.addGatingSequences(poller.getSequence());
            final BookShape books = wiring.books();
            final BookPublisherAgent agent = new BookPublisherAgent(poller, slots, new PublisherStreams(publication, requests),
                new BookMirror(wiring.instruments().size(), books.capacityPerSide(), books.scales()),
                new PublisherSettings(wiring.instruments(), books, context.snapshotInterval().toNanos(),
                    new OfferCounters(wiring.counters()), SystemNanoClock.INSTANCE));
            final BookPublishing publishing = new BookPublishing(connection, ring, agent, poller.getSequence(), wiring);
            if (invoked)
            {
                publishing.invoker.start();
            }
            else
            {
                AgentRunner.startOnThread(publishing.runner);
            }
            LOG.info("publishing books on {} stream {} through the media driver in {}{}; snapshot requests {}", context.channel(),
                context.streamId(), connection.directory(), connection.embedded() ? " (embedded)" : "",
                control == null ? "off" : "on " + control + " stream " + context.controlStreamId());
            return publishing;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(connection);
            throw ex;
        }
    }

    /**
     * One duty cycle of the publisher, then of Aeron's client conductor and embedded driver, when started invoked.
     *
     * @return the work done.
     * @throws IllegalStateException when the publisher has a thread of its own.
     */
    public int invoke()
    {
        if (invoker == null)
        {
            throw new IllegalStateException("the publisher runs on a thread of its own");
        }
        final int work = invoker.invoke();
        return work + connection.invoke();
    }

    /** The channel as given, with a term length large enough for whole books unless it names one. */
    static String channelWithTermLength(final String channel)
    {
        final ChannelUri uri = ChannelUri.parse(channel);
        if (uri.get("term-length") == null)
        {
            uri.put("term-length", Integer.toString(TERM_LENGTH));
        }
        return uri.toString();
    }

    /** An idle strategy that answers quickly when the ring gets busy again and sleeps up to 100 µs when idle. */
    public static IdleStrategy defaultIdleStrategy()
    {
        return new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    }

    /** The media driver's directory the publication lives in; for {@code aeron:ipc} subscribers on this host. */
    public File aeronDirectory()
    {
        return connection.directory();
    }

    /** The publisher's position on the ring. */
    public long ringSequence()
    {
        return pollerSequence.get();
    }

    @Override
    public void close()
    {
        try
        {
            CloseHelper.closeAll(runner, invoker);
        }
        finally
        {
            ring.removeGatingSequence(pollerSequence);
            connection.close();
        }
    }

    /** Each instrument's venue and symbol by id, encoded once for its definitions. */
    public static List<InstrumentDefinition.Names> names(final List<String> venues, final List<String> symbols)
    {
        final List<InstrumentDefinition.Names> names = new ArrayList<>(symbols.size());
        for (int id = 0; id < symbols.size(); id++)
        {
            names.add(new InstrumentDefinition.Names(symbols.get(id), venues.get(id)));
        }
        return names;
    }

    /**
     * What the engine hands the publisher: venue and symbol by id, the books' shape, counters, how its thread idles
     * (null when started invoked) and where its errors go.
     */
    public record Wiring(
        List<InstrumentDefinition.Names> instruments,
        BookShape books,
        EngineCounters counters,
        IdleStrategy idleStrategy,
        ErrorHandler errorHandler)
    {
    }
}
