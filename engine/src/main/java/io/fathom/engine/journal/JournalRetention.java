package io.fathom.engine.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link RetentionPolicy} to a journal directory: deletes whole roll-cycle files, oldest
 * first, never the current cycle's nor the newest file, counts and logs each deletion, and has the
 * queue re-read its directory listing. Runs as an Agent checking once a minute, off the hot path.
 */
public final class JournalRetention implements Agent
{
    static final long CHECK_INTERVAL_MS = 60_000L;
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);
    private static final String SUFFIX = ".cq4";

    private final ChronicleQueue queue;
    private final File directory;
    private final RetentionPolicy policy;
    private final AtomicCounter filesDeletedCounter;
    private final AtomicCounter bytesDeletedCounter;
    private final RollCycle rollCycle;
    private final long epochMs;
    private final DateTimeFormatter names;
    private long nextCheckMs;
    private long filesDeleted;
    private long bytesDeleted;

    /** One roll-cycle file of the journal. */
    record CycleFile(int cycle, File file, long bytes)
    {
    }

    /** @param counters where each deletion is counted. */
    JournalRetention(
        final ChronicleQueue queue,
        final File directory,
        final long epochMs,
        final RetentionPolicy policy,
        final RetentionCounters counters)
    {
        this.queue = queue;
        this.directory = directory;
        this.policy = policy;
        this.filesDeletedCounter = counters.filesDeleted();
        this.bytesDeletedCounter = counters.bytesDeleted();
        this.rollCycle = queue.rollCycle();
        this.epochMs = epochMs;
        this.names = new DateTimeFormatterBuilder()
            .appendPattern(rollCycle.format())
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withZone(ZoneOffset.UTC);
    }

    @Override
    public int doWork()
    {
        final long nowMs = queue.time().currentTimeMillis();
        if (nowMs < nextCheckMs)
        {
            return 0;
        }
        nextCheckMs = nowMs + CHECK_INTERVAL_MS;
        return apply();
    }

    /**
     * Deletes what the policy no longer keeps, now.
     *
     * @return the number of files deleted.
     */
    public synchronized int apply()
    {
        if (policy.keepsEverything())
        {
            return 0;
        }
        final List<CycleFile> files = cycleFiles();
        if (files.size() < 2)
        {
            return 0;
        }
        final long nowMs = queue.time().currentTimeMillis();
        final int currentCycle = (int)((nowMs - epochMs) / rollCycle.lengthInMillis());
        final int newestCycle = files.get(files.size() - 1).cycle();
        long totalBytes = 0;
        for (final CycleFile file : files)
        {
            totalBytes += file.bytes();
        }

        int deleted = 0;
        for (final CycleFile file : files)
        {
            if (file.cycle() >= currentCycle || file.cycle() >= newestCycle)
            {
                break;
            }
            final long cycleEndMs = epochMs + (file.cycle() + 1L) * rollCycle.lengthInMillis();
            final boolean tooOld = policy.maxAge() != null && nowMs - cycleEndMs >= policy.maxAge().toMillis();
            final boolean tooBig = policy.maxBytes() != 0 && totalBytes > policy.maxBytes();
            if (!tooOld && !tooBig)
            {
                break;
            }
            if (file.file().delete())
            {
                deleted++;
                totalBytes -= file.bytes();
                count(file.bytes());
                LOG.info("journal retention ({}): deleted {}, {} bytes, {}; {} files and {} bytes deleted so far",
                    policy, file.file(), file.bytes(), tooOld ? "older than the age limit" : "over the size limit",
                    filesDeleted, bytesDeleted);
            }
            else
            {
                LOG.warn("journal retention ({}): could not delete {}", policy, file.file());
                break;
            }
        }
        if (deleted > 0)
        {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    private void count(final long bytes)
    {
        filesDeleted++;
        bytesDeleted += bytes;
        if (filesDeletedCounter != null)
        {
            filesDeletedCounter.increment();
        }
        if (bytesDeletedCounter != null)
        {
            bytesDeletedCounter.getAndAdd(bytes);
        }
    }

    /** The journal's roll-cycle files, oldest first; names that are not a cycle are left alone. */
    List<CycleFile> cycleFiles()
    {
        final File[] listed = directory.listFiles((dir, name) -> name.endsWith(SUFFIX));
        final List<CycleFile> files = new ArrayList<>();
        if (listed == null)
        {
            return files;
        }
        for (final File file : listed)
        {
            final String name = file.getName();
            try
            {
                final long startMs = LocalDateTime.parse(name.substring(0, name.length() - SUFFIX.length()), names)
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
                files.add(new CycleFile((int)Math.floorDiv(startMs - epochMs, rollCycle.lengthInMillis()), file, file.length()));
            }
            catch (final DateTimeParseException ex)
            {
                LOG.debug("not a roll-cycle file, kept: {}", file);
            }
        }
        files.sort((a, b) -> Integer.compare(a.cycle(), b.cycle()));
        return files;
    }

    /** The file name a cycle has; for tests and messages. */
    String fileName(final int cycle)
    {
        return names.format(Instant.ofEpochMilli(epochMs + (long)cycle * rollCycle.lengthInMillis())) + SUFFIX;
    }

    /** Files this journal's retention deleted since it opened. */
    public synchronized long filesDeleted()
    {
        return filesDeleted;
    }

    public synchronized long bytesDeleted()
    {
        return bytesDeleted;
    }

    @Override
    public String roleName()
    {
        return "fathom-journal-retention";
    }
}
