package io.fathom.engine.journal;

import io.fathom.codec.journal.JournalRecords;
import io.fathom.codec.journal.JournalTemplate;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;

/**
 * The next journal record to replay, held until it is due: at once at {@link ReplaySpeed#MAX}, or
 * once as much time has passed since the first record as had passed when it was written.
 */
final class ReplayCursor implements AutoCloseable
{
    private final JournalReader reader;
    private final ReplaySpeed speed;
    private final NanoClock clock;
    private final ExpandableArrayBuffer held = new ExpandableArrayBuffer(64 * 1024);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final JournalReader.Visitor holder = new JournalReader.Visitor()
    {
        @Override
        public void onRecord(final JournalTemplate template, final UnsafeBuffer buffer, final int length, final long index)
        {
            held.putBytes(0, buffer, 0, length);
            heldTemplate = template;
            heldLength = length;
        }

        @Override
        public void onUnknown(final int schemaId, final int version, final int templateId, final long index)
        {
            unreadable++;
        }

        @Override
        public void onMalformed(final JournalTemplate template, final String problem, final long index)
        {
            unreadable++;
        }
    };

    private JournalTemplate heldTemplate;
    private int heldLength;
    private long firstRecordNs = Long.MIN_VALUE;
    private long startNs;
    private long unreadable;
    private boolean end;

    ReplayCursor(final File directory, final ReplaySpeed speed, final NanoClock clock)
    {
        this.reader = new JournalReader(directory);
        this.speed = speed;
        this.clock = clock;
    }

    /**
     * The next record when it is due: {@link #buffer()} and {@link #length()} then describe it until
     * the next call.
     *
     * @return null when there is none yet: the end (see {@link #atEnd()}) or not due.
     */
    JournalTemplate next()
    {
        while (heldTemplate == null)
        {
            if (!reader.readOne(holder))
            {
                end = true;
                return null;
            }
        }
        view.wrap(held, 0, heldLength);
        if (!due(JournalRecords.epochNs(heldTemplate, view, 0)))
        {
            return null;
        }
        final JournalTemplate template = heldTemplate;
        heldTemplate = null;
        return template;
    }

    boolean atEnd()
    {
        return end;
    }

    UnsafeBuffer buffer()
    {
        return view;
    }

    int length()
    {
        return heldLength;
    }

    /** Records of a newer version, another schema, or that did not check as whole; skipped. */
    long unreadable()
    {
        return unreadable;
    }

    private boolean due(final long recordNs)
    {
        if (speed == ReplaySpeed.MAX || recordNs <= 0)
        {
            return true;
        }
        if (firstRecordNs == Long.MIN_VALUE)
        {
            firstRecordNs = recordNs;
            startNs = clock.nanoTime();
        }
        return recordNs - firstRecordNs <= clock.nanoTime() - startNs;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
