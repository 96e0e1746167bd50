package io.fathom.codec.wire;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class WireMessagesPropertiesTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 16]);

    @Property
    void instrumentDefinitionRoundTrips(
        @ForAll @IntRange(min = 0, max = 1000) final int offset,
        @ForAll final int instrumentId,
        @ForAll final int sequence,
        @ForAll @AlphaChars @StringLength(min = 1, max = 64) final String symbol,
        @ForAll @IntRange(min = 0, max = 18) final int priceScale,
        @ForAll @IntRange(min = 0, max = 18) final int quantityScale)
    {
        final String upper = symbol.toUpperCase(Locale.ROOT);
        final int length = InstrumentDefinition.encode(buffer, offset, instrumentId, sequence, 7L, upper, priceScale, quantityScale);

        assertHeader(offset, length, WireTemplate.INSTRUMENT, instrumentId, sequence);
        final InstrumentDefinition decoded = new InstrumentDefinition().wrap(buffer, offset);
        assertThat(decoded.symbol()).isEqualTo(upper);
        assertThat(decoded.priceScale()).isEqualTo(priceScale);
        assertThat(decoded.quantityScale()).isEqualTo(quantityScale);
        assertThat(decoded.venue()).isEmpty();
    }

    @Property
    void instrumentDefinitionWithItsVenueRoundTrips(
        @ForAll @IntRange(min = 0, max = 1000) final int offset,
        @ForAll final int instrumentId,
        @ForAll @AlphaChars @StringLength(min = 1, max = 64) final String symbol,
        @ForAll @AlphaChars @StringLength(min = 0, max = 32) final String venue,
        @ForAll @IntRange(min = 0, max = 18) final int priceScale)
    {
        final InstrumentDefinition.Names names = new InstrumentDefinition.Names(symbol, venue);
        final int length = InstrumentDefinition.encode(buffer, offset, names, instrumentId, 3, 7L, priceScale, 8);

        assertThat(length).isEqualTo(InstrumentDefinition.length(names));
        assertHeader(offset, length, WireTemplate.INSTRUMENT, instrumentId, 3);
        final InstrumentDefinition decoded = new InstrumentDefinition().wrap(buffer, offset, length);
        assertThat(decoded).isNotNull();
        assertThat(decoded.symbol()).isEqualTo(symbol.toUpperCase(Locale.ROOT));
        assertThat(decoded.venue()).isEqualTo(venue.toLowerCase(Locale.ROOT));
        assertThat(decoded.priceScale()).isEqualTo(priceScale);
        assertThat(decoded.quantityScale()).isEqualTo(8);
        assertThat(new InstrumentDefinition().wrap(buffer, offset, length - 1)).as("one byte short").isNull();
    }

    @Property
    void snapshotRoundTrips(
        @ForAll final int instrumentId,
        @ForAll final int sequence,
        @ForAll final long updateId,
        @ForAll @Size(max = 40) final List<Long> bids,
        @ForAll @Size(max = 40) final List<Long> asks)
    {
        final int offset = 3;
        BookSnapshot.encode(buffer, offset, instrumentId, sequence, 7L, updateId, 11L, bids.size(), asks.size());
        for (int i = 0; i < bids.size(); i++)
        {
            BookSnapshot.putLevel(buffer, offset, i, bids.get(i), i + 1);
        }
        for (int i = 0; i < asks.size(); i++)
        {
            BookSnapshot.putLevel(buffer, offset, bids.size() + i, asks.get(i), -i);
        }

        assertHeader(offset, BookSnapshot.length(bids.size() + asks.size()), WireTemplate.SNAPSHOT, instrumentId, sequence);
        final BookSnapshot decoded = new BookSnapshot().wrap(buffer, offset);
        assertThat(decoded.updateId()).isEqualTo(updateId);
        assertThat(decoded.epochNs()).isEqualTo(11L);
        assertThat(decoded.bidCount()).isEqualTo(bids.size());
        assertThat(decoded.askCount()).isEqualTo(asks.size());
        for (int i = 0; i < bids.size(); i++)
        {
            assertThat(decoded.price(i)).isEqualTo(bids.get(i));
            assertThat(decoded.quantity(i)).isEqualTo(i + 1);
        }
        for (int i = 0; i < asks.size(); i++)
        {
            assertThat(decoded.price(bids.size() + i)).isEqualTo(asks.get(i));
            assertThat(decoded.quantity(bids.size() + i)).isEqualTo(-i);
        }
    }

    @Property
    void levelChangesRoundTrip(
        @ForAll final int instrumentId,
        @ForAll final int sequence,
        @ForAll final long updateId,
        @ForAll final long receiveEpochNs,
        @ForAll final boolean lastPart,
        @ForAll @Size(max = 60) final List<Long> prices)
    {
        final int offset = 5;
        LevelChanges.encode(buffer, offset, instrumentId, sequence, 9L, updateId, receiveEpochNs, prices.size(), lastPart);
        for (int i = 0; i < prices.size(); i++)
        {
            LevelChanges.putLevel(buffer, offset, i, (byte)(i & 1), prices.get(i), prices.get(i) ^ i);
        }

        assertHeader(offset, LevelChanges.length(prices.size()), WireTemplate.DELTA, instrumentId, sequence);
        final LevelChanges decoded = new LevelChanges().wrap(buffer, offset);
        assertThat(decoded.updateId()).isEqualTo(updateId);
        assertThat(decoded.receiveEpochNs()).isEqualTo(receiveEpochNs);
        assertThat(decoded.lastPart()).isEqualTo(lastPart);
        assertThat(decoded.levelCount()).isEqualTo(prices.size());
        for (int i = 0; i < prices.size(); i++)
        {
            assertThat(decoded.side(i)).isEqualTo((byte)(i & 1));
            assertThat(decoded.price(i)).isEqualTo(prices.get(i));
            assertThat(decoded.quantity(i)).isEqualTo(prices.get(i) ^ i);
        }
    }

    @Property
    void bookInvalidRoundTrips(
        @ForAll final int instrumentId,
        @ForAll final int sequence,
        @ForAll @IntRange(min = 0, max = 255) final int reason,
        @ForAll final long updateId)
    {
        final int length = BookInvalid.encode(buffer, 0, instrumentId, sequence, 13L, reason, updateId);

        assertHeader(0, length, WireTemplate.INVALID, instrumentId, sequence);
        final BookInvalid decoded = new BookInvalid().wrap(buffer, 0);
        assertThat(decoded.reason()).isEqualTo(reason);
        assertThat(decoded.updateId()).isEqualTo(updateId);
    }

    @Property
    void snapshotRequestRoundTrips(
        @ForAll @IntRange(min = 0, max = 1000) final int offset,
        @ForAll final int sequence,
        @ForAll final int publisherSessionId,
        @ForAll @Size(max = SnapshotRequest.MAX_INSTRUMENTS) final List<Integer> instruments)
    {
        final int length = SnapshotRequest.encode(buffer, offset, sequence, 17L, publisherSessionId, instruments.size());
        for (int i = 0; i < instruments.size(); i++)
        {
            SnapshotRequest.putInstrument(buffer, offset, i, instruments.get(i));
        }

        assertHeader(offset, length, WireTemplate.SNAPSHOT_REQUEST, 0, sequence);
        assertThat(SnapshotRequest.isWellFormed(buffer, offset, length)).isTrue();
        assertThat(SnapshotRequest.isWellFormed(buffer, offset, length - 1)).as("a message cut short").isFalse();
        final SnapshotRequest decoded = new SnapshotRequest().wrap(buffer, offset);
        assertThat(decoded.publisherSessionId()).isEqualTo(publisherSessionId);
        assertThat(decoded.instrumentCount()).isEqualTo(instruments.size());
        for (int i = 0; i < instruments.size(); i++)
        {
            assertThat(decoded.instrumentId(i)).isEqualTo(instruments.get(i));
        }
    }

    @Property
    void aRequestAnnouncingMoreInstrumentsThanItHoldsOrAllowsIsRefused(
        @ForAll @IntRange(min = 1, max = SnapshotRequest.MAX_INSTRUMENTS) final int count)
    {
        final int length = SnapshotRequest.encode(buffer, 0, 1, 17L, 0, count);
        assertThat(SnapshotRequest.isWellFormed(buffer, 0, length - 4 * count)).isFalse();
        buffer.putShort(WireHeader.LENGTH + 4, (short)(SnapshotRequest.MAX_INSTRUMENTS + count), WireHeader.BYTE_ORDER);
        assertThat(SnapshotRequest.isWellFormed(buffer, 0, 1 << 15)).isFalse();
        BookInvalid.encode(buffer, 0, 0, 1, 17L, 0, 0L);
        assertThat(SnapshotRequest.isWellFormed(buffer, 0, BookInvalid.LENGTH)).as("another template").isFalse();
    }

    private void assertHeader(final int offset, final int length, final short template, final int instrumentId, final int sequence)
    {
        assertThat(WireHeader.isBookWire(buffer, offset, length)).isTrue();
        assertThat(WireHeader.version(buffer, offset)).isEqualTo(WireHeader.VERSION);
        assertThat(WireHeader.templateId(buffer, offset)).isEqualTo(template);
        assertThat(WireHeader.instrumentId(buffer, offset)).isEqualTo(instrumentId);
        assertThat(WireHeader.sequence(buffer, offset)).isEqualTo(sequence);
        assertThat(WireHeader.publishNs(buffer, offset)).isPositive();
    }
}
