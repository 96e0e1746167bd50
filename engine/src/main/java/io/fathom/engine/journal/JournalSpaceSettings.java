package io.fathom.engine.journal;

/**
 * How the journal guards its disk: journaling is suspended while fewer than {@code minFreeBytes} remain and resumes,
 * marking the hole, once half as much again is free.
 *
 * @param minFreeBytes the free space kept in reserve; journaling stops short of it.
 * @param usableSpace  where free space is read, or null for the journal directory's filesystem.
 * @param onFull       whether the engine also asks to be shut down when the reserve is reached.
 */
public record JournalSpaceSettings(long minFreeBytes, UsableSpace usableSpace, JournalFullPolicy onFull)
{
    /** 64 MiB: far more than is written between two readings, small beside any disk a journal lives on. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;
    /** The least reserve accepted: a reading every 1/8 of it must still leave room for Chronicle's index pages. */
    public static final long MIN_MIN_FREE_BYTES = 1L << 20;

    public static final JournalSpaceSettings DEFAULT = new JournalSpaceSettings(DEFAULT_MIN_FREE_BYTES, null, JournalFullPolicy.SUSPEND);

    public JournalSpaceSettings withMinFreeBytes(final long bytes)
    {
        return new JournalSpaceSettings(bytes, usableSpace, onFull);
    }

    /** Reads free space from {@code space} instead of the filesystem: for tests that fill a disk on demand. */
    public JournalSpaceSettings withUsableSpace(final UsableSpace space)
    {
        return new JournalSpaceSettings(minFreeBytes, space, onFull);
    }
}
