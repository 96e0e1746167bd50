package io.fathom.engine.sync;

import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.engine.book.OrderBook;

/**
 * OKX v5 {@code books}: each update's {@code prevSeqId} must equal the previous message's {@code seqId}
 * (a message without changes repeats it: {@code prevSeqId == seqId}); the CRC32 of the top 25 levels is
 * compared when {@code checksum} is non-zero (OKX sends 0 since June 2026, leaving the sequence alone).
 * Messages from before OKX added {@code seqId} (such as the 2022 recordings) carry only the checksum.
 */
final class OkxBookSync extends SnapshotStreamSync
{
    @Override
    public int onDelta(final OrderBook book, final long firstUpdateId, final long lastUpdateId, final long previousUpdateId)
    {
        if (isAbsent(lastUpdateId))
        {
            return CONTINUE;
        }
        return previousUpdateId == book.updateId() && !isAbsent(previousUpdateId) ? CONTINUE : GAP;
    }

    @Override
    public int verify(final OrderBook book, final boolean hasChecksum, final long checksum)
    {
        if (!hasChecksum || checksum == 0)
        {
            return VERIFY_NONE;
        }
        return (int)OkxChecksum.compute(book) == (int)checksum ? VERIFY_OK : VERIFY_MISMATCH;
    }
}
