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
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
}
