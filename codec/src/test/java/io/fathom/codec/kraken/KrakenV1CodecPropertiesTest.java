package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KrakenV1CodecPropertiesTest
{
    private final KrakenV1BookEncoder encoder = new KrakenV1BookEncoder();
    private final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(Messages.SCALE, Messages.SCALE);
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final DepthMessage decoded = new DepthMessage(128);

    @Property(tries = 1500)
    void decodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean snapshot,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long eventTimeMs,
        @ForAll("levels") final List<Level> levels,
        @ForAll @LongRange(min = -1, max = 0xFFFF_FFFFL) final long checksum,
        @ForAll @LongRange(min = 0, max = 1_000_000) final long channelId,
        @ForAll @IntRange(min = 1, max = 5) final int depthIndex)
    {
        final int depth = new int[]{ 0, 10, 25, 100, 500, 1000 }[depthIndex];
        final DepthMessage message = Messages.message(
            snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, symbol,
            levels.isEmpty() ? 0 : eventTimeMs, levels);
        if (checksum >= 0)
        {
            message.checksum(checksum);
        }

        final int length = encoder.encode(buffer, 3, channelId, depth, message);

        assertThat(length).isLessThanOrEqualTo(KrakenV1BookEncoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(decoder.decode(buffer, 3, length, decoded)).as(buffer.getStringWithoutLengthAscii(3, length))
            .isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(decoded, Messages.grouped(message, DepthMessage.ASK));
        assertThat(decoder.bookDepth()).isEqualTo(depth);
        assertThat(decoder.channelId()).isEqualTo(channelId);
    }

    @Property(tries = 2000)
    void neverThrowsOnCorruptedFrames(
        @ForAll("fewLevels") final List<Level> levels,
        @ForAll @IntRange(max = 10_000) final int where,
        @ForAll final byte replacement)
    {
        final int length = encoder.encode(buffer, 0, 42, 10, Messages.message(DepthMessage.KIND_DELTA, "XBT/USD",
            1_618_678_133_365L, levels).checksum(7));
        final byte[] frame = new byte[length];
        buffer.getBytes(0, frame);
        frame[where % length] = replacement;

        final DecodeResult result = decoder.decode(new UnsafeBuffer(frame), 0, length, decoded);

        if (result.isError())
        {
            assertThat(decoder.errorOffset()).isBetween(0, length);
            assertThat(decoded.levelCount()).isZero();
        }
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.", DepthMessage.MAX_SYMBOL_LENGTH);
    }

    @Provide
    Arbitrary<List<Level>> levels()
    {
        return Messages.levels().list().ofMaxSize(100);
    }

    @Provide
    Arbitrary<List<Level>> fewLevels()
    {
        return Messages.levels().list().ofMaxSize(8);
    }
}
