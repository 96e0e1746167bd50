package io.fathom.engine;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.FeedConnection;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.feed.InstrumentTable;
import io.fathom.engine.feed.RateLimiter;
import io.fathom.engine.feed.SnapshotFetcher;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
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
import java.util.Locale;
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
    private AgentRunner fetcherRunner;
    private AgentRunner supervisorRunner;
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
        counters = track(new EngineCounters(config.runDir));
        journal = track(new Journal(config.journalDir));
        flushWriter = journal.newWriter();
        final JournalWriter handlerWriter = journal.newWriter();

        disruptor = new Disruptor<>(
            () -> new DepthEvent(config.levelsPerEvent),
            config.ringSize,
            this::newHandlerThread,
            ProducerType.MULTI,
            new SleepingWaitStrategy(200, 50_000));
        ring = disruptor.getRingBuffer();
        gate = new ProducerGate();

        final BinanceDepthDecoder snapshotDecoder = new BinanceDepthDecoder(8, 8);
        fetcher = new SnapshotFetcher(
            config.restBaseUrl, config.snapshotDepthLimit, instruments,
            new DepthPublisher(ring, gate, config.levelsPerEvent), snapshotDecoder,
            new RateLimiter(config.snapshotRatePerSecond, Math.max(1, (int)Math.ceil(config.snapshotRatePerSecond)),
                clock.nanoTime()),
            config.snapshotTimeout, counters, clock, epochClock);

        final SnapshotSlots slots = new SnapshotSlots(config.snapshotSlots);
        bookHandler = new BookHandler(
            instruments.size(), config.bookCapacityPerSide, config.pendingMaxLevels, config.pressureDepth,
            config.journalSnapshotInterval.toNanos(), counters, slots, fetcher, config.listener,
            latency.recorder(), clock, epochClock);
        journalHandler = new JournalHandler(handlerWriter, slots, counters, epochClock);
        disruptor.handleEventsWith(bookHandler).then(journalHandler);
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));

        flushWriter.sessionStart(epochClock.nanoTime(), instrumentTable());
        disruptor.start();
        built.add(this::haltHandlers);

        fetcherRunner = track(new AgentRunner(
            new SleepingMillisIdleStrategy(1), this::onAgentError, null, fetcher));
        AgentRunner.startOnThread(fetcherRunner);

        supervisor = new FeedSupervisor(
            connectionSpecs(), this::newConnection, new DepthPublisher(ring, gate, config.levelsPerEvent),
            new RateLimiter(config.connectRatePerSecond, config.connectBurst, clock.nanoTime()),
            config.maxConnectsInFlight, config.backoffBase.toNanos(), config.backoffCap.toNanos(),
            config.maxConnectAttempts, counters, clock, epochClock);
        supervisorRunner = track(new AgentRunner(
            new SleepingMillisIdleStrategy(1), this::onAgentError, null, supervisor));
        AgentRunner.startOnThread(supervisorRunner);
        LOG.info("engine started: {} instruments on {} connections, journal {}",
            instruments.size(), supervisor.connectionCount(), config.journalDir);
    }

    private List<SessionRecords.Instrument> instrumentTable()
    {
        final List<SessionRecords.Instrument> table = new ArrayList<>(instruments.size());
        for (int id = 0; id < instruments.size(); id++)
        {
            table.add(new SessionRecords.Instrument(id, config.venue, instruments.symbol(id), 8, 8));
        }
        return table;
    }

    private List<FeedSupervisor.ConnectionSpec> connectionSpecs()
    {
        final List<FeedSupervisor.ConnectionSpec> specs = new ArrayList<>();
        final int perConnection = config.streamsPerConnection;
        for (int first = 0; first < instruments.size(); first += perConnection)
        {
            final int count = Math.min(perConnection, instruments.size() - first);
            final int[] ids = new int[count];
            final StringBuilder streams = new StringBuilder(config.wsBaseUrl).append("/stream?streams=");
            for (int i = 0; i < count; i++)
            {
                ids[i] = first + i;
                if (i > 0)
                {
                    streams.append('/');
                }
                streams.append(instruments.symbol(first + i).toLowerCase(Locale.ROOT)).append("@depth@100ms");
            }
            specs.add(new FeedSupervisor.ConnectionSpec(URI.create(streams.toString()), ids));
        }
        return specs;
    }

    private FeedConnection newConnection(final Integer connectionId, final FeedSupervisor.ConnectionSpec spec)
    {
        return new FeedConnection(
            spec.uri(), connectionId, spec.instrumentIds(), instruments,
            new DepthPublisher(ring, gate, config.levelsPerEvent), new BinanceDepthDecoder(8, 8),
            config.maxLevelsPerMessage, counters, epochClock, (int)config.connectTimeout.toMillis(), supervisor);
    }

    private Thread newHandlerThread(final Runnable runnable)
    {
        final Thread thread = new Thread(runnable, "fathom-handler-" + handlerThreads.size());
        handlerThreads.add(thread);
        return thread;
    }

    private void onAgentError(final Throwable error)
    {
        counters.get(SystemCounter.HANDLER_ERRORS).increment();
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
            millis(endNs - flushedNs), millis(endNs - startNs), halted, drained, flushed, closed, List.copyOf(failures));
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
        latency.sampleInterval();
        try
        {
            CloseHelper.closeAll(flushWriter, journalHandler.writer());
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
