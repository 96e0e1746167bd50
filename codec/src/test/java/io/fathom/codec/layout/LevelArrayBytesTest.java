package io.fathom.codec.layout;

import io.fathom.codec.journal.JournalHeader;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.codec.wire.BookSnapshot;
import io.fathom.codec.wire.LevelChanges;
import io.fathom.codec.wire.WireHeader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level arrays of the book stream's {@code BookSnapshot} and {@code LevelChanges} and of the journal's
 * {@code SnapshotRecord} are byte for byte the layout their Javadoc draws: each level written field by field at
 * its documented offset, little-endian, gives the same bytes as the codec, and the codec reads them back.
 */
class LevelArrayBytesTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final UnsafeBuffer encoded = new UnsafeBuffer(new byte[1 << 14]);
    private final UnsafeBuffer reference = new UnsafeBuffer(new byte[1 << 14]);

    @Property
    void bookSnapshotLevelsAreSixteenBytesOfPriceThenQuantity(
        @ForAll @IntRange(min = 0, max = 64) final int offset,
        @ForAll @Size(max = 40) final List<Long> prices,
        @ForAll final long quantitySeed,
        @ForAll @IntRange(min = 0, max = 40) final int bidCountWanted)
    {
        final int count = prices.size();
        final int bidCount = Math.min(bidCountWanted, count);
        BookSnapshot.encode(encoded, offset, 3, 4, 5L, 6L, 7L, bidCount, count - bidCount);
        BookSnapshot.encode(reference, offset, 3, 4, 5L, 6L, 7L, bidCount, count - bidCount);
        final int levels = offset + WireHeader.LENGTH + BookSnapshot.BLOCK_LENGTH;
        for (int i = 0; i < count; i++)
        {
            BookSnapshot.putLevel(encoded, offset, i, prices.get(i), quantitySeed + i);
            reference.putLong(levels + 16 * i, prices.get(i), LE);
            reference.putLong(levels + 16 * i + 8, quantitySeed + i, LE);
        }
        final int length = BookSnapshot.length(count);
        assertSameBytes(offset, length);
        final BookSnapshot snapshot = new BookSnapshot().wrap(encoded, offset);
        for (int i = 0; i < count; i++)
        {
            assertThat(snapshot.price(i)).isEqualTo(prices.get(i));
            assertThat(snapshot.quantity(i)).isEqualTo(quantitySeed + i);
        }
    }

    @Property
    void levelChangesLevelsAreSeventeenBytesOfPriceQuantityAndSide(
        @ForAll @IntRange(min = 0, max = 64) final int offset,
        @ForAll @Size(max = 40) final List<Long> prices,
        @ForAll final long quantitySeed)
    {
        final int count = prices.size();
        LevelChanges.encode(encoded, offset, 3, 4, 5L, 6L, 7L, count, true);
        LevelChanges.encode(reference, offset, 3, 4, 5L, 6L, 7L, count, true);
        final int levels = offset + WireHeader.LENGTH + LevelChanges.BLOCK_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final byte side = (byte)(i & 1);
            LevelChanges.putLevel(encoded, offset, i, side, prices.get(i), quantitySeed - i);
            reference.putLong(levels + 17 * i, prices.get(i), LE);
            reference.putLong(levels + 17 * i + 8, quantitySeed - i, LE);
            reference.putByte(levels + 17 * i + 16, side);
        }
        assertSameBytes(offset, LevelChanges.length(count));
        final LevelChanges changes = new LevelChanges().wrap(encoded, offset);
        for (int i = 0; i < count; i++)
        {
            assertThat(changes.price(i)).isEqualTo(prices.get(i));
            assertThat(changes.quantity(i)).isEqualTo(quantitySeed - i);
            assertThat(changes.side(i)).isEqualTo((byte)(i & 1));
        }
    }

    @Property
    void snapshotRecordLevelsAreSixteenBytesOfPriceThenQuantityBidsFirst(
        @ForAll @IntRange(min = 0, max = 64) final int offset,
        @ForAll @Size(max = 20) final List<Long> bids,
        @ForAll @Size(max = 20) final List<Long> asks)
    {
        int at = SnapshotRecord.encodeFixed(encoded, offset, 3, SnapshotRecord.REASON_PERIODIC, true, 6L, 7L, bids.size(), asks.size(), 0);
        SnapshotRecord.encodeFixed(reference, offset, 3, SnapshotRecord.REASON_PERIODIC, true, 6L, 7L, bids.size(), asks.size(), 0);
        final int levels = offset + JournalHeader.LENGTH + SnapshotRecord.BLOCK_LENGTH;
        assertThat(at).isEqualTo(levels);
        for (int i = 0; i < bids.size(); i++)
        {
            at = SnapshotRecord.putLevel(encoded, at, bids.get(i), i);
            reference.putLong(levels + 16 * i, bids.get(i), LE);
            reference.putLong(levels + 16 * i + 8, i, LE);
        }
        for (int i = 0; i < asks.size(); i++)
        {
            at = SnapshotRecord.putLevel(encoded, at, asks.get(i), -i);
            reference.putLong(levels + 16 * (bids.size() + i), asks.get(i), LE);
            reference.putLong(levels + 16 * (bids.size() + i) + 8, -i, LE);
        }
        final int length = SnapshotRecord.length(bids.size(), asks.size());
        assertThat(at).isEqualTo(offset + length);
        assertSameBytes(offset, length);
        final SnapshotRecord record = SnapshotRecord.reader().wrap(encoded, offset);
        for (int i = 0; i < bids.size(); i++)
        {
            assertThat(record.bidPrice(i)).isEqualTo(bids.get(i));
            assertThat(record.bidQuantity(i)).isEqualTo(i);
        }
        for (int i = 0; i < asks.size(); i++)
        {
            assertThat(record.askPrice(i)).isEqualTo(asks.get(i));
            assertThat(record.askQuantity(i)).isEqualTo(-i);
        }
    }

    private void assertSameBytes(final int offset, final int length)
    {
        final byte[] actual = new byte[length];
        final byte[] expected = new byte[length];
        encoded.getBytes(offset, actual);
        reference.getBytes(offset, expected);
        assertThat(actual).isEqualTo(expected);
    }
}
