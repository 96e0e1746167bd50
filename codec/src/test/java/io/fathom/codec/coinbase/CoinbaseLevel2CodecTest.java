package io.fathom.codec.coinbase;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import io.fathom.codec.Venue;
import io.fathom.codec.venue.FrameDecoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Coinbase Advanced Trade {@code level2}: the documented examples
 * (https://docs.cdp.coinbase.com/advanced-trade/docs/ws-channels, level2 and heartbeats channels), several
 * events in one frame, the connection-wide sequence, identity of single and multi-event frames, hostile
 * input and subscriptions.
 */
class CoinbaseLevel2CodecTest
{
    static final String DOCS_SNAPSHOT =
        "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"," +
        "\"sequence_num\":0,\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[" +
        "{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.73\"," +
        "\"new_quantity\":\"0.06317902\"},{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\"," +
        "\"price_level\":\"21921.3\",\"new_quantity\":\"0.02\"}]}]}";
    static final String DOCS_HEARTBEAT =
        "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"2023-06-23T20:31:26.122969572Z\"," +
        "\"sequence_num\":0,\"events\":[{\"current_time\":\"2023-06-23 20:31:56.121961769 +0000 UTC " +
        "m=+91717.525857105\",\"heartbeat_counter\":\"3049\"}]}";

    private final CoinbaseLevel2Decoder decoder = new CoinbaseLevel2Decoder(8, 8);
    private final CoinbaseLevel2Encoder encoder = new CoinbaseLevel2Encoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private final DepthMessage message = new DepthMessage(64);

    @Test
    void decodesTheDocumentedSnapshotAndHeartbeat()
    {
        assertThat(decode(DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.symbolAsString()).isEqualTo("BTC-USD");
        assertThat(message.sequence()).isZero();
        assertThat(message.eventTimeMs()).isEqualTo(1_675_974_770_714L);
        assertThat(message.levelCount()).isEqualTo(2);
        assertThat(message.price(1)).isEqualTo(2_192_130_000_000L);
        assertThat(message.priceDecimals(1)).isEqualTo(1);
        assertThat(decoder.eventCount()).isEqualTo(1);

        assertThat(decode(DOCS_HEARTBEAT.replace("\"sequence_num\":0", "\"sequence_num\":1"))).isEqualTo(DecodeResult.IGNORED);
        assertThat(decoder.sequenceNumber()).isEqualTo(1);
        assertThat(decoder.eventCount()).isZero();
    }

    @Test
    void decodesEveryEventOfAFrame()
    {
        final String twoProducts = DOCS_SNAPSHOT.replace("]}]}", "]},{\"type\":\"update\",\"product_id\":\"ETH-USD\"," +
            "\"updates\":[{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50.714964855Z\",\"price_level\":" +
            "\"1600.5\",\"new_quantity\":\"0\"}]}]}");
        final UnsafeBuffer bytes = new UnsafeBuffer(twoProducts.getBytes(UTF_8));

        assertThat(decoder.decode(bytes, 0, bytes.capacity(), message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decoder.eventCount()).isEqualTo(2);
        assertThat(decoder.decodeEvent(1, message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.symbolAsString()).isEqualTo("ETH-USD");
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
        assertThat(message.side(0)).isEqualTo(DepthMessage.ASK);
        assertThat(message.quantity(0)).isZero();
        assertThat(message.sequence()).isZero();
        assertThatThrownBy(() -> decoder.decodeEvent(2, message)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property(tries = 1000)
    void decodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean snapshot,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long eventTimeMs,
        @ForAll @LongRange(min = 0) final long sequence,
        @ForAll("levels") final List<Level> levels)
    {
        final DepthMessage generated = Messages.message(
            snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, symbol, eventTimeMs, levels);
        generated.sequence(sequence);

        final int length = encoder.encode(buffer, 2, generated);

        assertThat(length).isLessThanOrEqualTo(CoinbaseLevel2Encoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(decoder.decode(buffer, 2, length, message)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(message, generated);
        assertThat(decoder.sequenceNumber()).isEqualTo(sequence);

        final int heartbeat = encoder.encodeHeartbeat(buffer, 0, sequence, eventTimeMs, 3049);
        assertThat(decoder.decode(buffer, 0, heartbeat, message)).isEqualTo(DecodeResult.IGNORED);
        assertThat(decoder.sequenceNumber()).isEqualTo(sequence);
    }

    @Property(tries = 500)
    void decodeOfEncodedFrameOfSeveralEventsIsIdentity(
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long timestampMs,
        @ForAll @LongRange(min = 0) final long sequence,
        @ForAll("events") final List<DepthMessage> events)
    {
        final DepthMessage[] messages = events.toArray(new DepthMessage[0]);
        int maxLength = 0;
        for (final DepthMessage event : messages)
        {
            maxLength += CoinbaseLevel2Encoder.maxEncodedLength(event.symbolLength(), event.levelCount());
        }
        final FrameDecoder frames = FrameDecoder.forVenue(Venue.COINBASE, Messages.SCALE, Messages.SCALE);

        final int length = encoder.encode(buffer, 3, sequence, timestampMs, messages, messages.length);

        assertThat(length).isLessThanOrEqualTo(maxLength);
        assertThat(frames.decodeFrame(buffer, 3, length, message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(frames.messageCount()).isEqualTo(messages.length);
        assertThat(frames.connectionSequence()).isEqualTo(sequence);
        for (int i = 0; i < messages.length; i++)
        {
            if (i > 0)
            {
                assertThat(frames.decodeMessage(i, message)).isEqualTo(DecodeResult.DEPTH);
            }
            final DepthMessage expected = new DepthMessage(Math.max(1, messages[i].levelCount()));
            Messages.copyHeader(messages[i], expected);
            expected.eventTimeMs(timestampMs).sequence(sequence);
            Messages.levels(messages[i]).forEach(level -> expected.addLevel(
                level.side(), level.price(), level.quantity(), level.priceDecimals(), level.quantityDecimals()));
            Messages.assertSameMessage(message, expected);
        }
    }

    @Test
    void rejectsEveryTruncatedPrefix()
    {
        for (final String frame : List.of(DOCS_SNAPSHOT, DOCS_HEARTBEAT))
        {
            final UnsafeBuffer bytes = new UnsafeBuffer((frame + "}]}").getBytes(UTF_8));
            for (int length = 0; length < frame.length(); length++)
            {
                assertThat(decoder.decode(bytes, 0, length, message).isError()).as("prefix %d", length).isTrue();
                assertThat(decoder.errorOffset()).isBetween(0, length);
                assertThat(decoder.sequenceNumber()).isEqualTo(CoinbaseLevel2Decoder.NO_SEQUENCE);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"side\":\"bid\"|\"side\":\"buy\"|UNEXPECTED_TYPE",
        "\"side\":\"bid\"|\"side\":0|UNEXPECTED_TYPE",
        "\"price_level\":\"21921.73\"|\"price_level\":21921.73|UNEXPECTED_TYPE",
        "\"new_quantity\":\"0.06317902\"|\"new_quantity\":\"-1\"|INVALID_NUMBER",
        "\"new_quantity\":\"0.06317902\"|\"new_quantity\":\"0.000000001\"|UNREPRESENTABLE_VALUE",
        "\"sequence_num\":0|\"sequence_num\":\"0\"|UNEXPECTED_TYPE",
        "\"sequence_num\":0,|''|MISSING_FIELD",
        "\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"|\"timestamp\":\"2023-02-30T20:32:50Z\"|INVALID_NUMBER",
        "\"type\":\"snapshot\"|\"type\":\"l2update\"|UNEXPECTED_TYPE",
        "\"product_id\":\"BTC-USD\",|''|MISSING_FIELD",
        "\"events\":[{|\"events\":[1,{|UNEXPECTED_TYPE",
        "\"updates\":[{|\"updates\":{},\"x\":[{|UNEXPECTED_TYPE",
        "\"side\":\"bid\",|''|MISSING_FIELD" })
    void rejectsWrongTypesAndValues(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = DOCS_SNAPSHOT.replace(original, replacement);
        assertThat(frame).isNotEqualTo(DOCS_SNAPSHOT);

        assertThat(decode(frame)).as(frame).isEqualTo(expected);
        assertThat(message.levelCount()).isZero();
        assertThat(decoder.eventCount()).isZero();
    }

    @Test
    void writesSubscriptions()
    {
        int length = CoinbaseProtocol.encodeSubscribe(
            buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, List.of("ETH-USD", "BTC-USD"));
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\",\"BTC-USD\"],\"channel\":\"level2\"}");
        length = CoinbaseProtocol.encodeSubscribe(buffer, 0, CoinbaseProtocol.HEARTBEATS_CHANNEL, List.of());
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
        length = CoinbaseProtocol.encodeUnsubscribe(buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, List.of("ETH-USD"));
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"type\":\"unsubscribe\",\"product_ids\":[\"ETH-USD\"],\"channel\":\"level2\"}");
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ-", 20);
    }

    @Provide
    Arbitrary<List<Level>> levels()
    {
        return Messages.levels().list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<DepthMessage>> events()
    {
        return Combinators.combine(
            Arbitraries.of(DepthMessage.KIND_SNAPSHOT, DepthMessage.KIND_DELTA),
            symbols(),
            Arbitraries.longs().between(0, 4_000_000_000_000L),
            Messages.levels().list().ofMaxSize(20))
            .as(Messages::message)
            .list().ofMinSize(1).ofMaxSize(5);
    }

    private DecodeResult decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
