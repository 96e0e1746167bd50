package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import io.fathom.engine.book.BookSettings;
import io.fathom.engine.feed.FeedGroup;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.HandlerCounters;
import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.journal.JournalReplaySource;
import io.fathom.engine.journal.JournalSpace;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.journal.ReplayServices;
import io.fathom.engine.journal.ReplaySettings;
import io.fathom.engine.journal.RetentionCounters;
import io.fathom.engine.publish.BookPublishing;
import io.fathom.engine.publish.BookShape;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.ring.RingOverflow;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.MetricsServer;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.BookViews;
import io.fathom.engine.view.ViewSettings;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The engine: owns the ring, the handlers, the journal, the counters and the depth source (the venue's
 * feeds or a journal replayed), and shuts them down in the order that loses nothing (see {@link #shutdown}).
 *
 * <p>{@link #launch} concludes the context, then builds and starts everything, closing what it built, newest
 * first, if any step fails. {@link #close} runs the shutdown sequence once; later calls return at once. Its work runs
 * on threads of its own, or, under {@link EngineThreading#INVOKER}, on the caller's through {@link #invoke()}.
 */
public final class Engine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineContext context;
    private final NanoClock clock = SystemNanoClock.INSTANCE;
    private final EpochNanoClock epochClock = new OffsetEpochNanoClock();
    private final BuiltParts built = new BuiltParts();
    private final VenueInstruments instruments;
    private final StartMetadata.Result metadata;
    private final LatencyTracker latency = new LatencyTracker();

    private EngineCounters counters;
    private Journal journal;
    private EngineRunners runners;
    private RingConsumers consumers;
    private RingBuffer<DepthEvent> ring;
    private ProducerGate gate;
    private DepthSource source;
    private BookHandler bookHandler;
    private JournalHandler journalHandler;
    private MetricsServer metrics;
    private BookViews bookViews;
    private BookPublishing publishing;
    private ShutdownSequence shutdownSequence;
    private ShutdownReport report;

    private Engine(final EngineContext context, final StartMetadata.Result metadata)
    {
        this.context = context;
        this.metadata = metadata;
        this.instruments = new VenueInstruments(context.venueGroups());
    }

    /**
     * Concludes the context, then builds and starts an engine; on failure closes whatever was started and rethrows.
     *
     * @throws IllegalStateException first of all when the JVM lacks an option of {@link JvmOptions#REQUIRED}.
     * @throws InvalidSettingException when a setting is refused, before anything is created.
     */
    public static Engine launch(final EngineContext context)
    {
        JvmOptions.check();
        final EngineContext concluded = context.conclude();
        final Engine engine = new Engine(concluded, StartMetadata.apply(concluded));
        try
        {
            engine.start();
            return engine;
        }
        catch (final RuntimeException ex)
        {
            engine.built.closeAll();
            throw ex;
        }
    }

    private void start()
    {
        if (!context.runDir().isDirectory() && !context.runDir().mkdirs())
        {
            throw new IllegalStateException("cannot create run directory " + context.runDir());
        }
        counters = track(new EngineCounters(context.runDir(), ContextChecks.countersSize(context)));
        metadata.record(counters);
        final FeedCounters feedCounters = new FeedCounters(counters, instruments.venues(), instruments.symbols());
        runners = new EngineRunners(context.threading(), context.ring(), counters, built, this::onAgentError);
        journal = !context.journal().enabled() ? null : track(new Journal(context.journal().directory(), context.journal().retention(), new RetentionCounters(
            counters.get(SystemCounter.JOURNAL_FILES_DELETED), counters.get(SystemCounter.JOURNAL_BYTES_DELETED)),
            new JournalSpace(context.journal().directory(), context.journalSpace(), counters.get(SystemCounter.JOURNAL_SUSPENDED),
                counters.get(SystemCounter.JOURNAL_RECORDS_SKIPPED), counters::recordError), runners.retentionStarter()));
        final JournalWriter flushWriter = newJournalWriter();
        final JournalWriter handlerWriter = newJournalWriter();

        consumers = runners.consumers();
        ring = consumers.ring();
        gate = new ProducerGate();

        final RingPublishers publishers = runners.wire(new RingPublishers(ring, gate, context.ring().levelsPerEvent(),
            counters.get(SystemCounter.EVENTS_PUBLISHED), new RingOverflow(instruments.size(),
            context.ring().fullWait().toNanos(), counters.get(SystemCounter.RING_FULL_DROPS))));
        source = context.replay() != null ? newReplaySource(context.replay(), publishers) : VenueSources.open(
            new EngineServices(context, instruments, counters, clock, epochClock, built), publishers, feedCounters,
            this::newJournalWriter, runners);

        final BookSettings books = context.books();
        final BookSync[] venueSyncs = context.venueGroups().stream()
            .map(group -> BookSync.forVenue(group.endpoints().protocol(), group.endpoints().venueDepth())).toArray(BookSync[]::new);
        bookViews = new BookViews(instruments.venues(), instruments.symbols(),
            new ViewSettings(books.priceScale(), books.quantityScale(), context.viewDepth()), instruments.scales());
        final SnapshotSlots slots = new SnapshotSlots(context.journal().snapshotSlots(), context.publish().enabled() ? 2 : 1);
        bookHandler = new BookHandler(
            new HandlerSettings(instruments.size(), books.capacityPerSide(), books.pendingMaxLevels(), books.pressureDepth(),
                context.journal().snapshotInterval().toNanos(), instruments.scales(),
                context.syncTimeout().toNanos()),
            id -> venueSyncs[instruments.groupOf(id)],
            new BookCollaborators(HandlerCounters.of(counters, feedCounters), slots, source.snapshotRequester(), context.bookListener(),
                source.bookStateListener(), latency.appliedRecorder(), clock, epochClock, bookViews.writer()));
        journalHandler = new JournalHandler(handlerWriter, slots, counters, latency.journaledRecorder());
        consumers.handle(bookHandler, journalHandler);
        publishing = !context.publish().enabled() ? null : track(runners.startPublishing(context.publish(), ring, bookHandler.sequence(),
            slots, new BookPublishing.Wiring(BookPublishing.names(instruments.venues(), instruments.symbols()), new BookShape(books.capacityPerSide(), instruments.scales(),
            context.ring().levelsPerEvent()), counters, BookPublishing.defaultIdleStrategy(), this::onAgentError)));
        shutdownSequence = new ShutdownSequence(new ShutdownSequence.Parts(gate, source, runners,
            bookHandler, journalHandler, flushWriter, counters, latency, built::closeAll),
            clock, epochClock, context.shutdownTimeout().toNanos());

        flushWriter.sessionStart(epochClock.nanoTime(), SessionDescription.config(context, source.sessionSource()),
            SessionDescription.instruments(context, instruments));
        consumers.start();
        built.track(() -> ShutdownSequence.haltHandlers(consumers, clock, context.shutdownTimeout().toNanos()));
        latency.openLog(context.runDir(), System.currentTimeMillis());
        runners.startStatus(new StatusAgent(counters, latency, SystemEpochClock.INSTANCE, () -> consumers.sample(counters)), 10);
        if (context.metricsPort() > 0)
        {
            metrics = track(new MetricsServer(context.metricsPort(), counters.manager(), latency::total, context.metricsPerFeed()));
            LOG.info("metrics on http://127.0.0.1:{}/metrics", metrics.port());
        }
        source.start(agent -> runners.startAgent(agent, 1));
        LOG.info("engine started: {}, journal {}", source.describe(), journal == null ? "off" : context.journal().directory());
    }

    private DepthSource newReplaySource(final ReplaySettings replay, final RingPublishers publishers)
    {
        return new ReplayDepthSource(replay, instruments.size(), () -> new JournalReplaySource(
            replay, instruments, new ReplayServices(publishers.newPublisher(), counters, clock)),
            context.bookStateListener());
    }

    /** A writer of its own for one thread, or one that discards everything when the journal is off. */
    private JournalWriter newJournalWriter()
    {
        return journal == null ? JournalWriter.discarding() : journal.newWriter();
    }

    private void onAgentError(final Throwable error)
    {
        counters.get(SystemCounter.HANDLER_ERRORS).increment();
        counters.recordError(error);
        LOG.error("agent error", error);
    }

    private <T extends AutoCloseable> T track(final T closeable)
    {
        return built.track(closeable);
    }

    /**
     * Runs one duty cycle of the whole engine on the calling thread, under {@link EngineThreading#INVOKER}: the
     * selector transport's I/O agents, journal retention, the depth source's agents (per venue the snapshot fetcher,
     * then the feed supervisor; or the journal replay), the book handler, the journal handler, the book publisher
     * with Aeron's client conductor and embedded driver, then the status agent. Drive it
     * with an {@code IdleStrategy}: {@code while (running) idle.idle(engine.invoke());}, on the thread that launched
     * the engine.
     *
     * @return the work done, 0 when there was none.
     * @throws IllegalStateException under {@link EngineThreading#DEDICATED}, from a second thread, from inside a
     *                               cycle (a listener), or once {@link #shutdown()} has begun.
     */
    public int invoke()
    {
        return runners.invoke();
    }

    /**
     * Runs the shutdown sequence once, within the context's shutdown timeout: halt producers, drain every
     * handler to the ring cursor, flush final snapshots and the session end, then close (see
     * {@link ShutdownSequence}). Later calls return the first report. Under {@link EngineThreading#INVOKER} call it
     * on the invoking thread between calls to {@link #invoke()}, or from any thread once the caller has stopped
     * invoking: it polls the handlers itself to drain the ring, and refuses {@code invoke()} from then on.
     */
    public synchronized ShutdownReport shutdown()
    {
        if (report == null)
        {
            report = shutdownSequence.run();
            bookViews.writer().invalidateAll(BookCopy.REASON_CLOSED, epochClock.nanoTime());
        }
        return report;
    }

    @Override
    public void close()
    {
        shutdown();
    }

    /**
     * A book's view, to read a consistent copy of the book from any thread without locks; invalid once closed.
     * @throws IllegalArgumentException naming the symbol when the engine holds no such instrument, or naming the
     *                                  venues when several hold it ({@link #bookView(String, String)} tells them apart).
     */
    public BookView bookView(final String symbol)
    {
        return bookViews.view(symbol);
    }

    /**
     * The view of a venue's book, in an engine that holds several venues (or one); as {@link #bookView(String)}.
     * @throws IllegalArgumentException naming the venue, or the symbol, that the engine does not hold.
     */
    public BookView bookView(final String venue, final String symbol)
    {
        return bookViews.view(venue, symbol);
    }

    /** A book's view by instrument id: the first venue's symbols are 0..n-1, each further venue's follow. */
    public BookView bookView(final int instrumentId)
    {
        return bookViews.view(instrumentId);
    }

    /** The concluded context this engine was launched with. */
    public EngineContext context()
    {
        return context;
    }

    public EngineCounters counters()
    {
        return counters;
    }

    /** The media driver directory the books are published through, or null when the engine does not publish. */
    public File publishAeronDir()
    {
        return publishing == null ? null : publishing.aeronDirectory();
    }

    /** The metrics endpoint's port, or 0 when it is off. */
    public int metricsPort()
    {
        return metrics == null ? 0 : metrics.port();
    }

    public LatencyTracker latency()
    {
        return latency;
    }

    /** Every instrument with its venue, symbol and scales, by instrument id. */
    public VenueInstruments instruments()
    {
        return instruments;
    }

    public int bookCount()
    {
        return instruments.size();
    }

    /** Handler threads the host would not pin to the CPUs asked, with why; they run unpinned. */
    public List<String> pinningRefused()
    {
        return consumers.pinningRefused();
    }

    /** Launches (or relaunches) a configured feed group. */
    public FeedGroup launch(final String groupName)
    {
        return VenueSources.feedsOfGroup(source, groupName).launch(groupName);
    }

    /** Cancels a feed group; completes when its sockets are released. */
    public CompletableFuture<FeedGroup> cancel(final String groupName)
    {
        return VenueSources.feedsOfGroup(source, groupName).cancel(groupName);
    }

    /** Cancels one feed; completes when it is unsubscribed or its connection closed. */
    public CompletableFuture<String> cancelFeed(final String symbol)
    {
        return VenueSources.feedsOf(source, instruments, symbol).cancelFeed(symbol);
    }

    public FeedGroup feedGroup(final String name)
    {
        return VenueSources.feedsOfGroup(source, name).group(name);
    }

    public FeedState feedState(final String symbol)
    {
        return VenueSources.feedsOf(source, instruments, symbol).feedState(symbol);
    }

    /** Completes when the feed's current life ends (CLOSED or FAILED) and its resources are released. */
    public CompletableFuture<String> feedCloseFuture(final String symbol)
    {
        return VenueSources.feedsOf(source, instruments, symbol).closeFuture(symbol);
    }

    /** Feeds per {@link FeedState} ordinal, kept by transitions; all zero for a journal replay. */
    public int[] feedsByState()
    {
        return source.feedsByState();
    }

    /** Completes when the journal's disk ran short of space under {@code JournalFullPolicy.STOP}: shut the engine down. */
    public CompletionStage<Void> journalFull()
    {
        return journal == null ? new CompletableFuture<>() : journal.space().stopRequested();
    }

    /**
     * Completes, with the number of records read, when a journal replay ({@link EngineContext#replayJournal()})
     * has published the whole journal; never for a venue feed.
     */
    public CompletionStage<Long> sourceDone()
    {
        return source.done();
    }

    /** Books currently valid (an approximate read from another thread). */
    public int booksLive()
    {
        return bookHandler.liveBooks();
    }

    /** Fraction of the ring holding events not yet consumed by every handler, in [0, 1]. */
    public double ringFill()
    {
        final long capacity = ring.getBufferSize();
        return (double)(capacity - ring.remainingCapacity()) / capacity;
    }

    /** Valid only after {@link #shutdown}: the books as flushed. */
    public BookHandler bookHandler()
    {
        return bookHandler;
    }
}
