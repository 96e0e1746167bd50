package io.fathom.codec.hyperliquid;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import net.jqwik.api.Arbitrary;
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

/**
 * Hyperliquid {@code l2Book}: a message of the documented shape ({@code WsBook}: coin, time, two level
 * arrays of {@code {px, sz, n}}, at
 * https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/websocket/subscriptions), identity,
 * hostile input and subscriptions.
 */
class HyperliquidL2BookCodecTest
{
    static final String BOOK =
        "{\"channel\":\"l2Book\",\"data\":{\"coin\":\"BTC\",\"time\":1700000000123,\"levels\":[[{\"px\":\"36000.0\"," +
        "\"sz\":\"1.5\",\"n\":3},{\"px\":\"35999\",\"sz\":\"0.01234\",\"n\":1}],[{\"px\":\"36001.0\",\"sz\":\"2.0\"," +
        "\"n\":1}]]}}";

    private final HyperliquidL2BookDecoder decoder = new HyperliquidL2BookDecoder(8, 8);
    private final HyperliquidL2BookEncoder encoder = new HyperliquidL2BookEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private final DepthMessage message = new DepthMessage(64);

    @Test
    void decodesAFullBookAsASnapshot()
    {
        assertThat(decode(BOOK)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.symbolAsString()).isEqualTo("BTC");
        assertThat(message.eventTimeMs()).isEqualTo(1_700_000_000_123L);
        assertThat(message.levelCount()).isEqualTo(3);
        assertThat(message.side(1)).isEqualTo(DepthMessage.BID);
        assertThat(message.price(1)).isEqualTo(3_599_900_000_000L);
        assertThat(message.priceDecimals(0)).isEqualTo(1);
        assertThat(message.side(2)).isEqualTo(DepthMessage.ASK);
        assertThat(message.hasChecksum()).isFalse();
        assertThat(message.lastUpdateId()).isEqualTo(DepthMessage.NO_ID);
    }

    @Test
    void ignoresOtherChannels()
    {
        for (final String frame : List.of("{\"channel\":\"pong\"}",
            "{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"subscribe\",\"subscription\":" +
            "{\"type\":\"l2Book\",\"coin\":\"BTC\"}}}",
            "{\"channel\":\"trades\",\"data\":[{\"coin\":\"BTC\"}]}"))
        {
            assertThat(decode(frame)).as(frame).isEqualTo(DecodeResult.IGNORED);
        }
    }

    @Property(tries = 1000)
    void decodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long time,
        @ForAll("levels") final List<Level> levels)
    {
        final DepthMessage generated = Messages.message(DepthMessage.KIND_SNAPSHOT, symbol, time, levels);

        final int length = encoder.encode(buffer, 4, generated);

        assertThat(length).isLessThanOrEqualTo(HyperliquidL2BookEncoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(decoder.decode(buffer, 4, length, message)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(message, Messages.grouped(generated, DepthMessage.BID));
    }

    @Test
    void rejectsEveryTruncatedPrefix()
    {
        final UnsafeBuffer bytes = new UnsafeBuffer((BOOK + "]}}").getBytes(UTF_8));
        for (int length = 0; length < BOOK.length(); length++)
        {
            assertThat(decoder.decode(bytes, 0, length, message).isError()).as("prefix %d", length).isTrue();
            assertThat(decoder.errorOffset()).isBetween(0, length);
            assertThat(message.levelCount()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"px\":\"36000.0\"|\"px\":36000.0|UNEXPECTED_TYPE",
        "\"sz\":\"1.5\"|\"sz\":\"1.5e3\"|INVALID_NUMBER",
        "\"n\":3|\"n\":-3|INVALID_NUMBER",
        "\"n\":3|\"n\":\"3\"|UNEXPECTED_TYPE",
        "\"time\":1700000000123|\"time\":\"1700000000123\"|UNEXPECTED_TYPE",
        "\"coin\":\"BTC\",|''|MISSING_FIELD",
        "\"px\":\"36000.0\",|''|MISSING_FIELD",
        "]]}}|],[]]}}|UNEXPECTED_TYPE",
        "\"levels\":[[|\"levels\":[{},[|UNEXPECTED_TYPE",
        "\"data\":{|\"data\":[],\"x\":{|UNEXPECTED_TYPE" })
    void rejectsWrongTypesAndValues(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = BOOK.replace(original, replacement);
        assertThat(frame).isNotEqualTo(BOOK);

        assertThat(decode(frame)).as(frame).isEqualTo(expected);
        assertThat(message.levelCount()).isZero();
    }

    @Test
    void writesSubscriptions()
    {
        int length = HyperliquidProtocol.encodeSubscribe(buffer, 0, "BTC");
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":\"BTC\"}}");
        length = HyperliquidProtocol.encodeUnsubscribe(buffer, 0, "ETH");
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"method\":\"unsubscribe\",\"subscription\":{\"type\":\"l2Book\",\"coin\":\"ETH\"}}");
        length = HyperliquidProtocol.encodePing(buffer, 0);
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo("{\"method\":\"ping\"}");
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ@0123456789", 12);
    }

    @Provide
    Arbitrary<List<Level>> levels()
    {
        return Messages.levels().list().ofMaxSize(40);
    }

    private DecodeResult decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
