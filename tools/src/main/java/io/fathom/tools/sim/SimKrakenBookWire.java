package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.kraken.KrakenProtocol;

/**
 * What Kraken WebSocket v1 and v2 {@code book} share: the view truncated at each subscription's own depth
 * (10 by default), Kraken's CRC32 checksum of the top 10 levels, and a heartbeat to a subscribed
 * connection idle for {@link KrakenProtocol#HEARTBEAT_INTERVAL_MS}. Subclasses parse the version's
 * requests and write its replies and frames.
 */
abstract class SimKrakenBookWire extends SimSnapshotWire
{
    static final int DEFAULT_DEPTH = 10;

    private final String heartbeat;

    SimKrakenBookWire(
        final Venue venue,
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults,
        final int maxFrameLength,
        final String heartbeat)
    {
        super(venue, symbols, books, subscriptions, sender, faults, maxFrameLength);
        this.heartbeat = heartbeat;
    }

    final int onTimer(final long nowMs)
    {
        int sent = 0;
        for (int i = 0, count = subscriptions.openCount(); i < count; i++)
        {
            final SimSession session = subscriptions.open(i);
            if (session.subscriptionCount() > 0 && nowMs - session.lastSentMs() >= KrakenProtocol.HEARTBEAT_INTERVAL_MS)
            {
                sender.reply(session, heartbeat);
                sent++;
            }
        }
        return sent;
    }

    final int depth(final SimSession session, final int symbolIndex)
    {
        return session.depth(symbolIndex);
    }

    final int checksumLevels()
    {
        return KrakenChecksum.LEVELS;
    }

    final long checksum(final ChecksumBook book)
    {
        return KrakenChecksum.compute(book);
    }
}
