package io.fathom.engine.journal;

import io.fathom.codec.journal.JournalHeader;
import io.fathom.codec.journal.JournalRecords;
import io.fathom.codec.journal.JournalTemplate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;

/**
 * Reads a journal directory record by record, oldest first, and hands each to a {@link Visitor}.
 *
 * <p>Chronicle only exposes complete documents, so a journal cut short by a crash ends at its last
 * whole record; each record is also checked against its own declared lengths before a visitor
 * sees it. Reading again after the end picks up what a live writer appended since (tailing).
 * Single-threaded; reuses one buffer.
 */
public final class JournalReader implements AutoCloseable
{
    static
    {
        ChronicleDefaults.apply();
    }

    /** Receives each record; the buffer is only valid during the call. */
    public interface Visitor
    {
        /** A whole record of a template and version this reader knows. */
        void onRecord(JournalTemplate template, UnsafeBuffer buffer, int length, long index);

        /** A record this version cannot read: another schema, a newer version, or an unknown template. */
        default void onUnknown(final int schemaId, final int version, final int templateId, final long index)
        {
        }

        /** A record whose length disagrees with its own fields: never expected, reported rather than read. */
        default void onMalformed(final JournalTemplate template, final String problem, final long index)
        {
        }
    }

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private byte[] scratch = new byte[64 * 1024];
    private final UnsafeBuffer buffer = new UnsafeBuffer(scratch);
    private long lastIndex = -1;

    /** Opens a journal read-only; throws {@link IllegalArgumentException} when the directory holds no journal. */
    public JournalReader(final File directory)
    {
        final File[] cycles = directory.listFiles((dir, name) -> name.endsWith(".cq4"));
        if (!directory.isDirectory() || cycles == null || cycles.length == 0)
        {
            throw new IllegalArgumentException("no journal at " + directory + " (a directory of .cq4 files)");
        }
        queue = ChronicleQueue.singleBuilder(directory).readOnly(true).build();
        tailer = queue.createTailer();
    }

    /**
     * Reads the next record, if any.
     *
     * @return false at the (current) end of the journal.
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

    /**
     * Reads the next record if it is of {@code only}, skips it without copying otherwise: a fast
     * pass over a large journal for its rare records (session starts).
     *
     * @return false at the (current) end of the journal.
     */
    public boolean readOne(final Visitor visitor, final JournalTemplate only)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = context.wire().bytes();
            final int length = (int)bytes.readRemaining();
            final long at = bytes.readPosition();
            lastIndex = context.index();
            if (length < JournalHeader.LENGTH ||
                (bytes.readUnsignedByte(at + JournalHeader.TEMPLATE_ID_OFFSET) |
                bytes.readUnsignedByte(at + JournalHeader.TEMPLATE_ID_OFFSET + 1) << 8) != only.id())
            {
                return true;
            }
            if (length > scratch.length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
            buffer.wrap(scratch, 0, length);
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

    /** How the journal's files are rolled (daily for the engine's). */
    public RollCycle rollCycle()
    {
        return queue.rollCycle();
    }

    /** The roll cycle (file) an index is in. */
    public int cycleOf(final long index)
    {
        return queue.rollCycle().toCycle(index);
    }

    /** The position of an index within its roll cycle, from 0. */
    public long sequenceOf(final long index)
    {
        return queue.rollCycle().toSequenceNumber(index);
    }

    /** When a roll cycle begins, epoch ms (UTC days for the engine's daily roll). */
    public long cycleStartMs(final int cycle)
    {
        return ((SingleChronicleQueue)queue).epoch() + (long)cycle * queue.rollCycle().lengthInMillis();
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
        if (schemaId != JournalHeader.SCHEMA_ID || !JournalHeader.isSupported(version) || template == null)
        {
            visitor.onUnknown(schemaId, version, templateId, index);
            return;
        }
        final String problem = JournalRecords.problem(template, buffer, 0, length);
        if (problem != null)
        {
            visitor.onMalformed(template, problem, index);
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
