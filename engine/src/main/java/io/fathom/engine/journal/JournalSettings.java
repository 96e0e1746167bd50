package io.fathom.engine.journal;

import java.io.File;
import java.time.Duration;

/**
 * Whether and how the journal is written: on or off, its directory, which old files to delete, how often
 * every valid book is snapshotted (zero: never), and how many snapshots the book handler may hand the
 * journal handler at once. Off, no queue is created and nothing reaches the directory.
 */
public record JournalSettings(
    boolean enabled, File directory, RetentionPolicy retention, Duration snapshotInterval, int snapshotSlots)
{
}
