package io.fathom.engine.journal;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRetentionTest
{
    private static final Instant DAY_0 = Instant.parse("2026-11-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void parsesAnAgeASizeOrBoth()
    {
        assertThat(RetentionPolicy.parse("none")).isEqualTo(RetentionPolicy.NONE);
        assertThat(RetentionPolicy.parse("7d")).isEqualTo(new RetentionPolicy(Duration.ofDays(7), 0));
        assertThat(RetentionPolicy.parse("36h")).isEqualTo(new RetentionPolicy(Duration.ofHours(36), 0));
        assertThat(RetentionPolicy.parse("2w")).isEqualTo(new RetentionPolicy(Duration.ofDays(14), 0));
        assertThat(RetentionPolicy.parse("50GB")).isEqualTo(new RetentionPolicy(null, 50_000_000_000L));
        assertThat(RetentionPolicy.parse("1.5tb")).isEqualTo(new RetentionPolicy(null, 1_500_000_000_000L));
        assertThat(RetentionPolicy.parse("2GiB")).isEqualTo(new RetentionPolicy(null, 2L << 30));
        assertThat(RetentionPolicy.parse("7d, 50GB")).isEqualTo(new RetentionPolicy(Duration.ofDays(7), 50_000_000_000L));
        assertThat(RetentionPolicy.parse("7d,50GB")).hasToString("7d,50000000000B");
    }

    @Test
    void rejectsWhatIsNotAnAgeOrASizeNamingTheSetting()
    {
        for (final String bad : List.of("", "7", "7x", "-1d", "7d,8d", "50GB,1TB", "30m", "0d", "1KB", "1.5B", "99999999999999TB"))
        {
            assertThatThrownBy(() -> RetentionPolicy.parse(bad)).as("'%s'", bad)
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(ex -> assertThat(((InvalidSettingException)ex).setting()).isEqualTo("journalRetention"));
        }
    }

    @Test
    void deletesWholeDaysOlderThanTheAgeCountsThemAndLeavesTheRestReadable()
    {
        final SetTimeProvider time = new SetTimeProvider(DAY_0);
        for (final int day : new int[]{ 0, 3, 5, 6 })
        {
            time.currentTimeMillis(DAY_0.plus(Duration.ofDays(day)).toEpochMilli());
            writeDay(time, day);
        }
        assertThat(cycleFiles()).hasSize(4);

        time.currentTimeMillis(DAY_0.plus(Duration.ofDays(6)).toEpochMilli());
        final File runDir = dir.resolve("run").toFile();
        assertThat(runDir.mkdirs()).isTrue();
        try (EngineCounters counters = new EngineCounters(runDir);
            Journal journal = new Journal(journalDir(), RollCycles.FAST_DAILY, time, RetentionPolicy.parse("2d"),
                new RetentionCounters(counters.get(SystemCounter.JOURNAL_FILES_DELETED), counters.get(SystemCounter.JOURNAL_BYTES_DELETED))))
        {
            assertThat(journal.retention().filesDeleted()).as("days 0 and 3 ended more than 2 days before day 6 noon").isEqualTo(2);
            assertThat(counters.value(SystemCounter.JOURNAL_FILES_DELETED)).isEqualTo(2);
            assertThat(counters.value(SystemCounter.JOURNAL_BYTES_DELETED)).isEqualTo(journal.retention().bytesDeleted())
                .isPositive();
            assertThat(journal.retention().apply()).as("nothing more on a second pass").isZero();
        }
        assertThat(cycleFiles()).hasSize(2);
        assertThat(sessionStartsRead()).as("days 5 and 6 still read, each opening with its session table").containsExactly(5L, 6L);
    }

    @Test
    void deletesTheOldestFilesWhileAllOfThemAreLargerThanTheSizeButNeverTheCurrentOne()
    {
        final SetTimeProvider time = new SetTimeProvider(DAY_0);
        for (int day = 0; day < 4; day++)
        {
            time.currentTimeMillis(DAY_0.plus(Duration.ofDays(day)).toEpochMilli());
            writeDay(time, day);
        }
        final List<File> files = cycleFiles();
        final long oneFile = files.get(0).length();
        final long limit = files.get(2).length() + files.get(3).length() + oneFile / 2;

        try (Journal journal = new Journal(journalDir(), RollCycles.FAST_DAILY, time,
            new RetentionPolicy(null, limit), RetentionCounters.NONE))
        {
            assertThat(journal.retention().filesDeleted()).isEqualTo(2);
        }
        assertThat(cycleFiles()).extracting(File::getName).containsExactly(files.get(2).getName(), files.get(3).getName());

        try (Journal journal = new Journal(journalDir(), RollCycles.FAST_DAILY, time,
            new RetentionPolicy(Duration.ofHours(1), RetentionPolicy.MIN_BYTES), RetentionCounters.NONE))
        {
            assertThat(journal.retention().filesDeleted()).as("day 2 goes, the current day 3 stays however large").isEqualTo(1);
        }
        assertThat(cycleFiles()).extracting(File::getName).containsExactly(files.get(3).getName());
    }

    private void writeDay(final SetTimeProvider time, final int day)
    {
        try (Journal journal = new Journal(journalDir(), RollCycles.FAST_DAILY, time, RetentionPolicy.NONE, RetentionCounters.NONE);
            JournalWriter writer = journal.newWriter())
        {
            writer.sessionStart(day, new SessionRecords.SessionConfig(day, 10, 2048, 0, ""),
                List.of(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 8)));
            for (int i = 0; i < 100; i++)
            {
                writer.bookState(0, BookStateRecord.REASON_GAP, i, i, i, day);
            }
        }
    }

    private List<Long> sessionStartsRead()
    {
        final List<Long> sessions = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journalDir()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                if (template == JournalTemplate.SESSION_START)
                {
                    sessions.add(SessionRecords.decodeStart(buffer, 0, length).config().sessionId());
                }
            });
        }
        return sessions;
    }

    private File journalDir()
    {
        return dir.resolve("journal").toFile();
    }

    private List<File> cycleFiles()
    {
        final File[] files = journalDir().listFiles((d, name) -> name.endsWith(".cq4"));
        final List<File> sorted = new ArrayList<>(List.of(files == null ? new File[0] : files));
        sorted.sort((a, b) -> a.getName().compareTo(b.getName()));
        return sorted;
    }
}
