package io.fathom.engine.sync;

import io.fathom.engine.book.OrderBook;

/**
 * A venue that sends the snapshot on the stream after a subscribe and offers no per-book sequence or
 * checksum: Coinbase (whose {@code sequence_num} counts the whole connection, so its gaps are caught on
 * the connection) and Hyperliquid (every message is a full snapshot).
 */
class SnapshotStreamSync extends BookSync
{
    @Override
    public boolean restSnapshot()
    {
        return false;
    }

    @Override
    public int onDelta(final OrderBook book, final long firstUpdateId, final long lastUpdateId, final long previousUpdateId)
    {
        return CONTINUE;
    }
}
