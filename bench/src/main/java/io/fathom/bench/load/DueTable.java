package io.fathom.bench.load;

import io.fathom.tools.sim.SimDiffObserver;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * When the simulator's schedule wanted each diff sent, shared through a memory-mapped file with the
 * process under test, so that every design measures intended send to applied (latency corrected for
 * coordinated omission) from the same frames, without a byte added to them. Both clocks are
 * {@code CLOCK_MONOTONIC} ({@link System#nanoTime()}, Python's {@code time.monotonic_ns()}), which every
 * process on the host shares.
 *
 * <pre>
 * native byte order (the reader is on the same host), offsets in bytes
 *   0  magic 0x4654444D4F485446 ("FTHOMDTF")       header, padded to 128
 *   8  symbol count
 *  16  capacity: entries kept per symbol, a power of two
 *  24  block length: bytes per symbol block
 *  128 + s * blockLength                          symbol s's block
 *      0  written: diffs written so far (release store by the writer, acquire load by readers)
 *    128 + (n &amp; (capacity - 1)) * 16          diff n of the symbol: u (long), due nanoTime (long)
 * </pre>
 *
 * <p>One writer, the simulator's generator thread, through {@link #onDiff}. A reader keeps a cursor per
 * symbol and must call {@link Reader#dueNs} for a symbol from one thread at a time, with the update
 * ids in the order the venue sent them.
 */
final class DueTable implements SimDiffObserver, AutoCloseable
{
    static final long MAGIC = 0x4654444D4F485446L;
    static final int HEADER_LENGTH = 128;
    static final int ENTRY_LENGTH = 16;
    private static final int SYMBOL_COUNT_OFFSET = 8;
    private static final int CAPACITY_OFFSET = 16;
    private static final int BLOCK_LENGTH_OFFSET = 24;

    private final File file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final int symbolCount;
    private final int capacity;
    private final int blockLength;

    private DueTable(final File file, final MappedByteBuffer mapped, final int symbolCount, final int capacity)
    {
        this.file = file;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.symbolCount = symbolCount;
        this.capacity = capacity;
        this.blockLength = HEADER_LENGTH + capacity * ENTRY_LENGTH;
    }

    /** Creates the file, zeroed, sized for {@code capacity} entries per symbol (rounded up to a power of two). */
    static DueTable create(final File file, final int symbolCount, final int capacity)
    {
        final int entries = Integer.highestOneBit(Math.max(64, capacity) - 1) << 1;
        final long length = HEADER_LENGTH + (long)symbolCount * (HEADER_LENGTH + (long)entries * ENTRY_LENGTH);
        if (length > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("due table of " + length + " bytes is too large");
        }
        IoUtil.deleteIfExists(file);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file, length);
        final DueTable table = new DueTable(file, mapped, symbolCount, entries);
        table.buffer.putLong(SYMBOL_COUNT_OFFSET, symbolCount);
        table.buffer.putLong(CAPACITY_OFFSET, entries);
        table.buffer.putLong(BLOCK_LENGTH_OFFSET, table.blockLength);
        table.buffer.putLongRelease(0, MAGIC);
        return table;
    }

    /** Maps a table another process created, for reading. */
    static Reader open(final File file)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file, "due table");
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        if (header.getLongAcquire(0) != MAGIC)
        {
            IoUtil.unmap(mapped);
            throw new IllegalStateException(file + " is not a due table");
        }
        final int symbols = (int)header.getLong(SYMBOL_COUNT_OFFSET);
        final int entries = (int)header.getLong(CAPACITY_OFFSET);
        return new Reader(new DueTable(file, mapped, symbols, entries));
    }

    int capacity()
    {
        return capacity;
    }

    @Override
    public void onDiff(final int symbolIndex, final long firstUpdateId, final long lastUpdateId, final long dueNs)
    {
        if (symbolIndex >= symbolCount)
        {
            return;
        }
        final int block = blockOffset(symbolIndex);
        final long written = buffer.getLong(block);
        final int entry = block + HEADER_LENGTH + (int)(written & (capacity - 1)) * ENTRY_LENGTH;
        buffer.putLong(entry, lastUpdateId);
        buffer.putLong(entry + 8, dueNs);
        buffer.putLongRelease(block, written + 1);
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /** Closes and deletes the file. */
    void delete()
    {
        close();
        IoUtil.deleteIfExists(file);
    }

    private int blockOffset(final int symbolIndex)
    {
        return HEADER_LENGTH + symbolIndex * blockLength;
    }

    /** Looks up due times by symbol and update id, moving forward through each symbol's diffs. */
    static final class Reader implements AutoCloseable
    {
        private final DueTable table;
        private final long[] cursors;
        private final LongAdder unmatched = new LongAdder();

        private Reader(final DueTable table)
        {
            this.table = table;
            this.cursors = new long[table.symbolCount];
        }

        int symbolCount()
        {
            return table.symbolCount;
        }

        /**
         * @return when the diff of {@code symbolIndex} ending at {@code lastUpdateId} was due, or -1 when the
         * table does not hold it (counted in {@link #unmatched()}).
         */
        long dueNs(final int symbolIndex, final long lastUpdateId)
        {
            if (symbolIndex < 0 || symbolIndex >= table.symbolCount)
            {
                unmatched.increment();
                return -1;
            }
            final UnsafeBuffer buffer = table.buffer;
            final int block = table.blockOffset(symbolIndex);
            final int mask = table.capacity - 1;
            final long written = buffer.getLongAcquire(block);
            long cursor = Math.max(cursors[symbolIndex], written - table.capacity);
            while (cursor < written)
            {
                final int entry = block + HEADER_LENGTH + (int)(cursor & mask) * ENTRY_LENGTH;
                final long updateId = buffer.getLong(entry);
                final long due = buffer.getLong(entry + 8);
                if (buffer.getLongAcquire(block) - cursor > table.capacity)
                {
                    cursor++;
                    continue;
                }
                if (updateId == lastUpdateId)
                {
                    cursors[symbolIndex] = cursor + 1;
                    return due;
                }
                if (updateId > lastUpdateId)
                {
                    break;
                }
                cursor++;
            }
            cursors[symbolIndex] = cursor;
            unmatched.increment();
            return -1;
        }

        /** Lookups that found no entry: the diff was older than the table keeps, or never scheduled. */
        long unmatched()
        {
            return unmatched.sum();
        }

        @Override
        public void close()
        {
            table.close();
        }
    }
}
