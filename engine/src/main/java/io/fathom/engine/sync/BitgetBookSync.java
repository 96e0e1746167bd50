package io.fathom.engine.sync;

import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.engine.book.OrderBook;

/** Bitget v1 {@code books}: the same top-25 CRC32 as OKX on every snapshot and update; no sequence. */
final class BitgetBookSync extends SnapshotStreamSync
{
    @Override
    public int verify(final OrderBook book, final boolean hasChecksum, final long checksum)
    {
        if (!hasChecksum)
        {
            return VERIFY_NONE;
        }
        return (int)OkxChecksum.compute(book) == (int)checksum ? VERIFY_OK : VERIFY_MISMATCH;
    }
}
