package io.fathom.engine.journal;

import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.engine.sync.BookSync;
import io.fathom.codec.Venue;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted live run through the real book and journal handlers (syncs whose buffered stream starts
 * before the snapshot, a sync the snapshot fully covers, multi-part messages, a book side at capacity,
 * a gap, a crossed book, a lost connection, periodic snapshots and an engine restart), then its journal
 * replayed through a fresh book handler: the listener sees the same calls, with the same signal
 * values, in the same order.
 */
class JournalReplayTest
{
    private static final int LEVELS_PER_EVENT = 4;
    private static final int CAPACITY = 8;
    private static final int PRESSURE_DEPTH = 3;
    private static final long T0_NS = 1_800_000_000_000_000_000L;
    private static final List<String> SYMBOLS = List.of("XUSD", "YUSD");

    /** One listener call: what a strategy would have seen. */
    record Call(int instrumentId, long updateId, boolean topChanged, double pressure)
    {
    }

    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final long[] nowNs = { 0 };
    private final NanoClock clock = () -> nowNs[0];
    private long epochNs = T0_NS;
    private final EpochNanoClock epochClock = () -> epochNs;

    @AfterEach
    void close() throws Exception
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            closeables.get(i).close();
        }
    }

    @Test
    void replayThroughTheBookHandlerMakesTheLiveListenerCallsValueByValue()
    {
        final List<Call> live = new ArrayList<>();
        final List<OrderBook> liveBooks = runLive(live);

        final List<Call> replayed = new ArrayList<>();
        final EngineCounters counters = track(counters("replay-run"));
        final BookHandler handler = bookHandler(counters, null, 0, replayed);
        final HandlerRing ring = new HandlerRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
        final JournalReplaySource source = new JournalReplaySource(
            new ReplaySettings(dir.resolve("live").toFile(), ReplaySpeed.MAX), VenueInstruments.of("binance", SYMBOLS),
            new ReplayServices(ring.publisher(), counters, clock));
        source.onStart();
        while (!source.done().isDone())
        {
            source.doWork();
            ring.drain();
        }
        source.onClose();

        assertThat(live).as("the script exercises the listener").hasSizeGreaterThan(10);
        assertThat(replayed).containsExactlyElementsOf(live);
        for (int id = 0; id < SYMBOLS.size(); id++)
        {
            assertSameBook(handler.book(id), liveBooks.get(id));
        }
        assertThat(source.skippedDeltas()).isZero();
        assertThat(source.shortSyncs()).isZero();
        assertThat(source.unreadableRecords()).isZero();
        assertThat(counters.value(SystemCounter.STALE_SNAPSHOTS)).as("journal snapshots are never stale").isZero();
    }

    @Test
    void recordedSpeedPublishesEachRecordOnceItsRecordedTimeHasPassed()
    {
        final Journal journal = track(new Journal(dir.resolve("paced").toFile()));
        final JournalWriter writer = track(journal.newWriter());
        writer.sessionStart(T0_NS, new SessionRecords.SessionConfig(7, PRESSURE_DEPTH, CAPACITY, 0, ""), instruments());
        final EngineCounters liveCounters = track(counters("paced-live"));
        final SnapshotSlots slots = new SnapshotSlots(4);
        final BookHandler journaled = new BookHandler(
            HandlerSettings.of(2, CAPACITY).withPressureDepth(PRESSURE_DEPTH), BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(liveCounters).withSlots(slots).withClocks(clock, epochClock));
        final HandlerRing live = new HandlerRing(LEVELS_PER_EVENT, liveCounters.get(SystemCounter.EVENTS_PUBLISHED),
            List.of(journaled, new JournalHandler(writer, slots, liveCounters, new org.HdrHistogram.Recorder(3))));
        epochNs = T0_NS;
        live.publish(0, delta(10, 10, BID, 100, 9), T0_NS);
        live.publish(0, delta(11, 11, BID, 100, 1), T0_NS);
        live.publish(0, snapshot(10, new long[][]{ { 100, 5 } }, new long[][]{ { 101, 5 } }), T0_NS);
        live.publish(0, delta(12, 12, BID, 100, 2), T0_NS + 1_000_000_000L);
        live.publish(0, delta(13, 13, BID, 100, 3), T0_NS + 2_000_000_000L);

        final List<Call> calls = new ArrayList<>();
        final EngineCounters counters = track(counters("paced-replay"));
        final BookHandler handler = bookHandler(counters, null, 0, calls);
        final HandlerRing ring = new HandlerRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
        final JournalReplaySource source = new JournalReplaySource(
            new ReplaySettings(dir.resolve("paced").toFile(), ReplaySpeed.RECORDED), VenueInstruments.of("binance", SYMBOLS),
            new ReplayServices(ring.publisher(), counters, clock));
        nowNs[0] = 5_000;
        source.onStart();
        runUntilIdle(source, ring);
        assertThat(calls).extracting(Call::updateId).containsExactly(11L);

        nowNs[0] += 999_999_999L;
        runUntilIdle(source, ring);
        assertThat(calls).extracting(Call::updateId).containsExactly(11L);

        nowNs[0] += 1L;
        runUntilIdle(source, ring);
        assertThat(calls).extracting(Call::updateId).containsExactly(11L, 12L);
        assertThat(source.done()).isNotDone();

        nowNs[0] += 1_000_000_000L;
        runUntilIdle(source, ring);
        assertThat(calls).extracting(Call::updateId).containsExactly(11L, 12L, 13L);
        assertThat(source.done()).isDone();
        source.onClose();
    }

    private static void runUntilIdle(final JournalReplaySource source, final HandlerRing ring)
    {
        while (source.doWork() > 0)
        {
            ring.drain();
        }
        ring.drain();
    }

    private List<OrderBook> runLive(final List<Call> calls)
    {
        final Journal journal = track(new Journal(dir.resolve("live").toFile()));
        final JournalWriter flushWriter = track(journal.newWriter());
        final JournalWriter handlerWriter = track(journal.newWriter());
        flushWriter.sessionStart(epochNs, new SessionRecords.SessionConfig(1, PRESSURE_DEPTH, CAPACITY, 1, ""), instruments());

        EngineCounters counters = track(counters("live-run-1"));
        SnapshotSlots slots = new SnapshotSlots(8);
        BookHandler handler = bookHandler(counters, slots, 1_000, calls);
        HandlerRing ring = new HandlerRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED),
            List.of(handler, new JournalHandler(handlerWriter, slots, counters, new org.HdrHistogram.Recorder(3))));

        publish(ring, 0, delta(95, 100, BID, 99, 4));
        publish(ring, 0, delta(101, 103, BID, 100, 5, ASK, 104, 1, BID, 98, 2, ASK, 105, 3, BID, 97, 8, ASK, 106, 1));
        publish(ring, 1, delta(50, 52, BID, 20, 1));
        publish(ring, 0, snapshot(100, levels(100, -1, 10), levels(101, 1, 10)));
        publish(ring, 1, delta(53, 55, ASK, 22, 4, BID, 21, 2));
        publish(ring, 1, snapshot(52, levels(20, -1, 3), levels(23, 1, 3)));
        assertThat(counters.value(SystemCounter.STALE_SNAPSHOTS)).as("a venue snapshot with id U-1 is not stale here").isZero();
        publish(ring, 0, delta(104, 106, BID, 100, 0, BID, 99, 7, ASK, 101, 0, ASK, 102, 9, BID, 96, 1, ASK, 110, 2,
            BID, 95, 3, ASK, 111, 2, BID, 94, 1));
        nowNs[0] += 2_000;
        publish(ring, 1, delta(56, 56, BID, 21, 0));
        publish(ring, 0, delta(107, 107, ASK, 102, 1));
        publish(ring, 0, delta(108, 108, BID, 99, 3));
        publish(ring, 0, delta(112, 113, BID, 99, 1));
        publish(ring, 0, delta(114, 115, BID, 98, 6));
        publish(ring, 0, delta(116, 118, BID, 99, 5, ASK, 102, 4, ASK, 103, 0, BID, 93, 2, BID, 92, 2));
        publish(ring, 0, snapshot(114, levels(99, -1, 5), levels(102, 1, 5)));
        publish(ring, 1, delta(57, 57, BID, 30, 1));
        publish(ring, 1, delta(58, 59, BID, 19, 1));
        publish(ring, 1, snapshot(58, levels(20, -1, 4), levels(22, 1, 4)));
        publish(ring, 1, delta(60, 60, ASK, 22, 0, ASK, 23, 6));
        ring.publishReset(0, epochNs += 1_000);
        publish(ring, 0, delta(130, 131, ASK, 104, 2));
        publish(ring, 0, snapshot(129, levels(99, -1, 6), levels(103, 1, 6)));
        publish(ring, 0, delta(132, 132, BID, 99, 0, BID, 98, 0));

        assertThat(counters.value(SystemCounter.GAPS)).as("gaps in the first session").isEqualTo(1);
        assertThat(counters.value(SystemCounter.CROSSED_BOOKS)).as("crossed books in the first session").isEqualTo(1);
        assertThat(handlerWriter.snapshotRecords()).as("sync and periodic snapshots").isGreaterThan(5);

        final List<OrderBook> books = new ArrayList<>();
        epochNs += 1_000_000;
        flushWriter.sessionStart(epochNs, new SessionRecords.SessionConfig(2, PRESSURE_DEPTH, CAPACITY, 1, ""), instruments());
        counters = track(counters("live-run-2"));
        slots = new SnapshotSlots(8);
        handler = bookHandler(counters, slots, 1_000, calls);
        ring = new HandlerRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED),
            List.of(handler, new JournalHandler(handlerWriter, slots, counters, new org.HdrHistogram.Recorder(3))));
        publish(ring, 1, delta(70, 71, BID, 20, 2));
        publish(ring, 1, snapshot(70, levels(20, -1, 3), levels(21, 1, 3)));
        publish(ring, 0, delta(200, 201, ASK, 101, 1));
        publish(ring, 0, snapshot(201, levels(100, -1, 2), levels(101, 1, 2)));
        publish(ring, 1, delta(72, 72, ASK, 21, 0, ASK, 22, 1));
        publish(ring, 0, delta(202, 202, BID, 100, 9));
        for (int id = 0; id < SYMBOLS.size(); id++)
        {
            books.add(handler.book(id));
        }
        assertThat(counters.value(SystemCounter.GAPS) + counters.value(SystemCounter.CROSSED_BOOKS)).isZero();
        return books;
    }

    private void publish(final HandlerRing ring, final int instrumentId, final DepthMessage message)
    {
        epochNs += 1_000;
        ring.publish(instrumentId, message, epochNs);
    }

    private BookHandler bookHandler(
        final EngineCounters counters, final SnapshotSlots slots, final long intervalNs, final List<Call> calls)
    {
        final BookListener listener = (book, topChanged, pressure) ->
            calls.add(new Call(book.instrumentId(), book.updateId(), topChanged, pressure));
        return new BookHandler(
            HandlerSettings.of(SYMBOLS.size(), CAPACITY).withPressureDepth(PRESSURE_DEPTH).withSnapshotIntervalNs(intervalNs),
            BookSync.forVenue(Venue.BINANCE, 0),
            BookCollaborators.of(counters).withSlots(slots).withListener(listener).withClocks(clock, epochClock));
    }

    private static List<SessionRecords.Instrument> instruments()
    {
        return List.of(
            new SessionRecords.Instrument(0, "binance", SYMBOLS.get(0), 8, 8),
            new SessionRecords.Instrument(1, "binance", SYMBOLS.get(1), 8, 8));
    }

    private static DepthMessage delta(final long first, final long last, final long... levels)
    {
        final DepthMessage message = new DepthMessage(64).kind(DepthMessage.KIND_DELTA).firstUpdateId(first).lastUpdateId(last);
        for (int i = 0; i < levels.length; i += 3)
        {
            message.addLevel((byte)levels[i], levels[i + 1], levels[i + 2]);
        }
        return message;
    }

    private static DepthMessage snapshot(final long lastUpdateId, final long[][] bids, final long[][] asks)
    {
        final DepthMessage message = new DepthMessage(64).kind(DepthMessage.KIND_SNAPSHOT).lastUpdateId(lastUpdateId);
        for (final long[] level : bids)
        {
            message.addLevel(BID, level[0], level[1]);
        }
        for (final long[] level : asks)
        {
            message.addLevel(ASK, level[0], level[1]);
        }
        return message;
    }

    /** {@code count} levels from {@code best}, one tick apart away from the touch, quantities 1, 2, 3, ... */
    private static long[][] levels(final long best, final long direction, final int count)
    {
        final long[][] levels = new long[count][];
        for (int i = 0; i < count; i++)
        {
            levels[i] = new long[]{ best + direction * i, i + 1 };
        }
        return levels;
    }

    private static void assertSameBook(final OrderBook actual, final OrderBook expected)
    {
        assertThat(actual.updateId()).isEqualTo(expected.updateId());
        assertThat(actual.bids().size()).isEqualTo(expected.bids().size());
        assertThat(actual.asks().size()).isEqualTo(expected.asks().size());
        for (int i = 0; i < expected.bids().size(); i++)
        {
            assertThat(actual.bids().price(i)).isEqualTo(expected.bids().price(i));
            assertThat(actual.bids().quantity(i)).isEqualTo(expected.bids().quantity(i));
        }
        for (int i = 0; i < expected.asks().size(); i++)
        {
            assertThat(actual.asks().price(i)).isEqualTo(expected.asks().price(i));
            assertThat(actual.asks().quantity(i)).isEqualTo(expected.asks().quantity(i));
        }
    }

    private EngineCounters counters(final String name)
    {
        final java.io.File runDir = dir.resolve(name).toFile();
        assertThat(runDir.mkdirs()).isTrue();
        return new EngineCounters(runDir);
    }

    private <T extends AutoCloseable> T track(final T closeable)
    {
        closeables.add(closeable);
        return closeable;
    }
}
