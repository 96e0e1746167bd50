package io.fathom.engine.journal;

import java.io.File;
import java.time.Duration;

/**
 * Where and how the journal is written: its directory, which old files to delete, how often every valid
 * book is snapshotted (zero: never), and how many snapshots the book handler may hand the journal
 * handler at once.
 */
public record JournalSettings(File directory, RetentionPolicy retention, Duration snapshotInterval, int snapshotSlots)
{
}
