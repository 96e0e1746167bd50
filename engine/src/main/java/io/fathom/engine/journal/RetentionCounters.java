package io.fathom.engine.journal;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * Where {@link JournalRetention} counts what it deleted, for another process to read; either counter may be null.
 *
 * @param filesDeleted counts deleted roll-cycle files.
 * @param bytesDeleted counts the bytes those files held.
 */
public record RetentionCounters(AtomicCounter filesDeleted, AtomicCounter bytesDeleted)
{
    /** Counts nothing: for journals opened outside an engine. */
    public static final RetentionCounters NONE = new RetentionCounters(null, null);
}
