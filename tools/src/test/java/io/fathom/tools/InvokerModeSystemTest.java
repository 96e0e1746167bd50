package io.fathom.tools;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.EngineThreading;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.status.SystemCounter;
import io.fathom.tools.replay.JournalWalker;
import io.fathom.tools.sim.SimBook;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An engine in INVOKER mode fed by the simulator over the selector transport, every part of it driven by this test's
 * thread: the I/O agent, journal retention, the feed supervisor, the snapshot fetcher (whose REST answers complete on
 * the HTTP client's threads and are taken up in the fetcher's duty cycle), both handlers, the status agent and, with
 * books published over Aeron, the publisher with Aeron's client conductor and embedded driver. The engine starts no
 * thread of its own; its books, journal and shutdown report are those of a threaded engine.
 */
class InvokerModeSystemTest
{
    private static final int SYMBOLS = 12;
    private static final long SEED = 11;
    private static final Set<String> ENGINE_THREADS = Set.of(
        "fathom-handler-", "feed-supervisor", "snapshot-fetcher", "fathom-io-", "fathom-status", "fathom-journal-retention");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> LIBRARY_THREADS = Set.of("fathom-snapshot-http", "HttpClient-",
        "background~resource~releaser", "main/disk~space~checker", "process reaper");

    @TempDir
    Path dir;

