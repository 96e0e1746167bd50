package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.recording.RecordType;
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
 * Kraken v1 book frames: the documented examples, hostile input, and the subscription messages.
 * Examples from https://docs.kraken.com/api/docs/guides/spot-ws-book-v1 and
 * https://docs.kraken.com/api/docs/websocket-v1/book.
 */
class KrakenV1BookDecoderTest
{
    static final String DOCS_UPDATE =
        "[0,{\"a\":[[\"0.05120\",\"0.00000500\",\"1582905486.493008\"],[\"0.05275\",\"0.00000500\"," +
        "\"1582905486.493034\"]]},{\"b\":[[\"0.04765\",\"0.00000500\",\"1582905486.493008\"],[\"0.04940\"," +
        "\"0.00000500\",\"1582905486.493034\"]],\"c\":\"974947235\"},\"book-1000\",\"BTC/USD\"]";
    static final String REPUBLISH =
        "[1234,{\"a\":[[\"5541.30000\",\"2.50700000\",\"1534614248.456738\",\"r\"]],\"c\":\"123\"},\"book-10\",\"XBT/USD\"]";
    static final String SNAPSHOT =
        "[1234,{\"as\":[[\"5541.30000\",\"2.50700000\",\"1534614248.123678\"]],\"bs\":[[\"5541.20000\"," +
        "\"1.52900000\",\"1534614248.765567\"]]},\"book-100\",\"XBT/USD\"]";

    private final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(16);

