package io.fathom.tools.replay;

import io.fathom.codec.journal.JournalHeader;
import io.fathom.codec.journal.JournalTemplate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;

/**
 * Reads a journal directory record by record and hands each to a {@link Visitor}. Chronicle only
 * exposes complete documents, so a journal cut short by a crash ends at its last whole record.
 */
public final class JournalReader implements AutoCloseable
{
    /** Receives each record; the buffer is only valid during the call. */
    public interface Visitor
    {
        void onRecord(JournalTemplate template, UnsafeBuffer buffer, int length, long index);

        /** A record this version cannot read: another schema, or a template id it does not know. */
        default void onUnknown(final int schemaId, final int version, final int templateId, final long index)
        {
        }
    }

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private byte[] scratch = new byte[64 * 1024];
    private final UnsafeBuffer buffer = new UnsafeBuffer(scratch);
    private long lastIndex = -1;

    public JournalReader(final File directory)
    {
        if (!directory.isDirectory())
        {
            throw new IllegalArgumentException("no journal directory at " + directory);
        }
        queue = ChronicleQueue.singleBuilder(directory).readOnly(true).build();
        tailer = queue.createTailer();
    }

    /**
     * Reads the next record, if any.
     *
     * @return false at the end of the journal.
     */
    public boolean readOne(final Visitor visitor)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = context.wire().bytes();
            final int length = (int)bytes.readRemaining();
            if (length > scratch.length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
            buffer.wrap(scratch, 0, length);
            lastIndex = context.index();
            dispatch(visitor, length, lastIndex);
            return true;
        }
    }

    /** Reads every remaining record. @return how many. */
    public long readAll(final Visitor visitor)
    {
        long count = 0;
        while (readOne(visitor))
        {
            count++;
        }
        return count;
    }

    /** The Chronicle index of the last record read, or -1. */
    public long lastIndex()
    {
        return lastIndex;
    }

    private void dispatch(final Visitor visitor, final int length, final long index)
    {
        if (length < JournalHeader.LENGTH)
        {
            visitor.onUnknown(-1, -1, -1, index);
            return;
        }
        final int schemaId = JournalHeader.schemaId(buffer, 0);
        final int version = JournalHeader.version(buffer, 0);
        final int templateId = JournalHeader.templateId(buffer, 0);
        final JournalTemplate template = JournalTemplate.byId(templateId);
        if (schemaId != JournalHeader.SCHEMA_ID || version > JournalHeader.SCHEMA_VERSION || template == null)
        {
            visitor.onUnknown(schemaId, version, templateId, index);
            return;
        }
        visitor.onRecord(template, buffer, length, index);
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
