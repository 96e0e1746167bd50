package io.fathom.engine.sync;

import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.engine.book.OrderBook;

/**
 * Kraken WebSocket v1 and v2 {@code book}: after applying a message's levels, keep the subscribed depth
 * (Kraken sends no deletion for a level pushed out of it), then compare the CRC32 of the top 10 levels
 * with the venue's ({@code "c"} on v1 updates; {@code checksum} on v2 snapshots and updates). A message may
 * add levels before it removes others, so a book side needs room beyond the depth; when a full side dropped a
 * level that the cut shows was within the depth, the book is incomplete, whatever the checksum (it covers
 * only the top 10) says.
 */
final class KrakenBookSync extends SnapshotStreamSync
{
    private final int depth;
    private final boolean version2;

    KrakenBookSync(final int depth, final boolean version2)
    {
        if (depth <= 0)
        {
            throw new IllegalArgumentException("depth must be positive: " + depth);
        }
        this.depth = depth;
        this.version2 = version2;
    }

    @Override
    public int verify(final OrderBook book, final boolean hasChecksum, final long checksum)
    {
        if (!book.truncate(depth))
        {
            return VERIFY_INCOMPLETE;
        }
        if (!hasChecksum)
        {
            return VERIFY_NONE;
        }
        return (int)KrakenChecksum.compute(book) == (int)checksum ? VERIFY_OK : VERIFY_MISMATCH;
    }

    @Override
    public boolean decimalsFromScale()
    {
        return version2;
    }
}
