package io.fathom.tools.replay;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.JournalHeader;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.journal.Journal;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

import java.io.File;
import java.time.Instant;
import java.util.List;

/**
 * A small journal written record by record with the codec's encoders, at chosen times, so tests know
 * every book at every moment: BTCUSDT at price scale 2 and quantity scale 3, ETHUSDT at 8 and 8.
 */
final class JournalFixture implements AutoCloseable
{
    static final long T0_NS = Instant.parse("2026-11-22T14:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long SECOND_NS = 1_000_000_000L;
    static final int BTC = 0;
    static final int ETH = 1;

    private final Journal journal;
    private final ExcerptAppender appender;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);

    JournalFixture(final File directory)
    {
        journal = new Journal(directory);
        appender = journal.queue().createAppender();
    }

    static String time(final long epochNs)
    {
        return IsoTime.format(epochNs);
    }

    /** The story the tests tell; {@code periodicBidQuantity} is 3000 for a journal that agrees with itself. */
    static void writeStory(final File directory, final long periodicBidQuantity)
    {
        try (JournalFixture journal = new JournalFixture(directory))
        {
            journal.sessionStart(T0_NS, 77);
            journal.snapshot(BTC, SnapshotRecord.REASON_SYNC, true, 10, T0_NS + SECOND_NS, 1,
                new long[][]{ { 10_000, 1_000 }, { 9_950, 2_000 } }, new long[][]{ { 10_050, 1_500 } });
            journal.delta(BTC, 11, 11, T0_NS + 900_000_000L, 0, 10_000, 3_000);
            journal.delta(BTC, 12, 12, T0_NS + 2 * SECOND_NS, 1, 10_050, 0, 1, 10_100, 250);
            journal.snapshot(ETH, SnapshotRecord.REASON_SYNC, true, 500, T0_NS + 2 * SECOND_NS, 0,
                new long[][]{ { 1_000_000_000L, 100_000_000L } }, new long[][]{ { 1_100_000_000L, 100_000_000L } });
            journal.delta(BTC, 13, 14, T0_NS + 3 * SECOND_NS, 0, 9_950, 0);
            journal.snapshot(BTC, SnapshotRecord.REASON_PERIODIC, true, 14, T0_NS + 4 * SECOND_NS, 0,
                new long[][]{ { 10_000, periodicBidQuantity } }, new long[][]{ { 10_100, 250 } });
            journal.bookState(BTC, BookStateRecord.REASON_GAP, 14, 16, 17, T0_NS + 5 * SECOND_NS);
            journal.feedState(BTC, FeedStateRecord.STATE_LIVE, FeedStateRecord.STATE_RESYNCING, "gap", T0_NS + 6 * SECOND_NS);
            journal.snapshot(BTC, SnapshotRecord.REASON_SYNC, true, 20, T0_NS + 7 * SECOND_NS, 0,
                new long[][]{ { 10_025, 1_000 } }, new long[][]{ { 10_075, 1_000 } });
            journal.snapshot(BTC, SnapshotRecord.REASON_FINAL, true, 20, T0_NS + 8 * SECOND_NS, 0,
                new long[][]{ { 10_025, 1_000 } }, new long[][]{ { 10_075, 1_000 } });
            journal.snapshot(ETH, SnapshotRecord.REASON_FINAL, true, 500, T0_NS + 8 * SECOND_NS, 0,
                new long[][]{ { 1_000_000_000L, 100_000_000L } }, new long[][]{ { 1_100_000_000L, 100_000_000L } });
            journal.sessionEnd(T0_NS + 9 * SECOND_NS, 77);
        }
    }

    void sessionStart(final long epochNs, final long sessionId)
    {
        append(SessionRecords.encodeStart(buffer, 0, epochNs, false,
            new SessionRecords.SessionConfig(sessionId, 10, 2048, 4_000, "venue=binance"),
            List.of(new SessionRecords.Instrument(BTC, "binance", "BTCUSDT", 2, 3),
                new SessionRecords.Instrument(ETH, "binance", "ETHUSDT", 8, 8))));
    }

    void sessionEnd(final long epochNs, final long sessionId)
    {
        append(SessionRecords.encodeEnd(buffer, 0, epochNs, true, 3, 6, sessionId));
    }

    /** @param levels side, price, quantity triples. */
    void delta(final int id, final long first, final long last, final long epochNs, final long... levels)
    {
        int position = DeltaRecord.encodeFixed(buffer, 0, id, 0, 1, first, last, -1, epochNs / 1_000_000, epochNs, levels.length / 3);
        for (int i = 0; i < levels.length; i += 3)
        {
            position = DeltaRecord.putLevel(buffer, position, (byte)levels[i], levels[i + 1], levels[i + 2]);
        }
        append(position);
    }

    void snapshot(
        final int id,
        final byte reason,
        final boolean valid,
        final long updateId,
        final long epochNs,
        final int syncDeltas,
        final long[][] bids,
        final long[][] asks)
    {
        int position = SnapshotRecord.encodeFixed(buffer, 0, id, reason, valid, updateId, epochNs, bids.length, asks.length, syncDeltas);
        for (final long[] level : bids)
        {
            position = SnapshotRecord.putLevel(buffer, position, level[0], level[1]);
        }
        for (final long[] level : asks)
        {
            position = SnapshotRecord.putLevel(buffer, position, level[0], level[1]);
        }
        append(position);
    }

    void bookState(final int id, final byte reason, final long updateId, final long first, final long last, final long epochNs)
    {
        append(BookStateRecord.encode(buffer, 0, id, reason, updateId, first, last, epochNs));
    }

    void feedState(final int id, final byte from, final byte to, final String cause, final long epochNs)
    {
        append(FeedStateRecord.encode(buffer, 0, epochNs, id, 2, from, to, cause));
    }

    /** A record of a schema version newer than this reader knows. */
    void newerVersionRecord()
    {
        final int length = BookStateRecord.encode(buffer, 0, BTC, BookStateRecord.REASON_GAP, 1, 1, 1, T0_NS);
        buffer.putShort(JournalHeader.VERSION_OFFSET, (short)(JournalHeader.SCHEMA_VERSION + 1), JournalHeader.BYTE_ORDER);
        append(length);
    }

    private void append(final int length)
    {
        try (DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(buffer.byteArray(), 0, length);
        }
    }

    @Override
    public void close()
    {
        appender.close();
        journal.close();
    }
}