    @Test
    void decodesTheDocumentedUpdateWithTwoDicts()
    {
        assertThat(decode(DOCS_UPDATE)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
        assertThat(message.symbolAsString()).isEqualTo("BTC/USD");
        assertThat(decoder.bookDepth()).isEqualTo(1000);
        assertThat(decoder.channelId()).isZero();
        assertThat(message.checksum()).isEqualTo(974_947_235L);
        assertThat(message.levelCount()).isEqualTo(4);
        assertThat(message.side(0)).isEqualTo(DepthMessage.ASK);
        assertThat(message.price(0)).isEqualTo(5_120_000L);
        assertThat(message.priceDecimals(0)).isEqualTo(5);
        assertThat(message.quantity(0)).isEqualTo(500L);
        assertThat(message.quantityDecimals(0)).isEqualTo(8);
        assertThat(message.side(3)).isEqualTo(DepthMessage.BID);
        assertThat(message.price(3)).isEqualTo(4_940_000L);
        assertThat(message.eventTimeMs()).isEqualTo(1_582_905_486_493L);
    }

    @Test
    void decodesSnapshotsAndRepublishedLevels()
    {
        assertThat(decode(SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.hasChecksum()).isFalse();
        assertThat(decoder.bookDepth()).isEqualTo(100);
        assertThat(message.levelCount()).isEqualTo(2);
        assertThat(message.eventTimeMs()).isEqualTo(1_534_614_248_765L);

        assertThat(decode(REPUBLISH)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.levelCount()).isEqualTo(1);
        assertThat(message.quantity(0)).isEqualTo(250_700_000L);
    }

    @Test
    void ignoresEventsAndOtherChannels()
    {
        for (final String frame : List.of(
            "{\"event\":\"heartbeat\"}",
            "{\"connectionID\":1,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.8.3\"}",
            "[321,[[\"5541.2\",\"0.15\",\"1534614057.3\",\"s\",\"l\",\"\"]],\"trade\",\"XBT/USD\"]",
            "[0,{\"a\":[]},\"spread\",\"XBT/USD\"]",
            "[]",
            "[1,2]"))
        {
            assertThat(decode(frame)).as(frame).isEqualTo(DecodeResult.IGNORED);
            assertThat(message.levelCount()).isZero();
        }
    }

    @Test
    void rejectsEveryTruncatedPrefixOfRealFrames()
    {
        final List<String> frames = RealData.frames(KrakenV1RealDataTest.FILE, RecordType.RECEIVED).stream()
            .map(RealData.Frame::text).filter(t -> t.length() < 2_000).limit(40).toList();
        assertThat(frames).hasSize(40);
        for (final String frame : frames)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer((frame + "]]]]}}").getBytes(UTF_8));
            for (int length = 0; length < frame.length(); length++)
            {
                final DecodeResult result = decoder.decode(buffer, 0, length, message);
                assertThat(result.isError()).as("prefix %d of %s", length, frame).isTrue();
                assertThat(decoder.errorOffset()).isBetween(0, length);
                assertThat(message.levelCount()).isZero();
            }
            assertThat(decoder.decode(buffer, 0, frame.length(), message).isError()).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[0,|[\"0\",|UNEXPECTED_TYPE",
        "\"c\":\"974947235\"|\"c\":974947235|UNEXPECTED_TYPE",
        "\"c\":\"974947235\"|\"c\":\"4294967296\"|INVALID_NUMBER",
        "\"c\":\"974947235\"|\"c\":\"-1\"|INVALID_NUMBER",
        "[\"0.05120\",|[0.05120,|UNEXPECTED_TYPE",
        "\"0.00000500\",\"1582905486.493034\"]]}|\"0.00000500\"]]}|UNEXPECTED_TYPE",
        "\"1582905486.493034\"]]}|\"1582905486.493034\",\"x\"]]}|UNEXPECTED_TYPE",
        "\"1582905486.493034\"]]}|\"1582905486.493034\",\"r\",\"r\"]]}|UNEXPECTED_TYPE",
        "\"0.05120\"|\"-0.05120\"|INVALID_NUMBER",
        "\"0.05120\"|\"0.051200000000000000000000000000000000\"|INVALID_NUMBER",
        "\"0.05120\"|\"0.000000001\"|UNREPRESENTABLE_VALUE",
        "\"1582905486.493034\"]]},{|\"now\"]]},{|INVALID_NUMBER",
        "{\"a\":|{\"as\":|UNEXPECTED_TYPE",
        "{\"a\":|{\"x\":|MISSING_FIELD",
        "\"book-1000\"|\"book-x\"|INVALID_NUMBER",
        "\"BTC/USD\"|\"\"|INVALID_SYMBOL",
        "\"BTC/USD\"|7|UNEXPECTED_TYPE",
        "{\"a\":[[|{\"a\":{},\"b\":[[|UNEXPECTED_TYPE",
        "\"c\":\"974947235\"}|\"c\":\"974947235\",\"c\":\"1\"}|DUPLICATE_FIELD",
        "]]},{\"b\"|],\"c\":\"1\"]},{\"b\"|MALFORMED_JSON",
        "]]},{\"b\"|]],\"c\":\"1\"},{\"b\"|DUPLICATE_FIELD" })
    void rejectsWrongTypesAndValues(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = DOCS_UPDATE.replace(original, replacement);
        assertThat(frame).isNotEqualTo(DOCS_UPDATE);

        assertThat(decode(frame)).as(frame).isEqualTo(expected);
        assertThat(decoder.errorOffset()).isBetween(0, frame.length());
        assertThat(message.levelCount()).isZero();
        assertThat(message.hasChecksum()).isFalse();
    }

    @Test
    void rejectsSnapshotsWithOneSideMissingAndMoreLevelsThanCapacity()
    {
        assertThat(decode(SNAPSHOT.replace(",\"bs\":[[\"5541.20000\",\"1.52900000\",\"1534614248.765567\"]]", "")))
            .isEqualTo(DecodeResult.MISSING_FIELD);
        final DepthMessage small = new DepthMessage(3);
        final UnsafeBuffer buffer = new UnsafeBuffer(DOCS_UPDATE.getBytes(UTF_8));
        assertThat(decoder.decode(buffer, 0, DOCS_UPDATE.length(), small)).isEqualTo(DecodeResult.TOO_MANY_LEVELS);
        assertThat(decoder.errorOffset()).isEqualTo(DOCS_UPDATE.indexOf("[\"0.04940\""));
    }

    @Test
    void writesTheSubscriptionTheRecordingSent()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final String sent = RealData.frames(KrakenV1RealDataTest.FILE, RecordType.SENT).get(0).text();
        final List<String> pairs = List.of(
            "WAVES/EUR", "XMR/USD", "KSM/XBT", "GRT/ETH", "SC/EUR", "ETH/CHF", "OCEAN/XBT", "OMG/USD", "XBT/CHF", "ADA/XBT");

        final int length = KrakenProtocol.encodeV1Subscribe(buffer, 0, pairs, 1000);

        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo(sent);
        final int unsubscribe = KrakenProtocol.encodeV1Unsubscribe(buffer, 0, List.of("XBT/USD"), 10);
        assertThat(buffer.getStringWithoutLengthAscii(0, unsubscribe))
            .isEqualTo("{\"event\":\"unsubscribe\",\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"book\",\"depth\":10}}");
        final int ping = KrakenProtocol.encodeV1Ping(buffer, 0, 42);
        assertThat(buffer.getStringWithoutLengthAscii(0, ping)).isEqualTo("{\"event\":\"ping\",\"reqid\":42}");
        assertThatThrownBy(() -> KrakenProtocol.encodeV1Subscribe(buffer, 0, pairs, 50))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KrakenProtocol.encodeV1Subscribe(buffer, 0, List.of("X\"Y"), 10))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private DecodeResult decode(final String frame)
    {
        final byte[] bytes = ("  " + frame + " ").getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
