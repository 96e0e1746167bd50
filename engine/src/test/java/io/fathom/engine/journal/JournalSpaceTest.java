package io.fathom.engine.journal;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk the test fills and empties by setting what {@link UsableSpace} reads: below the reserve the writer skips
 * and counts, and when space returns a {@code journal_gap} record marks the hole before the next record.
 */
class JournalSpaceTest
{
    private static final long MIB = 1L << 20;
    private static final long RESERVE_BYTES = 8 * MIB;
    private static final SessionRecords.SessionConfig CONFIG =
        new SessionRecords.SessionConfig(7, 10, 2048, 60_000, "venue=binance");

    @TempDir
    Path dir;

    private final AtomicLong freeBytes = new AtomicLong(100 * MIB);
    private final SetTimeProvider time = new SetTimeProvider(Instant.parse("2026-12-07T01:00:00Z"));
    private final List<Throwable> errors = new ArrayList<>();

    @Test
    void skipsBelowTheReserveAndMarksTheHoleWhenSpaceReturns()
    {
        final JournalGapRecord gap = JournalGapRecord.reader();
        final List<JournalTemplate> templates = new ArrayList<>();
        final long[] hole = new long[3];
        final long written;
        final long skipped;
        try (EngineCounters counters = new EngineCounters(dir.toFile()))
        {
            final JournalSpace space = new JournalSpace(dir.toFile(),
                JournalSpaceSettings.DEFAULT.withMinFreeBytes(RESERVE_BYTES).withUsableSpace(freeBytes::get), counters.get(SystemCounter.JOURNAL_SUSPENDED),
                counters.get(SystemCounter.JOURNAL_RECORDS_SKIPPED), errors::add);
            try (Journal journal = new Journal(dir.resolve("journal").toFile(), RollCycles.FAST_DAILY, time,
                RetentionPolicy.NONE, RetentionCounters.NONE).watchSpace(space);
                JournalWriter writer = journal.newWriter())
            {
                writer.sessionStart(1L, CONFIG, List.of(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 8)));
                final DepthEvent event = delta();
                writeBytes(writer, event, 2 * MIB);
                assertThat(counters.value(SystemCounter.JOURNAL_RECORDS_SKIPPED)).isZero();

                freeBytes.set(RESERVE_BYTES - 1);
                final long before = writer.records();
                writeBytes(writer, event, 3 * MIB);
                assertThat(writer.records() - before).as("at most a reading's worth written after the disk filled")
                    .isLessThanOrEqualTo(space.checkEveryBytes() / 500 + 1);
                assertThat(space.isSuspended()).isTrue();
                assertThat(counters.value(SystemCounter.JOURNAL_SUSPENDED)).isEqualTo(1);
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getMessage()).startsWith("journal suspended: free space under")
                    .contains("below the reserve of " + RESERVE_BYTES + " bytes");

                freeBytes.set(RESERVE_BYTES + RESERVE_BYTES / 2);
                time.advanceMillis(500);
                writer.bookState(0, BookStateRecord.REASON_GAP, 1, 2, 3, 4L);
                assertThat(space.isSuspended()).as("space is read again a second after the last reading").isTrue();

                time.advanceMillis(500);
                writer.bookState(0, BookStateRecord.REASON_GAP, 5, 6, 7, 8L);
                assertThat(space.isSuspended()).isFalse();
                assertThat(space.resumes()).isEqualTo(1);
                assertThat(counters.value(SystemCounter.JOURNAL_SUSPENDED)).isZero();
                skipped = counters.value(SystemCounter.JOURNAL_RECORDS_SKIPPED);
                written = writer.records();
            }
        }

        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                templates.add(template);
                if (template == JournalTemplate.JOURNAL_GAP)
                {
                    gap.wrap(buffer, 0);
                    hole[0] = gap.recordsSkipped();
                    hole[1] = gap.firstSkippedEpochNs();
                    hole[2] = gap.lastSkippedEpochNs();
                }
            });
        }
        assertThat(templates).hasSize((int)written);
        final int at = templates.indexOf(JournalTemplate.JOURNAL_GAP);
        assertThat(templates.subList(at - 1, templates.size())).as("the session again, the hole, then the record in hand")
            .containsExactly(JournalTemplate.SESSION_START, JournalTemplate.JOURNAL_GAP, JournalTemplate.BOOK_STATE);
        assertThat(hole[0]).isEqualTo(skipped).isPositive();
        final long startNs = Instant.parse("2026-12-07T01:00:00Z").toEpochMilli() * 1_000_000L;
        assertThat(hole[1]).isEqualTo(startNs);
        assertThat(hole[2]).as("the book state skipped half a second in").isEqualTo(startNs + 500_000_000L);
    }

    @Test
    void aFreshJournalOnAFullDiskWritesNothingUntilSpaceReturns()
    {
        freeBytes.set(MIB);
        try (EngineCounters counters = new EngineCounters(dir.toFile()))
        {
            final JournalSpace space = new JournalSpace(dir.toFile(),
                JournalSpaceSettings.DEFAULT.withMinFreeBytes(RESERVE_BYTES).withUsableSpace(freeBytes::get), counters.get(SystemCounter.JOURNAL_SUSPENDED),
                counters.get(SystemCounter.JOURNAL_RECORDS_SKIPPED), errors::add);
            try (Journal journal = new Journal(dir.resolve("journal").toFile(), RollCycles.FAST_DAILY, time,
                RetentionPolicy.NONE, RetentionCounters.NONE).watchSpace(space);
                JournalWriter writer = journal.newWriter())
            {
                writer.sessionStart(1L, CONFIG, List.of(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 8)));
                assertThat(writer.records()).as("the first record reads the space").isZero();
                assertThat(space.isSuspended()).isTrue();
            }
        }
    }

    @Test
    void theSessionEndsAfterAHoleMarkedWhileStillSuspendedAndSaysItIsNotClean()
    {
        final List<JournalTemplate> templates = new ArrayList<>();
        final boolean[] clean = {true};
        try (EngineCounters counters = new EngineCounters(dir.toFile()))
        {
            final JournalSpace space = new JournalSpace(dir.toFile(),
                JournalSpaceSettings.DEFAULT.withMinFreeBytes(RESERVE_BYTES).withUsableSpace(freeBytes::get), counters.get(SystemCounter.JOURNAL_SUSPENDED),
                counters.get(SystemCounter.JOURNAL_RECORDS_SKIPPED), errors::add);
            try (Journal journal = new Journal(dir.resolve("journal").toFile(), RollCycles.FAST_DAILY, time,
                RetentionPolicy.NONE, RetentionCounters.NONE).watchSpace(space);
                JournalWriter writer = journal.newWriter())
            {
                writer.sessionStart(1L, CONFIG, List.of(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 8)));
                freeBytes.set(0);
                writeBytes(writer, delta(), 2 * MIB);
                assertThat(space.isSuspended()).isTrue();
                writer.sessionEnd(9L, true, writer.deltaRecords(), writer.snapshotRecords());
                assertThat(space.isSuspended()).as("the disk is still full").isTrue();
            }
        }
        try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                templates.add(template);
                if (template == JournalTemplate.SESSION_END)
                {
                    clean[0] = SessionRecords.decodeEnd(buffer, 0, length).clean();
                }
            });
        }
        assertThat(templates.subList(templates.size() - 3, templates.size()))
            .containsExactly(JournalTemplate.SESSION_START, JournalTemplate.JOURNAL_GAP, JournalTemplate.SESSION_END);
        assertThat(clean[0]).isFalse();
    }

    private static DepthEvent delta()
    {
        final DepthEvent event = new DepthEvent(32);
        event.kind = DepthEvent.KIND_DELTA;
        event.partCount = 1;
        event.levelCount = 32;
        for (int i = 0; i < 32; i++)
        {
            event.sides[i] = BID;
            event.prices[i] = 100 + i;
            event.quantities[i] = 1;
        }
        return event;
    }

    /** Appends deltas of about 600 bytes until {@code bytes} have been offered. */
    private static void writeBytes(final JournalWriter writer, final DepthEvent event, final long bytes)
    {
        for (long offered = 0; offered < bytes; offered += 500)
        {
            event.firstUpdateId++;
            event.lastUpdateId = event.firstUpdateId;
            writer.delta(event);
        }
    }
}
