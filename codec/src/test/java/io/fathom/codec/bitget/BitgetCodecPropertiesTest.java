package io.fathom.codec.bitget;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.checksum.ReferenceBook;
import io.fathom.codec.venue.FrameDecoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitget v1 {@code books} over generated book evolutions: a snapshot, then updates, each carrying the
 * checksum of the venue's book after it (0, read as none, for an empty book). Encode then decode is the
 * identity, and the checksums verify over a book rebuilt from the decoded messages alone, so the received
 * decimals the checksum hashes survive the round trip.
 */
class BitgetCodecPropertiesTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final DepthMessage decoded = new DepthMessage(128);
    private final FrameDecoder decoder = FrameDecoder.forVenue(Venue.BITGET, Messages.SCALE, Messages.SCALE);

    /** An update of one level of the pool: its new quantity (0 removes it) written with these decimals. */
    record Change(int level, long quantity, int quantityDecimals)
    {
    }

    @Property(tries = 300)
    void snapshotAndUpdatesRoundTripWithChecksumsThatVerify(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean futures,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long ts,
        @ForAll("pools") final List<Level> pool,
        @ForAll("changes") final List<List<Change>> updates)
    {
        final BitgetBooksEncoder encoder = new BitgetBooksEncoder(
            futures ? BitgetProtocol.MIX_PUSH_INST_TYPE : BitgetProtocol.SPOT_PUSH_INST_TYPE);
        final ReferenceBook venueBook = new ReferenceBook();
        final ReferenceBook rebuilt = new ReferenceBook();
        int checksummed = 0;
        int verified = 0;
        for (int i = 0; i <= updates.size(); i++)
        {
            final DepthMessage sent = i == 0 ?
                Messages.message(DepthMessage.KIND_SNAPSHOT, symbol, ts, pool) :
                Messages.message(DepthMessage.KIND_DELTA, symbol, ts + i, levels(pool, updates.get(i - 1)));
            final long checksum = OkxChecksum.compute(venueBook.apply(sent));
            if (0 != checksum)
            {
                sent.checksum(checksum);
                checksummed++;
            }

            final int length = encoder.encode(buffer, 0, sent);

            assertThat(length).isLessThanOrEqualTo(BitgetBooksEncoder.maxEncodedLength(symbol.length(), sent.levelCount()));
            assertThat(decoder.decodeFrame(buffer, 0, length, decoded)).as("message %d", i).isEqualTo(DecodeResult.DEPTH);
            Messages.assertSameMessage(decoded, Messages.grouped(sent, DepthMessage.ASK));
            final long rebuiltChecksum = OkxChecksum.compute(rebuilt.apply(decoded));
            if (decoded.hasChecksum())
            {
                assertThat(rebuiltChecksum).as("checksum of message %d", i).isEqualTo(decoded.checksum());
                verified++;
            }
        }
        assertThat(rebuilt.levels(DepthMessage.BID)).isEqualTo(venueBook.levels(DepthMessage.BID));
        assertThat(rebuilt.levels(DepthMessage.ASK)).isEqualTo(venueBook.levels(DepthMessage.ASK));
        assertThat(verified).isEqualTo(checksummed);
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", 24);
    }

    /** The levels of the snapshot; updates change, remove and re-add these prices. */
    @Provide
    Arbitrary<List<Level>> pools()
    {
        return Messages.levels().filter(level -> level.quantity() != 0).list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<List<Change>>> changes()
    {
        final Arbitrary<Change> change = Combinators.combine(
            Arbitraries.integers().between(0, 59),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(3, Messages.mantissas())),
            Arbitraries.integers().between(0, Messages.SCALE + 3))
            .as((level, quantity, decimals) -> new Change(level, Messages.exact(quantity, decimals), decimals));
        return change.list().ofMaxSize(8).list().ofMaxSize(12);
    }

    private static List<Level> levels(final List<Level> pool, final List<Change> changes)
    {
        final List<Level> levels = new ArrayList<>();
        for (final Change change : changes)
        {
            final Level level = pool.get(change.level() % pool.size());
            levels.add(new Level(
                level.side(), level.price(), change.quantity(), level.priceDecimals(), change.quantityDecimals()));
        }
        return levels;
    }
}
