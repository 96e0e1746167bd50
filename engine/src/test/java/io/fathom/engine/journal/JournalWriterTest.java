package io.fathom.engine.journal;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.JournalHeader;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.ring.DepthEvent;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

class JournalWriterTest
{
    private static final SessionRecords.SessionConfig CONFIG = new SessionRecords.SessionConfig(42, 10, 2048, 60_000, "venue=binance");
    private static final List<SessionRecords.Instrument> INSTRUMENTS =
        List.of(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 8));

    @TempDir
    Path dir;

    @Test
    void writesEveryRecordKindAtTheCurrentVersionAndTheReaderChecksEachWhole()
    {
        try (Journal journal = new Journal(dir.toFile()); JournalWriter writer = journal.newWriter())
        {
            writer.sessionStart(1L, CONFIG, INSTRUMENTS);
            final DepthEvent event = new DepthEvent(4);
            event.kind = DepthEvent.KIND_DELTA;
            event.partCount = 1;
            event.firstUpdateId = 5;
            event.lastUpdateId = 6;
            event.previousUpdateId = -1;
            event.receiveEpochNs = 2L;
            event.levelCount = 2;
            event.sides[0] = BID;
            event.prices[0] = 100;
            event.quantities[0] = 3;
            event.sides[1] = ASK;
            event.prices[1] = 101;
            event.quantities[1] = 0;
            writer.delta(event);
            final OrderBook book = new OrderBook(0, 16);
            book.set(BID, 100, 3);
            book.set(ASK, 102, 4);
            book.updateId(6);
            writer.snapshot(book, SnapshotRecord.REASON_FINAL, true, 3L);
            writer.bookState(0, BookStateRecord.REASON_GAP, 6, 9, 10, 4L);
            writer.feedState(0, 3, FeedState.LIVE, FeedState.BACKOFF, "remote close 1006", 5L);
            writer.sessionEnd(6L, true, writer.deltaRecords(), writer.snapshotRecords());
            assertThat(writer.records()).isEqualTo(6);
        }

        final List<JournalTemplate> templates = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir.toFile()))
        {
            reader.readAll(new JournalReader.Visitor()
            {
                @Override
                public void onRecord(final JournalTemplate template, final UnsafeBuffer buffer,
                    final int length, final long index)
                {
                    assertThat(JournalHeader.version(buffer, 0)).isEqualTo(JournalHeader.SCHEMA_VERSION);
                    templates.add(template);
                    if (template == JournalTemplate.DELTA)
                    {
                        final DeltaRecord delta = DeltaRecord.reader().wrap(buffer, 0);
                        assertThat(delta.lastUpdateId()).isEqualTo(6);
                        assertThat(delta.quantity(1)).isZero();
                    }
                    else if (template == JournalTemplate.BOOK_STATE)
                    {
                        assertThat(BookStateRecord.reader().wrap(buffer, 0).triggerFirstUpdateId()).isEqualTo(9);
                    }
                    else if (template == JournalTemplate.FEED_STATE)
                    {
                        final FeedStateRecord state = FeedStateRecord.reader().wrap(buffer, 0);
                        assertThat(FeedStateRecord.stateName(state.fromState())).isEqualTo("live");
                        assertThat(FeedStateRecord.stateName(state.toState())).isEqualTo("backoff");
                        assertThat(state.connectionId()).isEqualTo(3);
                        assertThat(state.cause()).isEqualTo("remote close 1006");
                    }
                    else if (template == JournalTemplate.SESSION_END)
                    {
                        assertThat(SessionRecords.decodeEnd(buffer, 0, length))
                            .isEqualTo(new SessionRecords.SessionEnd(6L, true, 1, 1, 42));
                    }
                }

                @Override
                public void onUnknown(final int schemaId, final int version, final int templateId, final long index)
                {
                    problems.add("unknown " + templateId);
                }

                @Override
                public void onMalformed(final JournalTemplate template, final String problem, final long index)
                {
                    problems.add(problem);
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(templates).containsExactly(JournalTemplate.SESSION_START, JournalTemplate.DELTA, JournalTemplate.SNAPSHOT,
            JournalTemplate.BOOK_STATE, JournalTemplate.FEED_STATE, JournalTemplate.SESSION_END);
    }

    @Test
    void everyFeedStateHasItsOwnStableCodeNamedLikeTheState()
    {
        final Set<Byte> codes = new HashSet<>();
        for (final FeedState state : FeedState.values())
        {
            final byte code = JournalWriter.code(state);
            assertThat(FeedStateRecord.stateName(code)).isEqualTo(state.label());
            codes.add(code);
        }
        assertThat(codes).hasSize(FeedState.values().length).doesNotContain(FeedStateRecord.STATE_UNKNOWN);
    }

    @Test
    void repeatsTheSessionStartAheadOfEachWritersFirstRecordInANewRollCycleFile()
    {
        final SetTimeProvider time = new SetTimeProvider(Instant.parse("2026-11-22T10:00:00.100Z"));
        try (Journal journal = new Journal(dir.toFile(), TestRollCycles.TEST_SECONDLY, time, RetentionPolicy.NONE, RetentionCounters.NONE);
            JournalWriter flushWriter = journal.newWriter();
            JournalWriter handlerWriter = journal.newWriter())
        {
            flushWriter.sessionStart(1L, CONFIG, INSTRUMENTS);
            handlerWriter.bookState(0, BookStateRecord.REASON_GAP, 1, 2, 3, 1L);
            time.advanceMillis(1_000);
            handlerWriter.bookState(0, BookStateRecord.REASON_GAP, 4, 5, 6, 2L);
            handlerWriter.bookState(0, BookStateRecord.REASON_GAP, 7, 8, 9, 3L);
            time.advanceMillis(2_000);
            handlerWriter.bookState(0, BookStateRecord.REASON_GAP, 10, 11, 12, 4L);
            flushWriter.sessionEnd(5L, true, 0, 0);
            assertThat(handlerWriter.records()).as("3 book states and 2 continuations").isEqualTo(6);
        }

        final List<String> firstInEachCycle = new ArrayList<>();
        final List<String> all = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir.toFile()))
        {
            final int[] cycle = { Integer.MIN_VALUE };
            reader.readAll((template, buffer, length, index) ->
            {
                String label = template.label();
                if (template == JournalTemplate.SESSION_START)
                {
                    final SessionRecords.SessionStart start = SessionRecords.decodeStart(buffer, 0, length);
                    assertThat(start.config()).isEqualTo(CONFIG);
                    assertThat(start.instruments()).isEqualTo(INSTRUMENTS);
                    label = start.continuation() ? "continued" : "start";
                }
                all.add(label);
                if (reader.cycleOf(index) != cycle[0])
                {
                    cycle[0] = reader.cycleOf(index);
                    firstInEachCycle.add(label);
                }
            });
        }
        assertThat(firstInEachCycle).containsExactly("start", "continued", "continued");
        assertThat(all).containsExactly(
            "start", "book_state", "continued", "book_state", "book_state", "continued", "book_state", "continued", "session_end");
    }

    @Test
    void recordsAcrossManyMappedChunksAreEncodedInPlaceAndReadBackWhole()
    {
        final Path queueDir = dir.resolve("small-blocks");
        try (Journal journal = new Journal(dir.resolve("session").toFile());
            SingleChronicleQueue queue = ChronicleQueue.singleBuilder(queueDir.toFile()).testBlockSize().build())
        {
            final SplittableRandom random = new SplittableRandom(7);
            final List<byte[]> expected = new ArrayList<>();
            final int largest = (int)(queue.overlapSize() / DeltaRecord.LEVEL_LENGTH) - 64;
            try (JournalWriter writer = new JournalWriter(journal, queue.createAppender(), queue.time(),
                queue.rollCycle().lengthInMillis(), queue.epoch()))
            {
                final DepthEvent event = delta(largest);
                long written = 0;
                for (int r = 0; written < 20 * queue.blockSize(); r++)
                {
                    randomLevels(event, r, random.nextInt(4) == 0 ? largest - random.nextInt(largest / 2) : random.nextInt(12), random);
                    writer.delta(event);
                    final byte[] record = encoded(event);
                    expected.add(record);
                    written += record.length;
                }
                assertThat(writer.copiedRecords()).as("records copied instead of encoded in place").isZero();
                assertThat(writer.deltaRecords()).isEqualTo(expected.size());
            }
            assertThat(documents(queue)).usingElementComparator(Arrays::compare).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aReaderFollowingTheJournalSeesOnlyWholeRecordsWhileTheyAreEncodedInPlace() throws Exception
    {
        final int count = 20_000;
        try (Journal journal = new Journal(dir.toFile()))
        {
            final ExecutorService writing = Executors.newSingleThreadExecutor();
            try
            {
                final Future<Long> copied = writing.submit(() ->
                {
                    try (JournalWriter writer = journal.newWriter())
                    {
                        final DepthEvent event = delta(64);
                        final SplittableRandom random = new SplittableRandom(11);
                        for (int r = 0; r < count; r++)
                        {
                            randomLevels(event, r, random.nextInt(65), new SplittableRandom(r));
                            writer.delta(event);
                        }
                        return writer.copiedRecords();
                    }
                });
                final ExcerptTailer tailer = journal.queue().createTailer();
                final SplittableRandom random = new SplittableRandom(11);
                final DepthEvent expected = delta(64);
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int read = 0;
                while (read < count)
                {
                    try (DocumentContext context = tailer.readingDocument())
                    {
                        if (!context.isPresent())
                        {
                            assertThat(System.nanoTime()).as("records read by the deadline: %d", read).isLessThan(deadlineNs);
                            Thread.onSpinWait();
                            continue;
                        }
                        randomLevels(expected, read, random.nextInt(65), new SplittableRandom(read));
                        assertThat(context.wire().bytes().toByteArray()).as("record %d", read).isEqualTo(encoded(expected));
                        read++;
                    }
                }
                assertThat(copied.get(60, TimeUnit.SECONDS)).as("records copied instead of encoded in place").isZero();
                try (DocumentContext context = tailer.readingDocument())
                {
                    assertThat(context.isPresent()).as("a record beyond those written").isFalse();
                }
            }
            finally
            {
                writing.shutdownNow();
            }
        }
    }

    private static DepthEvent delta(final int capacity)
    {
        final DepthEvent event = new DepthEvent(capacity);
        event.kind = DepthEvent.KIND_DELTA;
        event.partCount = 1;
        event.previousUpdateId = -1;
        return event;
    }

    private static void randomLevels(final DepthEvent event, final long updateId, final int levels, final SplittableRandom random)
    {
        event.firstUpdateId = updateId;
        event.lastUpdateId = updateId;
        event.receiveEpochNs = updateId * 1_000L;
        event.levelCount = levels;
        for (int i = 0; i < levels; i++)
        {
            event.sides[i] = (byte)(i & 1);
            event.prices[i] = random.nextLong(1, 1L << 50);
            event.quantities[i] = random.nextLong(1L << 40);
        }
    }

    /** The record as the codec encodes it into a heap buffer. */
    private static byte[] encoded(final DepthEvent event)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(DeltaRecord.length(event.levelCount));
        int at = DeltaRecord.encodeFixed(buffer, 0, event.instrumentId, event.partIndex, event.partCount,
            event.firstUpdateId, event.lastUpdateId, event.previousUpdateId, event.eventTimeMs, event.receiveEpochNs,
            event.levelCount);
        for (int i = 0; i < event.levelCount; i++)
        {
            at = DeltaRecord.putLevel(buffer, at, event.sides[i], event.prices[i], event.quantities[i]);
        }
        return Arrays.copyOf(buffer.byteArray(), at);
    }

    private static List<byte[]> documents(final SingleChronicleQueue queue)
    {
        final List<byte[]> read = new ArrayList<>();
        final ExcerptTailer tailer = queue.createTailer();
        while (true)
        {
            try (DocumentContext context = tailer.readingDocument())
            {
                if (!context.isPresent())
                {
                    return read;
                }
                read.add(context.wire().bytes().toByteArray());
            }
        }
    }
}
