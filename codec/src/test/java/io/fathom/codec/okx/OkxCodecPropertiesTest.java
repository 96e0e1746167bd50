package io.fathom.codec.okx;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
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

/**
 * Encode then decode is the identity for OKX and Bitget books pushes over generated books and diffs.
 */
class OkxCodecPropertiesTest
{
    private final OkxBooksEncoder okxEncoder = new OkxBooksEncoder();
    private final OkxBooksDecoder okxDecoder = new OkxBooksDecoder(Messages.SCALE, Messages.SCALE);
    private final BitgetBooksEncoder bitgetEncoder = new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE);
    private final BitgetBooksDecoder bitgetDecoder = new BitgetBooksDecoder(Messages.SCALE, Messages.SCALE);
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final DepthMessage decoded = new DepthMessage(128);

    @Property(tries = 1500)
    void okxDecodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean snapshot,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long ts,
        @ForAll("levels") final List<Level> levels,
        @ForAll @IntRange(min = Integer.MIN_VALUE) final int checksum,
        @ForAll @LongRange(min = -2, max = Long.MAX_VALUE) final long seqId,
        @ForAll @LongRange(min = -1, max = Long.MAX_VALUE) final long prevSeqId)
    {
        final DepthMessage message = Messages.message(
            snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, symbol, ts, levels);
        if (0 != checksum)
        {
            message.checksum(checksum);
        }
        if (seqId >= 0)
        {
            message.firstUpdateId(seqId).lastUpdateId(seqId).previousUpdateId(prevSeqId);
        }

        final int length = okxEncoder.encode(buffer, 5, message);

        assertThat(length).isLessThanOrEqualTo(OkxBooksEncoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(okxDecoder.decode(buffer, 5, length, decoded)).as(buffer.getStringWithoutLengthAscii(5, length))
            .isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(decoded, Messages.grouped(message, DepthMessage.ASK));
    }

    @Property(tries = 1500)
    void bitgetDecodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean snapshot,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long ts,
        @ForAll("levels") final List<Level> levels,
        @ForAll @IntRange(min = Integer.MIN_VALUE) final int checksum)
    {
        final DepthMessage message = Messages.message(
            snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, symbol, ts, levels);
        if (0 != checksum)
        {
            message.checksum(checksum);
        }

        final int length = bitgetEncoder.encode(buffer, 0, message);

        assertThat(length).isLessThanOrEqualTo(BitgetBooksEncoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(bitgetDecoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(decoded, Messages.grouped(message, DepthMessage.ASK));
    }

    @Property(tries = 2000)
    void neverThrowsOnCorruptedFrames(
        @ForAll("fewLevels") final List<Level> levels,
        @ForAll @IntRange(max = 10_000) final int where,
        @ForAll final byte replacement,
        @ForAll final boolean truncate)
    {
        final DepthMessage message = Messages.message(DepthMessage.KIND_DELTA, "BTC-USDT", 1_652_459_225_464L, levels);
        final int length = okxEncoder.encode(buffer, 0, message.checksum(-914_047_754).lastUpdateId(7));
        final byte[] frame = new byte[length];
        buffer.getBytes(0, frame);
        final int index = where % length;
        frame[index] = replacement;
        final int corruptedLength = truncate ? index : length;

        final DecodeResult result = okxDecoder.decode(new UnsafeBuffer(frame), 0, corruptedLength, decoded);

        if (result.isError())
        {
            assertThat(okxDecoder.errorOffset()).isBetween(0, corruptedLength);
            assertThat(decoded.levelCount()).isZero();
        }
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", DepthMessage.MAX_SYMBOL_LENGTH);
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
