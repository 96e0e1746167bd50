package io.fathom.codec.journal;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written by schema version 1, laid out byte by byte as version 1 wrote them, decode with
 * today's readers: the fields version 1 had keep their values, the ones it lacked read as defaults.
 */
class JournalVersionOneTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);

    @Test
    void decodesAVersionOneSnapshotFindingItsLevelsAfterTheShorterBlock()
    {
        final int at = 3;
        header(at, JournalTemplate.SNAPSHOT, 32);
        final int body = at + 8;
        buffer.putInt(body, 7, LE);
        buffer.putByte(body + 4, SnapshotRecord.REASON_SYNC);
        buffer.putByte(body + 5, (byte)1);
        buffer.putLong(body + 8, 1_000L, LE);
        buffer.putLong(body + 16, 1_700_000_000_000_000_000L, LE);
        buffer.putInt(body + 24, 2, LE);
        buffer.putInt(body + 28, 1, LE);
        final long[][] levels = { { 100_00, 5 }, { 99_00, 6 }, { 101_00, 7 } };
        for (int i = 0; i < levels.length; i++)
        {
            buffer.putLong(body + 32 + i * 16, levels[i][0], LE);
            buffer.putLong(body + 32 + i * 16 + 8, levels[i][1], LE);
        }
        final int length = 8 + 32 + 3 * 16;

        assertThat(JournalHeader.version(buffer, at)).isEqualTo(1);
        assertThat(JournalHeader.isSupported(1)).isTrue();
        assertThat(JournalRecords.problem(JournalTemplate.SNAPSHOT, buffer, at, length)).isNull();
        final SnapshotRecord snapshot = SnapshotRecord.reader().wrap(buffer, at);
        assertThat(snapshot.instrumentId()).isEqualTo(7);
        assertThat(snapshot.reason()).isEqualTo(SnapshotRecord.REASON_SYNC);
        assertThat(snapshot.valid()).isTrue();
        assertThat(snapshot.updateId()).isEqualTo(1_000L);
        assertThat(snapshot.syncDeltaCount()).isEqualTo(SnapshotRecord.UNKNOWN_COUNT);
        assertThat(snapshot.bidPrice(0)).isEqualTo(100_00);
        assertThat(snapshot.bidQuantity(1)).isEqualTo(6);
        assertThat(snapshot.askPrice(0)).isEqualTo(101_00);
        assertThat(snapshot.askQuantity(0)).isEqualTo(7);
        assertThat(snapshot.declaredLength()).isEqualTo(length);
        assertThat(JournalRecords.epochNs(JournalTemplate.SNAPSHOT, buffer, at)).isEqualTo(1_700_000_000_000_000_000L);
    }

    @Test
    void decodesAVersionOneBookStateWithoutTriggerIds()
    {
        header(0, JournalTemplate.BOOK_STATE, 24);
        buffer.putInt(8, 3, LE);
        buffer.putByte(12, BookStateRecord.REASON_GAP);
        buffer.putLong(16, 555L, LE);
        buffer.putLong(24, 42L, LE);

        assertThat(JournalRecords.problem(JournalTemplate.BOOK_STATE, buffer, 0, 32)).isNull();
        final BookStateRecord state = BookStateRecord.reader().wrap(buffer, 0);
        assertThat(state.instrumentId()).isEqualTo(3);
        assertThat(state.reason()).isEqualTo(BookStateRecord.REASON_GAP);
        assertThat(state.updateId()).isEqualTo(555L);
        assertThat(state.epochNs()).isEqualTo(42L);
        assertThat(state.triggerFirstUpdateId()).isEqualTo(BookStateRecord.NO_ID);
        assertThat(state.triggerLastUpdateId()).isEqualTo(BookStateRecord.NO_ID);
    }

    @Test
    void decodesAVersionOneSessionStartAndEnd()
    {
        header(0, JournalTemplate.SESSION_START, 16);
        buffer.putLong(8, 99L, LE);
        buffer.putInt(16, 1, LE);
        buffer.putInt(20, 0, LE);
        int p = 24;
        buffer.putInt(p, 0, LE);
        buffer.putByte(p + 4, (byte)8);
        buffer.putByte(p + 5, (byte)6);
        buffer.putByte(p + 6, (byte)7);
        buffer.putStringWithoutLengthAscii(p + 7, "binance");
        p += 14;
        buffer.putByte(p, (byte)7);
        buffer.putStringWithoutLengthAscii(p + 1, "BTCUSDT");
        final int startLength = p + 8;

        assertThat(JournalRecords.problem(JournalTemplate.SESSION_START, buffer, 0, startLength)).isNull();
        final SessionRecords.SessionStart start = SessionRecords.decodeStart(buffer, 0, startLength);
        assertThat(start.epochNs()).isEqualTo(99L);
        assertThat(start.continuation()).isFalse();
        assertThat(start.config()).isEqualTo(SessionRecords.SessionConfig.UNKNOWN);
        assertThat(start.instruments()).containsExactly(new SessionRecords.Instrument(0, "binance", "BTCUSDT", 8, 6));

        header(0, JournalTemplate.SESSION_END, 32);
        buffer.putLong(8, 123L, LE);
        buffer.putByte(16, (byte)1);
        buffer.putLong(24, 10L, LE);
        buffer.putLong(32, 2L, LE);
        assertThat(JournalRecords.problem(JournalTemplate.SESSION_END, buffer, 0, 40)).isNull();
        assertThat(SessionRecords.decodeEnd(buffer, 0, 40)).isEqualTo(new SessionRecords.SessionEnd(123L, true, 10L, 2L, 0L));
    }

    @Test
    void decodesAVersionOneDeltaWhoseLayoutDidNotChange()
    {
        header(0, JournalTemplate.DELTA, 56);
        buffer.putInt(8, 2, LE);
        buffer.putShort(12, (short)0, LE);
        buffer.putShort(14, (short)1, LE);
        buffer.putLong(16, 11L, LE);
        buffer.putLong(24, 12L, LE);
        buffer.putLong(32, -1L, LE);
        buffer.putLong(40, 1_000L, LE);
        buffer.putLong(48, 77L, LE);
        buffer.putInt(56, 1, LE);
        buffer.putLong(64, 250L, LE);
        buffer.putLong(72, 3L, LE);
        buffer.putByte(80, (byte)1);

        assertThat(JournalRecords.problem(JournalTemplate.DELTA, buffer, 0, 81)).isNull();
        final DeltaRecord delta = DeltaRecord.reader().wrap(buffer, 0);
        assertThat(delta.instrumentId()).isEqualTo(2);
        assertThat(delta.firstUpdateId()).isEqualTo(11L);
        assertThat(delta.lastUpdateId()).isEqualTo(12L);
        assertThat(delta.receiveEpochNs()).isEqualTo(77L);
        assertThat(delta.side(0)).isEqualTo((byte)1);
        assertThat(delta.price(0)).isEqualTo(250L);
        assertThat(delta.quantity(0)).isEqualTo(3L);
    }

    @Test
    void rejectsAVersionNewerThanItKnows()
    {
        assertThat(JournalHeader.isSupported(JournalHeader.SCHEMA_VERSION)).isTrue();
        assertThat(JournalHeader.isSupported(JournalHeader.SCHEMA_VERSION + 1)).isFalse();
        assertThat(JournalHeader.isSupported(0)).isFalse();
    }

    private void header(final int offset, final JournalTemplate template, final int blockLength)
    {
        buffer.putShort(offset, (short)JournalHeader.SCHEMA_ID, LE);
        buffer.putShort(offset + 2, (short)1, LE);
        buffer.putShort(offset + 4, (short)template.id(), LE);
        buffer.putShort(offset + 6, (short)blockLength, LE);
    }
}
