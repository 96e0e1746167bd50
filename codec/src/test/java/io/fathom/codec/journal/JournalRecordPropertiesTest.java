package io.fathom.codec.journal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Encode then decode is the identity for every record, and every encoded record checks as whole. */
class JournalRecordPropertiesTest
{
    @Property(tries = 500)
    void deltaRoundTrips(
        @ForAll @IntRange(max = 100_000) final int instrumentId,
        @ForAll final long firstUpdateId,
        @ForAll final long lastUpdateId,
        @ForAll final long receiveEpochNs,
        @ForAll("levelLists") final List<long[]> levels,
        @ForAll @IntRange(max = 64) final int offset)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        int position = DeltaRecord.encodeFixed(
            buffer, offset, instrumentId, 1, 3, firstUpdateId, lastUpdateId, -1L, 17L, receiveEpochNs, levels.size());
        for (final long[] level : levels)
        {
            position = DeltaRecord.putLevel(buffer, position, (byte)level[2], level[0], level[1]);
        }
        final int length = position - offset;

        assertThat(length).isEqualTo(DeltaRecord.length(levels.size()));
        assertThat(JournalRecords.problem(JournalTemplate.DELTA, buffer, offset, length)).isNull();
        assertThat(JournalRecords.problem(JournalTemplate.DELTA, buffer, offset, length - 1)).isNotNull();
        final DeltaRecord delta = DeltaRecord.reader().wrap(buffer, offset);
        assertThat(JournalHeader.version(buffer, offset)).isEqualTo(JournalHeader.SCHEMA_VERSION);
        assertThat(delta.instrumentId()).isEqualTo(instrumentId);
        assertThat(delta.partIndex()).isEqualTo(1);
        assertThat(delta.partCount()).isEqualTo(3);
        assertThat(delta.firstUpdateId()).isEqualTo(firstUpdateId);
        assertThat(delta.lastUpdateId()).isEqualTo(lastUpdateId);
        assertThat(delta.previousUpdateId()).isEqualTo(-1L);
        assertThat(delta.eventTimeMs()).isEqualTo(17L);
        assertThat(delta.receiveEpochNs()).isEqualTo(receiveEpochNs);
        assertThat(delta.levelCount()).isEqualTo(levels.size());
        for (int i = 0; i < levels.size(); i++)
        {
            assertThat(new long[]{ delta.price(i), delta.quantity(i), delta.side(i) }).isEqualTo(levels.get(i));
        }
    }

    @Property(tries = 500)
    void snapshotRoundTrips(
        @ForAll("levelLists") final List<long[]> bids,
        @ForAll("levelLists") final List<long[]> asks,
        @ForAll @IntRange(max = 1_000) final int syncDeltaCount,
        @ForAll final long updateId,
        @ForAll final boolean valid)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        int position = SnapshotRecord.encodeFixed(
            buffer, 0, 9, SnapshotRecord.REASON_SYNC, valid, updateId, 5L, bids.size(), asks.size(), syncDeltaCount);
        for (final long[] level : bids)
        {
            position = SnapshotRecord.putLevel(buffer, position, level[0], level[1]);
        }
        for (final long[] level : asks)
        {
            position = SnapshotRecord.putLevel(buffer, position, level[0], level[1]);
        }

        assertThat(position).isEqualTo(SnapshotRecord.length(bids.size(), asks.size()));
        assertThat(JournalRecords.problem(JournalTemplate.SNAPSHOT, buffer, 0, position)).isNull();
        final SnapshotRecord snapshot = SnapshotRecord.reader().wrap(buffer, 0);
        assertThat(snapshot.valid()).isEqualTo(valid);
        assertThat(snapshot.updateId()).isEqualTo(updateId);
        assertThat(snapshot.syncDeltaCount()).isEqualTo(syncDeltaCount);
        assertThat(snapshot.declaredLength()).isEqualTo(position);
        for (int i = 0; i < bids.size(); i++)
        {
            assertThat(new long[]{ snapshot.bidPrice(i), snapshot.bidQuantity(i) })
                .isEqualTo(new long[]{ bids.get(i)[0], bids.get(i)[1] });
        }
        for (int i = 0; i < asks.size(); i++)
        {
            assertThat(new long[]{ snapshot.askPrice(i), snapshot.askQuantity(i) })
                .isEqualTo(new long[]{ asks.get(i)[0], asks.get(i)[1] });
        }
    }

    @Property(tries = 300)
    void sessionStartRoundTrips(
        @ForAll("symbolLists") final List<String> symbols,
        @ForAll final long sessionId,
        @ForAll final boolean continuation,
        @ForAll("texts") final String description)
    {
        final List<SessionRecords.Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++)
        {
            instruments.add(new SessionRecords.Instrument(i, "binance", symbols.get(i), 8, i % 19));
        }
        final SessionRecords.SessionConfig config = new SessionRecords.SessionConfig(sessionId, 10, 2048, 60_000, description);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final int length = SessionRecords.encodeStart(buffer, 0, 123L, continuation, config, instruments);

        assertThat(JournalRecords.problem(JournalTemplate.SESSION_START, buffer, 0, length)).isNull();
        assertThat(JournalRecords.problem(JournalTemplate.SESSION_START, buffer, 0, length - 1)).isNotNull();
        assertThat(SessionRecords.decodeStart(buffer, 0, length))
            .isEqualTo(new SessionRecords.SessionStart(123L, continuation, config, instruments));
    }

    @Property(tries = 300)
    void feedStateRoundTripsWithItsCauseCutToTheLimit(
        @ForAll("texts") final String cause,
        @ForAll final byte from,
        @ForAll final byte to)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final int length = FeedStateRecord.encode(buffer, 0, 99L, 4, 2, from, to, cause);

        assertThat(length).isLessThanOrEqualTo(FeedStateRecord.maxLength());
        assertThat(JournalRecords.problem(JournalTemplate.FEED_STATE, buffer, 0, length)).isNull();
        final FeedStateRecord record = FeedStateRecord.reader().wrap(buffer, 0);
        assertThat(record.epochNs()).isEqualTo(99L);
        assertThat(record.instrumentId()).isEqualTo(4);
        assertThat(record.connectionId()).isEqualTo(2);
        assertThat(record.fromState()).isEqualTo(from);
        assertThat(record.toState()).isEqualTo(to);
        assertThat(record.cause()).isEqualTo(cause.substring(0, Math.min(cause.length(), FeedStateRecord.MAX_CAUSE_LENGTH)));
        assertThat(record.declaredLength()).isEqualTo(length);
    }

    @Property(tries = 200)
    void bookStateAndSessionEndRoundTrip(@ForAll final long updateId, @ForAll final long trigger, @ForAll final boolean clean)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final int length = BookStateRecord.encode(buffer, 0, 1, BookStateRecord.REASON_CROSSED, updateId, trigger, trigger + 1, 7L);
        assertThat(JournalRecords.problem(JournalTemplate.BOOK_STATE, buffer, 0, length)).isNull();
        final BookStateRecord state = BookStateRecord.reader().wrap(buffer, 0);
        assertThat(state.updateId()).isEqualTo(updateId);
        assertThat(state.triggerFirstUpdateId()).isEqualTo(trigger);
        assertThat(state.triggerLastUpdateId()).isEqualTo(trigger + 1);

        final int endLength = SessionRecords.encodeEnd(buffer, 0, 8L, clean, updateId, trigger, 31L);
        assertThat(JournalRecords.problem(JournalTemplate.SESSION_END, buffer, 0, endLength)).isNull();
        assertThat(SessionRecords.decodeEnd(buffer, 0, endLength))
            .isEqualTo(new SessionRecords.SessionEnd(8L, clean, updateId, trigger, 31L));
    }

    @Provide
    Arbitrary<List<long[]>> levelLists()
    {
        return Arbitraries.longs().array(long[].class).ofSize(3)
            .map(level -> new long[]{ level[0], level[1], Math.floorMod(level[2], 2) })
            .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> symbolLists()
    {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> texts()
    {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(1_500);
    }
}
