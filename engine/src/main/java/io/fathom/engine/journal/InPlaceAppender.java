package io.fathom.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends records as Chronicle documents, each encoded in place: {@link #open} opens the document and returns a
 * buffer wrapped over its memory in the queue's mapped file, {@link #commit} closes it holding what was encoded,
 * so nothing is copied. A record that would not lie wholly inside the mapped region at the write position (or a
 * document Chronicle does not give in mapped memory) is encoded into a reusable buffer and copied, so nothing is
 * ever written outside the mapping. Chronicle makes a document visible to readers only when it closes, with its
 * final length in the header; until then a reader following the queue stops before it.
 *
 * <p>One instance per thread, as the appender it wraps; allocates nothing once the buffer has grown to the
 * largest record that was copied.
 */
final class InPlaceAppender
{
    private final ExcerptAppender appender;
    private final UnsafeBuffer inPlace = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer copied = new ExpandableArrayBuffer(1024);
    private DocumentContext document;
    private boolean encodingInPlace;
    private long copiedRecords;

    InPlaceAppender(final ExcerptAppender appender)
    {
        this.appender = appender;
    }

    /**
     * Opens a document for a record of exactly {@code length} bytes (at most, for a record whose length is only
     * known once encoded).
     *
     * @return the buffer to encode the record into at offset 0, valid until {@link #commit}.
     */
    MutableDirectBuffer open(final int length)
    {
        if (document != null)
        {
            abandon();
        }
        final DocumentContext context = appender.writingDocument();
        document = context;
        try
        {
            final Bytes<?> bytes = context.wire().bytes();
            final long position = bytes.writePosition();
            final long address = bytes.addressForWrite(position);
            final BytesStore<?, ?> store = bytes.bytesStore();
            encodingInPlace = store instanceof MappedBytesStore && ((MappedBytesStore)store).inside(position, length);
            if (encodingInPlace)
            {
                inPlace.wrap(address, length);
                return inPlace;
            }
            copied.checkLimit(length);
            return copied;
        }
        catch (final RuntimeException | Error ex)
        {
            abandon();
            throw ex;
        }
    }

    /** Closes the document {@link #open} opened, holding the first {@code length} bytes encoded. */
    void commit(final int length)
    {
        final DocumentContext context = document;
        try
        {
            final Bytes<?> bytes = context.wire().bytes();
            if (encodingInPlace)
            {
                bytes.writeSkip(length);
            }
            else
            {
                bytes.write(copied.byteArray(), 0, length);
                copiedRecords++;
            }
        }
        catch (final RuntimeException | Error ex)
        {
            abandon();
            throw ex;
        }
        document = null;
        context.close();
    }

    /** Appends a record already encoded elsewhere, copying it. */
    void append(final MutableDirectBuffer source, final int length)
    {
        if (document != null)
        {
            abandon();
        }
        try (DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(source.byteArray(), 0, length);
        }
    }

    /** Records that were encoded aside and copied because they would not have lain inside the mapping. */
    long copiedRecords()
    {
        return copiedRecords;
    }

    /** Closes the open document without its record: an encoding that failed leaves nothing behind. */
    private void abandon()
    {
        final DocumentContext context = document;
        document = null;
        context.rollbackOnClose();
        context.close();
    }
}
