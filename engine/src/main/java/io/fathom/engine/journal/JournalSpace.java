package io.fathom.engine.journal;

import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Keeps the journal off a full disk. A write to a mapped page with no space behind it kills the writing thread
 * (Chronicle's own monitor only warns), so each {@link JournalWriter} reads the free space after every
 * {@link #checkEveryBytes()} it writes and before a new roll-cycle file, and below the reserve journaling is
 * suspended: records are skipped and counted, nothing else stops. While suspended the space is read once a second;
 * once half as much again as the reserve is free, the writer that finds it writes a {@code journal_gap} record
 * (the hole's first and last times and its count) and journaling resumes.
 *
 * <p>Shared by every writer of a journal: the decisions are taken under this object's lock, which a writer holds
 * only when a reading is due or while suspended; {@link #isSuspended()} is a volatile read.
 */
public final class JournalSpace
{
    /** Marks a hole in the journal, under the lock, before journaling resumes. */
    interface HoleMarker
    {
        void markHole(long nowMs, long firstSkippedEpochNs, long lastSkippedEpochNs, long recordsSkipped);
    }

    /** What a writer does with the record in hand. */
    enum Admission
    {
        WRITE, SKIP, RESUMED
    }

    /** The distinct-error log's record of a suspension; the text is the same each time for one journal. */
    static final class JournalSuspendedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        JournalSuspendedException(final String message)
        {
            super(message, null, false, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalSpace.class);
    private static final long RESUME_CHECK_INTERVAL_MS = 1_000;
    private static final long MAX_CHECK_EVERY_BYTES = 1L << 20;
    private static final long MIN_CHECK_EVERY_BYTES = 4L << 10;

    /** A journal whose space nobody watches: every record is written. */
    static final JournalSpace UNWATCHED = new JournalSpace(null, new JournalSpaceSettings(0, null, JournalFullPolicy.SUSPEND), null, null, null);

    private final File directory;
    private final UsableSpace usable;
    private final long minFreeBytes;
    private final long resumeFreeBytes;
    private final long checkEveryBytes;
    private final AtomicCounter suspendedGauge;
    private final AtomicCounter skipped;
    private final Consumer<Throwable> errors;
    private final JournalFullPolicy onFull;
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

    private volatile boolean suspended;
    private volatile long resumes;
    private long nextResumeCheckMs;
    private long firstSkippedEpochNs;
    private long lastSkippedEpochNs;
    private long skippedInHole;
    private boolean readFailureLogged;

    /**
     * @param suspendedGauge set to 1 while suspended, 0 otherwise.
     * @param skipped        counts every record not written.
     * @param errors         the distinct-error log.
     */
    public JournalSpace(
        final File directory,
        final JournalSpaceSettings settings,
        final AtomicCounter suspendedGauge,
        final AtomicCounter skipped,
        final Consumer<Throwable> errors)
    {
        this.directory = directory;
        this.usable = directory == null ? null :
            settings.usableSpace() != null ? settings.usableSpace() : UsableSpace.of(directory);
        this.minFreeBytes = settings.minFreeBytes();
        this.resumeFreeBytes = minFreeBytes + minFreeBytes / 2;
        this.checkEveryBytes = Math.max(MIN_CHECK_EVERY_BYTES, Math.min(MAX_CHECK_EVERY_BYTES, minFreeBytes / 8));
        this.suspendedGauge = suspendedGauge;
        this.skipped = skipped;
        this.errors = errors;
        this.onFull = settings.onFull();
    }

    /** Completes when the reserve is first reached under {@link JournalFullPolicy#STOP}: the engine should be shut down. */
    public CompletionStage<Void> stopRequested()
    {
        return stopRequested;
    }

    /** False for {@link #UNWATCHED}. */
    boolean watched()
    {
        return usable != null;
    }

    /** Bytes a writer may write between two readings of the free space. */
    long checkEveryBytes()
    {
        return checkEveryBytes;
    }

    /** Whether records are being skipped for want of space; any thread. */
    public boolean isSuspended()
    {
        return suspended;
    }

    /** How many times journaling resumed after a hole; any thread. */
    public long resumes()
    {
        return resumes;
    }

    /**
     * A writer's reading is due, or journaling is suspended: whether the record in hand is written. On
     * {@link Admission#RESUMED} the marker has written the hole's record and the record in hand follows it.
     */
    synchronized Admission admit(final long nowMs, final HoleMarker marker)
    {
        if (!suspended)
        {
            final long free = freeBytes();
            if (free >= minFreeBytes)
            {
                return Admission.WRITE;
            }
            suspend(nowMs, free);
        }
        else if (nowMs - nextResumeCheckMs >= 0)
        {
            nextResumeCheckMs = nowMs + RESUME_CHECK_INTERVAL_MS;
            final long free = freeBytes();
            if (free >= resumeFreeBytes)
            {
                marker.markHole(nowMs, firstSkippedEpochNs, lastSkippedEpochNs, skippedInHole);
                LOG.warn("journal resumed under {}: {} bytes free; {} records were not written from {} to {} (epoch ns)",
                    directory, free, skippedInHole, firstSkippedEpochNs, lastSkippedEpochNs);
                skippedInHole = 0;
                suspended = false;
                suspendedGauge.setRelease(0);
                resumes = resumes + 1;
                return Admission.RESUMED;
            }
        }
        final long epochNs = nowMs * 1_000_000L;
        if (skippedInHole++ == 0)
        {
            firstSkippedEpochNs = epochNs;
        }
        lastSkippedEpochNs = epochNs;
        skipped.increment();
        return Admission.SKIP;
    }

    /**
     * The session ends: while suspended, the hole so far is marked now (journaling stays suspended), so the journal
     * says what it lacks before its last record.
     *
     * @return true when journaling was not suspended.
     */
    synchronized boolean closeHole(final long nowMs, final HoleMarker marker)
    {
        if (!suspended)
        {
            return true;
        }
        if (skippedInHole > 0)
        {
            marker.markHole(nowMs, firstSkippedEpochNs, lastSkippedEpochNs, skippedInHole);
            skippedInHole = 0;
        }
        return false;
    }

    private void suspend(final long nowMs, final long freeBytes)
    {
        suspended = true;
        suspendedGauge.setRelease(1);
        nextResumeCheckMs = nowMs + RESUME_CHECK_INTERVAL_MS;
        LOG.error("journal suspended: {} bytes free under {}, below the reserve of {} bytes; records are skipped and " +
            "counted until {} bytes are free", freeBytes, directory, minFreeBytes, resumeFreeBytes);
        errors.accept(new JournalSuspendedException("journal suspended: free space under " + directory +
            " fell below the reserve of " + minFreeBytes + " bytes; records are skipped (journal_records_skipped) " +
            "until " + resumeFreeBytes + " bytes are free, then a journal_gap record marks the hole"));
        if (onFull == JournalFullPolicy.STOP)
        {
            stopRequested.complete(null);
        }
    }

    /** The usable bytes, or as good as unlimited when they cannot be read (journaling then goes on as before). */
    private long freeBytes()
    {
        try
        {
            return usable.usableBytes();
        }
        catch (final IOException | RuntimeException ex)
        {
            if (!readFailureLogged)
            {
                readFailureLogged = true;
                LOG.warn("cannot read the free space under {}: {}; journaling goes on unwatched", directory, ex.toString());
            }
            return Long.MAX_VALUE;
        }
    }
}
