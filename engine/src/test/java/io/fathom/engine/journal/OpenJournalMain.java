package io.fathom.engine.journal;

import java.io.File;

/** Opens and closes a journal, as an engine embedding Fathom does at start; run in a child JVM by tests. */
public final class OpenJournalMain
{
    private OpenJournalMain()
    {
    }

    public static void main(final String[] args)
    {
        new Journal(new File(args[0])).close();
    }
}
