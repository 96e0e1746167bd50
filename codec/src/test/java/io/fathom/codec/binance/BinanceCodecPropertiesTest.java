package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.binance.DepthFrames.Level;
import static io.fathom.codec.binance.DepthFrames.assertSameMessage;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

class BinanceCodecPropertiesTest
{
    private static final int CAPACITY = 64;
    private static final int SCALE = 8;

    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(SCALE, SCALE);
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SCALE, SCALE);
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final DepthMessage decoded = new DepthMessage(CAPACITY);

    record Update(String symbol, long eventTimeMs, long firstId, long lastId, long previousId, List<Level> levels)
    {
    }

    @Property(tries = 2000)
    void decodeOfEncodedDepthUpdateIsIdentity(@ForAll("updates") final Update update)
    {
        final DepthMessage message = toMessage(update, DepthMessage.KIND_DELTA);

        final int length = encoder.encodeDepthUpdate(buffer, 3, message);

        assertThat(length).isLessThanOrEqualTo(
            BinanceDepthEncoder.maxEncodedLength(message.symbolLength(), 0, message.levelCount()));
        assertThat(decoder.decodeStreamFrame(buffer, 3, length, decoded)).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(decoded, bidsThenAsks(message));
    }

    @Property(tries = 1000)
    void decodeOfEncodedCombinedDepthUpdateIsIdentity(@ForAll("updates") final Update update)
    {
        final DepthMessage message = toMessage(update, DepthMessage.KIND_DELTA);
        final UnsafeBuffer streamName =
            new UnsafeBuffer((update.symbol().toLowerCase() + "@depth@100ms").getBytes(US_ASCII));

        final int length = encoder.encodeCombinedDepthUpdate(buffer, 0, streamName, 0, streamName.capacity(), message);

        assertThat(length).isLessThanOrEqualTo(BinanceDepthEncoder.maxEncodedLength(
            message.symbolLength(), streamName.capacity(), message.levelCount()));
        assertThat(decoder.decodeStreamFrame(buffer, 0, length, decoded)).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(decoded, bidsThenAsks(message));
    }

    @Property(tries = 1000)
    void decodeOfEncodedSnapshotIsIdentity(@ForAll("updates") final Update update)
    {
        final Update snapshot = new Update(
            "", 0, update.lastId(), update.lastId(), DepthMessage.NO_ID, update.levels());
        final DepthMessage message = toMessage(snapshot, DepthMessage.KIND_SNAPSHOT);

        final int length = encoder.encodeSnapshot(buffer, 0, message);

        assertThat(decoder.decodeSnapshot(buffer, 0, length, decoded)).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(decoded, bidsThenAsks(message));
    }

    @Property(tries = 3000)
    void neverThrowsOnCorruptedFrames(
        @ForAll("updates") final Update update,
        @ForAll @IntRange(max = 10_000) final int where,
        @ForAll final byte replacement,
        @ForAll @IntRange(max = 2) final int mutation)
    {
        final int length = encoder.encodeCombinedDepthUpdate(
            buffer,
            0,
            new UnsafeBuffer("x@depth".getBytes(US_ASCII)),
            0,
            7,
            toMessage(update, DepthMessage.KIND_DELTA));
        final byte[] frame = new byte[length + 1];
        buffer.getBytes(0, frame, 0, length);
        final int index = where % length;
        final int corruptedLength;
        switch (mutation)
        {
            case 0:
                frame[index] = replacement;
                corruptedLength = length;
                break;
            case 1:
                System.arraycopy(frame, index + 1, frame, index, length - index);
                corruptedLength = length - 1;
                break;
            default:
                System.arraycopy(frame, index, frame, index + 1, length - index);
                frame[index] = replacement;
                corruptedLength = length + 1;
                break;
        }

        final DecodeResult result = decoder.decodeStreamFrame(new UnsafeBuffer(frame), 0, corruptedLength, decoded);

        assertThat(result).isNotNull();
        if (result.isError())
        {
            assertThat(decoder.errorOffset()).isBetween(0, corruptedLength);
            assertThat(decoded.levelCount()).isZero();
        }
    }

    @Provide
    Arbitrary<Update> updates()
    {
        final Arbitrary<String> symbols = Arbitraries.strings()
            .withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(DepthMessage.MAX_SYMBOL_LENGTH);
        final Arbitrary<Long> ids = Arbitraries.longs().between(0, Long.MAX_VALUE);
        final Arbitrary<Long> previousIds = Arbitraries.oneOf(Arbitraries.just(DepthMessage.NO_ID), ids);
        final Arbitrary<Level> levels = Combinators.combine(
            Arbitraries.of(DepthMessage.BID, DepthMessage.ASK),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.longs().between(0, Long.MAX_VALUE)).as(Level::new);

        return Combinators.combine(symbols, ids, ids, ids, previousIds, levels.list().ofMaxSize(CAPACITY))
            .as(Update::new);
    }

    private static DepthMessage toMessage(final Update update, final byte kind)
    {
        final DepthMessage message = new DepthMessage(CAPACITY);
        final byte[] symbol = update.symbol().getBytes(US_ASCII);
        message.kind(kind)
            .eventTimeMs(update.eventTimeMs())
            .firstUpdateId(update.firstId())
            .lastUpdateId(update.lastId())
            .previousUpdateId(update.previousId())
            .scales(SCALE, SCALE)
            .symbol(symbol, 0, symbol.length);
        for (final Level level : update.levels())
        {
            message.addLevel(level.side(), level.price(), level.quantity());
        }
        return message;
    }

    private static DepthMessage bidsThenAsks(final DepthMessage message)
    {
        final List<Level> ordered = new ArrayList<>();
        for (final byte side : new byte[]{ DepthMessage.BID, DepthMessage.ASK })
        {
            DepthFrames.levels(message).stream().filter(l -> l.side() == side).forEach(ordered::add);
        }
        final DepthMessage expected = new DepthMessage(CAPACITY);
        expected.kind(message.kind())
            .eventTimeMs(message.eventTimeMs())
            .firstUpdateId(message.firstUpdateId())
            .lastUpdateId(message.lastUpdateId())
            .previousUpdateId(message.previousUpdateId())
            .scales(message.priceScale(), message.quantityScale())
            .symbol(message.symbolBytes(), 0, message.symbolLength());
        ordered.forEach(l -> expected.addLevel(l.side(), l.price(), l.quantity()));
        return expected;
    }
}
