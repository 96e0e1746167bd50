package io.fathom.engine;

import io.fathom.engine.journal.JournalFullPolicy;
import io.fathom.engine.journal.JournalSpaceSettings;
import io.fathom.engine.journal.UsableSpace;

/**
 * The settings of {@link EngineContext} that guard the journal's disk: the free space kept in reserve, below which
 * journaling is suspended (the books go on) until space returns. They conclude into {@link #journalSpace()}.
 */
abstract sealed class JournalDiskContext extends ScaleContext permits EngineContext
{
    private static final long MAX_MIN_FREE_BYTES = 1L << 40;

    private long journalMinFreeBytes = JournalSpaceSettings.DEFAULT_MIN_FREE_BYTES;
    private UsableSpace journalUsableSpace;
    private JournalFullPolicy journalFullPolicy = JournalFullPolicy.SUSPEND;
    private JournalSpaceSettings journalSpace;

    /**
     * Journaling is suspended while the journal's filesystem has less than this free, and resumes once it has half
     * as much again; 1 MiB..1 TiB, default 64 MiB.
     */
    public EngineContext journalMinFreeBytes(final long journalMinFreeBytes)
    {
        this.journalMinFreeBytes = journalMinFreeBytes;
        return self();
    }

    public long journalMinFreeBytes()
    {
        return journalMinFreeBytes;
    }

    /** Where free space is read instead of the journal directory's filesystem, for tests that fill a disk on demand; default none. */
    public EngineContext journalUsableSpace(final UsableSpace journalUsableSpace)
    {
        this.journalUsableSpace = journalUsableSpace;
        return self();
    }

    public UsableSpace journalUsableSpace()
    {
        return journalUsableSpace;
    }

    /**
     * What a full journal disk does beyond suspending journaling: nothing more ({@code SUSPEND}, the default), or
     * ask the owner to shut the engine down in order ({@code STOP}: {@link Engine#journalFull()} completes).
     */
    public EngineContext journalFullPolicy(final JournalFullPolicy journalFullPolicy)
    {
        this.journalFullPolicy = journalFullPolicy;
        return self();
    }

    public JournalFullPolicy journalFullPolicy()
    {
        return journalFullPolicy;
    }

    /** How the journal guards its disk; valid after {@link EngineContext#conclude()}. */
    public JournalSpaceSettings journalSpace()
    {
        return ContextChecks.requireConcluded(self(), journalSpace);
    }

    void concludeJournalDisk()
    {
        ContextChecks.require(journalMinFreeBytes >= JournalSpaceSettings.MIN_MIN_FREE_BYTES &&
            journalMinFreeBytes <= MAX_MIN_FREE_BYTES, "journalMinFreeBytes",
            "must be 1MiB..1TiB (got " + journalMinFreeBytes + " bytes)");
        ContextChecks.require(journalFullPolicy != null, "journalFullPolicy", "must be set");
        journalSpace = new JournalSpaceSettings(journalMinFreeBytes, journalUsableSpace, journalFullPolicy);
    }
}
