package io.fathom.codec.journal;

/** Template ids of journal records; ids are never reused. */
public enum JournalTemplate
{
    SESSION_START(1, "session_start"),
    DELTA(2, "delta"),
    SNAPSHOT(3, "snapshot"),
    BOOK_STATE(4, "book_state"),
    SESSION_END(5, "session_end"),
    FEED_STATE(6, "feed_state"),
    JOURNAL_GAP(8, "journal_gap");

    private static final JournalTemplate[] BY_ID = new JournalTemplate[9];

    static
    {
        for (final JournalTemplate t : values())
        {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final String label;

    JournalTemplate(final int id, final String label)
    {
        this.id = id;
        this.label = label;
    }

    /** The template id written in the header; never reused. */
    public int id()
    {
        return id;
    }

    /** The name used in replay output and summaries. */
    public String label()
    {
        return label;
    }

    /** @return the template or null for an id this version does not know. */
    public static JournalTemplate byId(final int id)
    {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