    @Test
    void theTestThreadDrivesEveryPartAndTheBooksMatchTheSimulators() throws Exception
    {
        final Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
        final List<Call> live = new ArrayList<>();
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(3_000).seed(SEED).wsPort(0).restPort(0)))
        {
            final Set<Thread> before = Thread.getAllStackTraces().keySet();
            final Engine engine = Engine.launch(new EngineContext()
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .transport(Transport.SELECTOR)
                .engineThreading(EngineThreading.INVOKER)
                .streamsPerConnection(4)
                .snapshotRatePerSecond(1_000)
                .connectRatePerSecond(100)
                .connectBurst(10)
                .bookListener(new RecordingListener(callbackThreads, live))
                .journalRetention(RetentionPolicy.parse("7d"))
                .feedListener((symbol, from, to, cause, epochNs) -> callbackThreads.add("feed:" + Thread.currentThread().getName()))
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile()));
            final ShutdownReport report;
            try
            {
                assertThat(engineThreads()).as("threads of the engine's own").isEmpty();
                invokeUntil(engine, () -> engine.booksLive() == SYMBOLS, "every book live");
                final long seen = engine.counters().value(SystemCounter.DELTAS_APPLIED);
                invokeUntil(engine, () -> engine.counters().value(SystemCounter.DELTAS_APPLIED) > seen + 1_000, "deltas flowing");
                assertThat(threadsSince(before)).as("threads started since launch, the HTTP client's aside").isEmpty();

                final Throwable elsewhere = catchThrowable(() -> CompletableFuture.supplyAsync(engine::invoke).get(10, TimeUnit.SECONDS));
                assertThat(elsewhere).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("driven by one thread");
                assertThat(engineThreads()).as("threads of the engine's own").isEmpty();
                assertThat(engine.counters().value(SystemCounter.SNAPSHOT_FAILURES)).isZero();
            }
            finally
            {
                report = engine.shutdown();
            }

            final String me = Thread.currentThread().getName();
            assertThat(callbackThreads).as("threads the handlers and the supervisor called back on")
                .containsExactlyInAnyOrder("book:" + me, "feed:" + me);
            assertThatThrownBy(engine::invoke).isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");

            assertThat(report.failures()).isEmpty();
            assertThat(report.clean()).isTrue();
            assertThat(report.threadName()).isEqualTo(me);
            final long published = engine.counters().value(SystemCounter.EVENTS_PUBLISHED);
            final long consumed = engine.counters().value(SystemCounter.EVENTS_CONSUMED);
            assertThat(consumed).as("every published event handled").isEqualTo(published);
            assertThat(engine.counters().value(SystemCounter.EVENTS_APPLIED) +
                engine.counters().value(SystemCounter.EVENTS_DISCARDED)).isEqualTo(consumed);
            assertThat(engine.counters().value(SystemCounter.RING_FULL_DROPS)).isZero();
            assertThat(engine.counters().value(SystemCounter.GAPS)).isZero();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            assertThat(engine.counters().value(SystemCounter.HANDLER_ERRORS)).isZero();

            final Journaled journaled = readJournal(dir.resolve("journal"));
            assertThat(journaled.deltas).as("every applied delta journaled").isEqualTo(engine.counters().value(SystemCounter.DELTAS_APPLIED));
            assertThat(journaled.finals).as("final snapshots").isEqualTo(SYMBOLS);

            final DepthMessage scratch = new DepthMessage(SimBook.MAX_DIFF_LEVELS * 4);
            for (int id = 0; id < SYMBOLS; id++)
            {
                final OrderBook book = engine.bookHandler().book(id);
                final SimBook expected = SimBook.create(id, SEED);
                assertThat(expected.advanceTo(book.updateId(), scratch))
                    .as("simulator reaches update id %d of %s", book.updateId(), simulator.symbol(id)).isTrue();
                SimBookAssertions.assertSameLevels(simulator.symbol(id), book, expected);
            }

            assertThat(live).as("listener calls of the live run").hasSizeGreaterThan(1_000);
            assertThat(replayInvoked(simulator.symbols(), callbackThreads)).as("listener calls of the journal replayed")
                .hasSameSizeAs(live).containsExactlyElementsOf(live);
            assertThat(callbackThreads).as("threads the replay called back on").containsExactlyInAnyOrder("book:" + me, "feed:" + me);
        }
    }

    /** The journal replayed through an engine in INVOKER mode, its replay agent driven by this thread too. */
    private List<Call> replayInvoked(final List<String> symbols, final Set<String> callbackThreads)
    {
        final List<Call> replayed = new ArrayList<>();
        final Engine engine = Engine.launch(new EngineContext()
            .symbols(symbols)
            .replayJournal(dir.resolve("journal").toFile())
            .engineThreading(EngineThreading.INVOKER)
            .bookListener(new RecordingListener(callbackThreads, replayed))
            .runDir(dir.resolve("replay-run").toFile())
            .journal(false));
        final ShutdownReport report;
        try
        {
            assertThat(engineThreads()).as("threads of the engine's own").isEmpty();
            invokeUntil(engine, () -> engine.sourceDone().toCompletableFuture().isDone(), "the journal replayed");
        }
        finally
        {
            report = engine.shutdown();
        }
        assertThat(report.clean()).as(report.failures().toString()).isTrue();
        assertThat(engine.sourceDone().toCompletableFuture()).isCompletedWithValueMatching(records -> records > 0);
        return replayed;
    }

    @Test
    void publishesOverAeronInvokedAndShutsDownFromAnotherThreadWhenTheCallerHasStoppedInvoking() throws Exception
    {
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(4).ratePerSecond(2_000).seed(SEED).wsPort(0).restPort(0)))
        {
            final Set<Thread> before = Thread.getAllStackTraces().keySet();
            final EngineContext context = new EngineContext()
                .symbols(simulator.symbols())
                .url(simulator.wsUrl())
                .restUrl(simulator.restUrl())
                .transport(Transport.SELECTOR)
                .engineThreading(EngineThreading.INVOKER)
                .connectRatePerSecond(100)
                .shutdownTimeout(Duration.ofSeconds(5))
                .runDir(dir.resolve("run").toFile())
                .journalDir(dir.resolve("journal").toFile());
            context.publish().channel("aeron:ipc");
            final Engine engine = Engine.launch(context);
            invokeUntil(engine, () -> engine.booksLive() == 4, "every book live");
            assertThat(threadsSince(before)).as("threads started since launch, the HTTP client's aside").isEmpty();

            // a subscriber of its own, on another thread, as a strategy process would be: its requests to the engine's
            // embedded driver are answered only while this thread invokes the engine
            final CompletableFuture<Aeron> connecting = CompletableFuture.supplyAsync(() ->
                Aeron.connect(new Aeron.Context().aeronDirectoryName(engine.publishAeronDir().getPath())));
            invokeUntil(engine, connecting::isDone, "the subscriber connected to the engine's driver");
            try (Aeron subscriber = connecting.get())
            {
                final CompletableFuture<Subscription> adding = CompletableFuture.supplyAsync(() ->
                    subscriber.addSubscription("aeron:ipc", context.publish().streamId()));
                invokeUntil(engine, adding::isDone, "the subscription added");
                final Subscription subscription = adding.get();
                final long[] fragments = new long[1];
                invokeUntil(engine, () ->
                {
                    fragments[0] += subscription.poll((buffer, offset, length, header) -> { }, 100);
                    return fragments[0] > 0 && engine.counters().value(SystemCounter.PUBLISH_MESSAGES) > 0;
                }, "books published and received");
            }

            // the caller stops invoking: frames still arrive on the sockets, read by no one until the shutdown aborts them
            final ShutdownReport report = CompletableFuture.supplyAsync(engine::shutdown).get(30, TimeUnit.SECONDS);

            assertThat(report.failures()).isEmpty();
            assertThat(report.clean()).isTrue();
            assertThat(report.threadName()).isNotEqualTo(Thread.currentThread().getName());
            assertThat(engine.counters().value(SystemCounter.EVENTS_CONSUMED))
                .isEqualTo(engine.counters().value(SystemCounter.EVENTS_PUBLISHED));
            assertThat(readJournal(dir.resolve("journal")).finals).isEqualTo(4);
            assertThatThrownBy(engine::invoke).isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
        }
    }

    /**
     * Threads alive now that were not before, but those of the libraries that keep their own: the JDK HTTP client's
     * (the snapshot fetcher's requests) and Chronicle's (its resource releaser and disk-space checker, started once a
     * JVM by the first queue opened, and the JDK's process reaper it brings).
     */
    private static Set<String> threadsSince(final Set<Thread> before)
    {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread)).map(Thread::getName)
            .filter(name -> LIBRARY_THREADS.stream().noneMatch(name::startsWith))
            .collect(Collectors.toSet());
    }

    /** Calls {@code invoke()} until the condition holds, idling when a cycle found nothing; fails at the deadline. */
    private static void invokeUntil(final Engine engine, final BooleanSupplier condition, final String what)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + TIMEOUT + " invoking the engine until " + what +
                    ": books live " + engine.booksLive());
            }
            idle.idle(engine.invoke());
        }
    }

    private static Set<String> engineThreads()
    {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
            .filter(name -> ENGINE_THREADS.stream().anyMatch(name::startsWith)).collect(Collectors.toSet());
    }

    private static Journaled readJournal(final Path directory)
    {
        final Journaled journaled = new Journaled();
        try (JournalReader reader = new JournalReader(directory.toFile()))
        {
            reader.readAll(new JournalWalker().add(journaled));
        }
        return journaled;
    }

    /** Counts the journal's deltas and final snapshots. */
    private static final class Journaled implements JournalWalker.Listener
    {
        long deltas;
        int finals;

        @Override
        public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
        {
            deltas++;
        }

        @Override
        public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
        {
            if (snapshot.reason() == SnapshotRecord.REASON_FINAL)
            {
                finals++;
            }
        }
    }

    /** One listener call. */
    private record Call(int instrumentId, long updateId, boolean topChanged, double pressure)
    {
    }

    /** Records each book callback and the thread it runs on. */
    private record RecordingListener(Set<String> threads, List<Call> calls) implements BookListener
    {
        @Override
        public void onBookUpdate(final OrderBook book, final boolean topChanged, final double volumePressure)
        {
            threads.add("book:" + Thread.currentThread().getName());
            calls.add(new Call(book.instrumentId(), book.updateId(), topChanged, volumePressure));
        }
    }
}
