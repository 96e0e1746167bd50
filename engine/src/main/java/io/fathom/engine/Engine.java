package io.fathom.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.fathom.codec.binance.BinanceMarket;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.FeedActivity;
import io.fathom.engine.feed.FeedConnection;
import io.fathom.engine.feed.FeedGroup;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.feed.FrameCapture;
import io.fathom.engine.feed.InstrumentTable;
import io.fathom.engine.feed.JavaWebSocketTransport;
import io.fathom.engine.feed.JdkWebSocketTransport;
import io.fathom.engine.feed.RateLimiter;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.journal.JournalReplaySource;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.ring.RingOverflow;
import io.fathom.engine.status.CountersSize;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.MetricsServer;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The engine: owns the ring, the handlers, the journal, the counters and every feed, and shuts
 * them down in the order that loses nothing (halt producers, drain, flush, close).
 *
 * <p>{@link #launch} builds and starts everything, closing what it built if any step fails.
 * {@link #shutdown} runs the shutdown sequence once; {@link #close} calls it.
 */
public final class Engine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final NanoClock clock = SystemNanoClock.INSTANCE;
    private final EpochNanoClock epochClock = new OffsetEpochNanoClock();
    private final List<AutoCloseable> built = new ArrayList<>();
    private final List<Thread> handlerThreads = new CopyOnWriteArrayList<>();
    private final InstrumentTable instruments;
    private final LatencyTracker latency = new LatencyTracker();
    private FeedActivity activity;

    private EngineCounters counters;
    private Journal journal;
    private JournalWriter flushWriter;
    private JournalHandler journalHandler;
    private Disruptor<DepthEvent> disruptor;
    private RingBuffer<DepthEvent> ring;
    private ProducerGate gate;
    private BookHandler bookHandler;
    private SnapshotFetcher fetcher;
    private FeedSupervisor supervisor;
    private FrameCapture capture;
    private WebSocketTransport.Factory transports;
    private final List<String> pinningRefused = new CopyOnWriteArrayList<>();
    private RingOverflow overflow;
    private AgentRunner fetcherRunner;
    private AgentRunner supervisorRunner;
    private JournalReplaySource replaySource;
    private AgentRunner replayRunner;
    private AgentRunner statusRunner;
    private MetricsServer metrics;
    private ShutdownReport report;

    private Engine(final EngineConfig config)
    {
        this.config = config;
        this.instruments = new InstrumentTable(config.symbols);
    }

    /** Builds and starts an engine; on failure closes whatever was started and rethrows. */
    public static Engine launch(final EngineConfig config)
    {
        final Engine engine = new Engine(config);
        try
        {
            engine.start();
            return engine;
        }
        catch (final RuntimeException ex)
        {
            engine.closeBuilt();
            throw ex;
        }
    }

    private void start()
    {
        if (!config.runDir.isDirectory() && !config.runDir.mkdirs())
        {
            throw new IllegalStateException("cannot create run directory " + config.runDir);
        }
        counters = track(new EngineCounters(config.runDir, CountersSize.forFeeds(instruments.size(),
            CountersSize.connectionsFor(instruments.size(), config.streamsPerConnection, config.groups.size()))));
        activity = new FeedActivity(instruments.size(), new FeedCounters(counters, config.venue, instruments.symbols()));
        journal = track(new Journal(config.journalDir, config.journalRetention,
            counters.get(SystemCounter.JOURNAL_FILES_DELETED), counters.get(SystemCounter.JOURNAL_BYTES_DELETED)));
        final boolean fromJournal = config.replayJournalDir != null;
        flushWriter = journal.newWriter();
        final JournalWriter handlerWriter = journal.newWriter();

        disruptor = new Disruptor<>(
            () -> new DepthEvent(config.levelsPerEvent),
            config.ringSize,
            this::newHandlerThread,
            ProducerType.MULTI,
            config.profile == EngineConfig.Profile.LOW_LATENCY ? new BusySpinWaitStrategy() : new SleepingWaitStrategy(200, 50_000));
        ring = disruptor.getRingBuffer();
        gate = new ProducerGate();
        overflow = new RingOverflow(instruments.size(), config.ringFullWait.toNanos(), counters.get(SystemCounter.RING_FULL_DROPS));

        if (config.captureFile != null && !fromJournal)
        {
            try
            {
                capture = track(new FrameCapture(config.captureFile, epochClock));
            }
            catch (final java.io.IOException ex)
            {
                throw new IllegalStateException("--capture " + config.captureFile + ": " + ex.getMessage(), ex);
            }
        }
        final boolean restSnapshots = config.protocol.restSnapshot();
        fetcher = fromJournal || !restSnapshots ? null : new SnapshotFetcher(
            config.restBaseUrl, config.snapshotDepthLimit, instruments,
            newFeedPublisher(), newDecoder(), BinanceMarket.forVenue(config.protocol).depthPath(), capture,
            new RateLimiter(config.snapshotRatePerSecond, Math.max(1, (int)Math.ceil(config.snapshotRatePerSecond / 10)),
                clock.nanoTime()),
            config.snapshotTimeout, counters, clock, epochClock);

        transports = fromJournal ? null : track(newTransports());
        supervisor = fromJournal ? null : new FeedSupervisor(
            instruments, activity, config.groups, config.protocol, config.venueDepth, config.wsBaseUrl,
            new FeedSupervisor.Limits(
                config.streamsPerConnection,
                new RateLimiter(config.connectRatePerSecond, config.connectBurst, clock.nanoTime()),
                config.maxConnectsInFlight,
                config.maxConnections,
                config.backoffBase.toNanos(),
                config.backoffCap.toNanos(),
                config.maxConnectAttempts,
                config.staleAfter.toNanos(),
                config.maxConnectionLifetime.toNanos(),
                config.connectTimeout.toNanos()),
            this::newConnection, newPublisher(), config.feedListener, journal.newWriter(),
            counters, clock, epochClock);

        final SnapshotSlots slots = new SnapshotSlots(config.snapshotSlots);
        final SnapshotRequester requester = fromJournal ? id -> { } : restSnapshots ? fetcher : supervisor::resubscribe;
        bookHandler = new BookHandler(
            instruments.size(), config.bookCapacityPerSide, config.pendingMaxLevels, config.pressureDepth,
            config.journalSnapshotInterval.toNanos(), BookSync.forVenue(config.protocol, config.venueDepth),
            config.priceScale, config.quantityScale, counters, slots, requester, config.listener,
            fromJournal ? BookStateListener.NONE : supervisor.bookStateListener(), latency.appliedRecorder(), clock, epochClock);
        journalHandler = new JournalHandler(handlerWriter, slots, counters, epochClock, latency.journaledRecorder());
        disruptor.handleEventsWith(bookHandler).then(journalHandler);
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));

        flushWriter.sessionStart(epochClock.nanoTime(), sessionConfig(), instrumentTable());
        disruptor.start();
        built.add(this::haltHandlers);
        latency.openLog(config.runDir, System.currentTimeMillis());
        statusRunner = track(new AgentRunner(new SleepingMillisIdleStrategy(10), this::onAgentError, null,
            new StatusAgent(counters, latency, org.agrona.concurrent.SystemEpochClock.INSTANCE, this::sampleRing)));
        AgentRunner.startOnThread(statusRunner);
        if (config.metricsPort > 0)
        {
            metrics = track(new MetricsServer(config.metricsPort, counters.manager(), latency::total, config.metricsPerFeed));
            LOG.info("metrics on http://127.0.0.1:{}/metrics", metrics.port());
        }
        if (fromJournal)
        {
            startReplay();
            return;
        }

        if (fetcher != null)
        {
            fetcherRunner = track(new AgentRunner(
                new SleepingMillisIdleStrategy(1), this::onAgentError, null, fetcher));
            AgentRunner.startOnThread(fetcherRunner);
        }
        supervisorRunner = track(new AgentRunner(
            new SleepingMillisIdleStrategy(1), this::onAgentError, null, supervisor));
        AgentRunner.startOnThread(supervisorRunner);
        LOG.info("engine started: {} instruments in {} feed groups, journal {}",
            instruments.size(), config.groups.size(), config.journalDir);
    }

    private void startReplay()
    {
        replaySource = new JournalReplaySource(config.replayJournalDir, config.replaySpeed, config.venue, instruments,
            newPublisher(), counters, clock);
        replayRunner = track(new AgentRunner(new SleepingMillisIdleStrategy(1), this::onAgentError, null, replaySource));
        AgentRunner.startOnThread(replayRunner);
        LOG.info("engine started: replaying {} at {} speed into {} instruments, journal {}",
            config.replayJournalDir, config.replaySpeed, instruments.size(), config.journalDir);
    }

    /** What the journal records of this run: what a replay needs to reproduce its signals. */
    private SessionRecords.SessionConfig sessionConfig()
    {
        return new SessionRecords.SessionConfig(
            java.util.concurrent.ThreadLocalRandom.current().nextLong(), config.pressureDepth, config.bookCapacityPerSide,
            config.journalSnapshotInterval.toMillis(),
            "venue=" + config.venue + " venue_depth=" + config.venueDepth + (config.replayJournalDir != null ? " source=journal:" + config.replayJournalDir +
            " speed=" + config.replaySpeed : " ws=" + config.wsBaseUrl + " rest=" + config.restBaseUrl) +
            " levels_per_event=" + config.levelsPerEvent + " ring=" + config.ringSize);
    }

    private List<SessionRecords.Instrument> instrumentTable()
    {
        final List<SessionRecords.Instrument> table = new ArrayList<>(instruments.size());
        for (int id = 0; id < instruments.size(); id++)
        {
            table.add(new SessionRecords.Instrument(
                id, config.venue, instruments.symbol(id), config.priceScale, config.quantityScale));
        }
        return table;
    }

    private FeedConnection newConnection(
        final int slotId,
        final URI uri,
        final int[] instrumentIds,
        final org.agrona.concurrent.status.AtomicCounter messages,
        final FeedConnection.Listener listener)
    {
        return new FeedConnection(
            uri, slotId, instrumentIds, instruments, activity,
            newFeedPublisher(), newDecoder(), capture,
            config.maxLevelsPerMessage, counters, messages, epochClock, transports, listener);
    }

    /** The configured transport's factory; closed after the supervisor has closed every connection. */
    private WebSocketTransport.Factory newTransports()
    {
        switch (config.transport)
        {
            case JDK:
                return new JdkWebSocketTransport.Factory(config.connectTimeout, config.pingInterval);
            default:
                return new JavaWebSocketTransport.Factory(
                    (int)config.connectTimeout.toMillis(), (int)config.pingInterval.getSeconds());
        }
    }

    private FrameDecoder newDecoder()
    {
        return FrameDecoder.forVenue(config.protocol, config.priceScale, config.quantityScale);
    }

    private void sampleRing()
    {
        final long cursor = ring.getCursor();
        counters.get(SystemCounter.RING_REMAINING_CAPACITY).setRelease(ring.remainingCapacity());
        counters.get(SystemCounter.BOOK_HANDLER_LAG).setRelease(cursor - disruptor.getSequenceValueFor(bookHandler));
        counters.get(SystemCounter.JOURNAL_HANDLER_LAG).setRelease(cursor - disruptor.getSequenceValueFor(journalHandler));
    }

    /** A publisher for one producing thread; every producer passes the same gate and counts events published. */
    /** A publisher that waits for ring space as long as it takes: control events and journal replay lose nothing. */
    private DepthPublisher newPublisher()
    {
        return new DepthPublisher(ring, gate, config.levelsPerEvent, counters.get(SystemCounter.EVENTS_PUBLISHED));
    }

    /** A feed's publisher: waits {@code ringFullWait} for ring space, then drops the message and resyncs its book. */
    private DepthPublisher newFeedPublisher()
    {
        return new DepthPublisher(ring, gate, config.levelsPerEvent, counters.get(SystemCounter.EVENTS_PUBLISHED), overflow);
    }

    private Thread newHandlerThread(final Runnable runnable)
    {
        final int index = handlerThreads.size();
        final Runnable body = index >= config.handlerCpus.size() ? runnable : () ->
        {
            final String refused = CpuPinning.pinCurrentThread(config.handlerCpus.get(index));
            if (refused != null)
            {
                pinningRefused.add(refused);
                counters.recordError(new IllegalStateException(refused));
                LOG.warn(refused);
            }
            runnable.run();
        };
        final Thread thread = new Thread(body, "fathom-handler-" + index);
        handlerThreads.add(thread);
        return thread;
    }

    /** Handler threads the host would not pin as {@code --cpus} asked, with why; they run unpinned. */
    public List<String> pinningRefused()
    {
        return List.copyOf(pinningRefused);
    }

    private void onAgentError(final Throwable error)
    {
        counters.get(SystemCounter.HANDLER_ERRORS).increment();
        counters.recordError(error);
        LOG.error("agent error", error);
    }

    private <T extends AutoCloseable> T track(final T closeable)
    {
        built.add(closeable);
        return closeable;
    }

    /**
     * Runs the shutdown sequence once, within the configured shutdown timeout: halt producers (the
     * gate closes, in-flight claims are published, sockets close), drain every handler to the ring
     * cursor, flush final snapshots and the session end (not interruptible), then halt handlers and
     * close the journal and counters. Later calls return the first report.
     */
    public synchronized ShutdownReport shutdown()
    {
        if (report != null)
        {
            return report;
        }
        final long startNs = clock.nanoTime();
        final long deadlineNs = startNs + config.shutdownTimeout.toNanos();
        final List<String> failures = new ArrayList<>();
        final boolean wasInterrupted = Thread.interrupted();

        final boolean halted = haltProducers(deadlineNs, failures);
        final long haltedNs = clock.nanoTime();
        final boolean drained = drain(deadlineNs, failures);
        final long drainedNs = clock.nanoTime();
        final boolean flushed = flush(deadlineNs, halted && drained, failures);
        final long flushedNs = clock.nanoTime();
        final boolean closed = closeAll(deadlineNs, failures);
        final long endNs = clock.nanoTime();

        report = new ShutdownReport(
            millis(haltedNs - startNs), millis(drainedNs - haltedNs), millis(flushedNs - drainedNs),
            millis(endNs - flushedNs), millis(endNs - startNs), halted, drained, flushed, closed,
            Thread.currentThread().getName(), List.copyOf(failures));
        if (wasInterrupted)
        {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    private boolean haltProducers(final long deadlineNs, final List<String> failures)
    {
        boolean ok = gate.close(clock, deadlineNs);
        if (!ok)
        {
            failures.add("halt producers: a producer was still inside the gate at the deadline");
        }
        CloseHelper.quietClose(replayRunner);
        if (supervisor == null)
        {
            return ok;
        }
        supervisor.beginClose();
        CloseHelper.quietClose(supervisorRunner);
        CloseHelper.quietClose(fetcherRunner);
        if (!supervisor.closeAll(deadlineNs))
        {
            failures.add("halt producers: not every socket closed by the deadline");
            ok = false;
        }
        return ok;
    }

    private boolean drain(final long deadlineNs, final List<String> failures)
    {
        final long cursor = ring.getCursor();
        while (disruptor.getSequenceValueFor(bookHandler) < cursor ||
            disruptor.getSequenceValueFor(journalHandler) < cursor)
        {
            if (clock.nanoTime() - deadlineNs > 0)
            {
                failures.add("drain: handlers at " + disruptor.getSequenceValueFor(bookHandler) + "/" +
                    disruptor.getSequenceValueFor(journalHandler) + " of cursor " + cursor + " at the deadline");
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /** Final snapshots and session end; ignores interrupts (a second signal cannot cut it short). */
    private boolean flush(final long deadlineNs, final boolean upstreamClean, final List<String> failures)
    {
        boolean interrupted = false;
        try
        {
            if (upstreamClean)
            {
                bookHandler.discardPending();
            }
            final long epochNs = epochClock.nanoTime();
            for (int id = 0; id < bookHandler.bookCount(); id++)
            {
                if (clock.nanoTime() - deadlineNs > 0)
                {
                    failures.add("flush: " + (bookHandler.bookCount() - id) + " final snapshots not written by the deadline");
                    return false;
                }
                if (!upstreamClean)
                {
                    break;
                }
                flushWriter.snapshot(bookHandler.book(id), SnapshotRecord.REASON_FINAL,
                    bookHandler.state(id) == SyncState.LIVE, epochNs);
                interrupted |= Thread.interrupted();
            }
            final long deltas = journalHandler.writer().deltaRecords();
            final long snapshots = journalHandler.writer().snapshotRecords() + flushWriter.snapshotRecords();
            flushWriter.sessionEnd(epochClock.nanoTime(), upstreamClean, deltas, snapshots);
            counters.get(SystemCounter.JOURNAL_RECORDS).getAndAdd(flushWriter.records());
            if (!upstreamClean)
            {
                failures.add("flush: final snapshots skipped because the ring was not drained");
                return false;
            }
            return true;
        }
        catch (final RuntimeException ex)
        {
            failures.add("flush: " + ex);
            LOG.error("final flush failed", ex);
            return false;
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean closeAll(final long deadlineNs, final List<String> failures)
    {
        boolean ok = haltHandlers(deadlineNs);
        if (!ok)
        {
            failures.add("close: a handler thread did not stop by the deadline");
        }
        latency.sample();
        latency.close();
        try
        {
            CloseHelper.closeAll(flushWriter, journalHandler.writer(), supervisor == null ? null : supervisor.journal());
        }
        catch (final RuntimeException ex)
        {
            failures.add("close: journal writers: " + ex);
            ok = false;
        }
        final Exception error = closeBuilt();
        if (error != null)
        {
            failures.add("close: " + error);
            ok = false;
        }
        return ok;
    }

    private void haltHandlers()
    {
        haltHandlers(clock.nanoTime() + config.shutdownTimeout.toNanos());
    }

    private boolean haltHandlers(final long deadlineNs)
    {
        if (disruptor == null)
        {
            return true;
        }
        disruptor.halt();
        boolean ok = true;
        for (final Thread thread : handlerThreads)
        {
            try
            {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - clock.nanoTime())));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            ok &= !thread.isAlive();
        }
        return ok;
    }

    /** Closes everything built so far, newest first, collecting rather than throwing errors. */
    private Exception closeBuilt()
    {
        Exception error = null;
        for (int i = built.size() - 1; i >= 0; i--)
        {
            try
            {
                built.get(i).close();
            }
            catch (final Exception ex)
            {
                if (error == null)
                {
                    error = ex;
                }
                else
                {
                    error.addSuppressed(ex);
                }
            }
        }
        built.clear();
        return error;
    }

    private static long millis(final long nanos)
    {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Override
    public void close()
    {
        shutdown();
    }

    public EngineConfig config()
    {
        return config;
    }

    public EngineCounters counters()
    {
        return counters;
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

    public InstrumentTable instruments()
    {
        return instruments;
    }

    public int bookCount()
    {
        return instruments.size();
    }

    /** Launches (or relaunches) a configured feed group. */
    public FeedGroup launch(final String groupName)
    {
        return feeds().launch(groupName);
    }

    /** Cancels a feed group; completes when its sockets are released. */
    public java.util.concurrent.CompletableFuture<FeedGroup> cancel(final String groupName)
    {
        return feeds().cancel(groupName);
    }

    /** Cancels one feed; completes when it is unsubscribed or its connection closed. */
    public java.util.concurrent.CompletableFuture<String> cancelFeed(final String symbol)
    {
        return feeds().cancelFeed(symbol);
    }

    public FeedGroup feedGroup(final String name)
    {
        return feeds().group(name);
    }

    public FeedState feedState(final String symbol)
    {
        return feeds().feedState(symbol);
    }

    /** Completes when the feed's current life ends (CLOSED or FAILED) and its resources are released. */
    public java.util.concurrent.CompletableFuture<String> feedCloseFuture(final String symbol)
    {
        return feeds().closeFuture(symbol);
    }

    /** Feeds per {@link FeedState} ordinal, kept by transitions. */
    private FeedSupervisor feeds()
    {
        if (supervisor == null)
        {
            throw new IllegalStateException("this engine replays a journal; it has no feeds");
        }
        return supervisor;
    }

    public int[] feedsByState()
    {
        return supervisor == null ? new int[FeedState.values().length] : supervisor.feedsByState();
    }

    /**
     * Completes, with the number of records read, when a journal replay ({@link EngineConfig#replayJournalDir})
     * has published the whole journal; never for a venue feed.
     */
    public CompletionStage<Long> sourceDone()
    {
        return replaySource == null ? new CompletableFuture<Long>().minimalCompletionStage() :
            replaySource.done().minimalCompletionStage();
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

    private static final class CountingExceptionHandler implements ExceptionHandler<DepthEvent>
    {
        private final EngineCounters counters;

        CountingExceptionHandler(final EngineCounters counters)
        {
            this.counters = counters;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final DepthEvent event)
        {
            counters.get(SystemCounter.HANDLER_ERRORS).increment();
            counters.recordError(ex);
            LOG.error("handler failed on sequence {}", sequence, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("handler failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("handler failed to shut down", ex);
        }
    }
}
