package io.fathom.codec.okx;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.bitget.BitgetRealDataTestFiles;
import io.fathom.codec.recording.RecordType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OKX v5 and Bitget v1 books frames: the documented push (with {@code seqId}/{@code prevSeqId}, which the
 * 2022 recording predates), a seqId chain, hostile input and the subscription messages. Example shaped as
 * in https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel.
 */
class OkxBooksDecoderTest
{
    static final String DOCS_SNAPSHOT =
        "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"snapshot\",\"data\":[{\"asks\":" +
        "[[\"8476.98\",\"415\",\"0\",\"13\"],[\"8477\",\"7\",\"0\",\"2\"]],\"bids\":[[\"8476\",\"256\",\"0\",\"12\"]]," +
        "\"ts\":\"1597026383085\",\"checksum\":-855196043,\"prevSeqId\":-1,\"seqId\":123456}]}";
    static final String UPDATE =
        "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":[]," +
        "\"bids\":[[\"8476\",\"0\",\"0\",\"0\"]],\"ts\":\"1597026383185\",\"checksum\":0,\"prevSeqId\":123456," +
        "\"seqId\":123457}]}";

    private final OkxBooksDecoder decoder = new OkxBooksDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(16);

    @Test
    void decodesTheDocumentedSnapshotWithItsSequenceIds()
    {
        assertThat(decode(DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.symbolAsString()).isEqualTo("BTC-USDT");
        assertThat(message.eventTimeMs()).isEqualTo(1_597_026_383_085L);
        assertThat(message.checksum()).isEqualTo(-855_196_043L);
        assertThat(message.lastUpdateId()).isEqualTo(123_456L);
        assertThat(message.firstUpdateId()).isEqualTo(123_456L);
        assertThat(message.previousUpdateId()).isEqualTo(DepthMessage.NO_ID);
        assertThat(message.levelCount()).isEqualTo(3);
        assertThat(message.price(1)).isEqualTo(847_700_000_000L);
        assertThat(message.priceDecimals(1)).isZero();
        assertThat(message.side(2)).isEqualTo(DepthMessage.BID);
    }

    @Test
    void chainsSeqIdsAndTreatsAZeroChecksumAsNone()
    {
        assertThat(decode(DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);
        final long seqId = message.lastUpdateId();
        assertThat(decode(UPDATE)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.previousUpdateId()).isEqualTo(seqId);
        assertThat(message.lastUpdateId()).isEqualTo(seqId + 1);
        assertThat(message.hasChecksum()).isFalse();
        assertThat(message.quantity(0)).isZero();
    }

    @Test
    void ignoresEventsPongAndOtherChannels()
    {
        for (final String frame : List.of(
            "pong", " pong\n", "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}}",
            "{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\"}",
            "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"1\"}]}"))
        {
            assertThat(decode(frame)).as(frame).isEqualTo(DecodeResult.IGNORED);
        }
        assertThat(decode("pon")).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decode("pongs")).isEqualTo(DecodeResult.MALFORMED_JSON);
    }

    @Test
    void rejectsEveryTruncatedPrefixOfRealFrames()
    {
        final List<String> frames = new ArrayList<>();
        frames.add(DOCS_SNAPSHOT);
        frames.addAll(RealData.frames(OkxRealDataTest.FILE, RecordType.RECEIVED).stream().map(RealData.Frame::text)
            .filter(t -> t.length() < 1_500).limit(20).toList());
        frames.addAll(RealData.frames(BitgetRealDataTestFiles.FILE, RecordType.RECEIVED).stream()
            .map(RealData.Frame::text).filter(t -> t.length() < 1_500).limit(20).toList());
        final BitgetBooksDecoder bitget = new BitgetBooksDecoder(8, 8);
        for (final String frame : frames)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer((frame + "}]}pong").getBytes(UTF_8));
            for (int length = 0; length < frame.length(); length++)
            {
                assertThat(decoder.decode(buffer, 0, length, message).isError()).as("prefix %d of %s", length, frame)
                    .isTrue();
                assertThat(decoder.errorOffset()).isBetween(0, length);
                assertThat(message.levelCount()).isZero();
                assertThat(bitget.decode(buffer, 0, length, message).isError()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"action\":\"snapshot\"|\"action\":\"partial\"|UNEXPECTED_TYPE",
        "\"action\":\"snapshot\"|\"action\":1|UNEXPECTED_TYPE",
        "\"action\":\"snapshot\",|''|MISSING_FIELD",
        "\"instId\":\"BTC-USDT\"|\"instId\":5|UNEXPECTED_TYPE",
        "\"channel\":\"books\",\"instId\":\"BTC-USDT\"|\"channel\":\"books\"|MISSING_FIELD",
        "\"data\":[{|\"data\":{|MALFORMED_JSON",
        "}]}|},{}]}|UNEXPECTED_TYPE",
        "\"data\":[{\"asks\"|\"data\":[],\"x\":[{\"asks\"|UNEXPECTED_TYPE",
        "\"ts\":\"1597026383085\"|\"ts\":1597026383085|UNEXPECTED_TYPE",
        "\"ts\":\"1597026383085\"|\"ts\":\"-1\"|INVALID_NUMBER",
        "\"ts\":\"1597026383085\",|''|MISSING_FIELD",
        "\"checksum\":-855196043|\"checksum\":\"-855196043\"|UNEXPECTED_TYPE",
        "\"checksum\":-855196043|\"checksum\":2147483648|INVALID_NUMBER",
        "\"checksum\":-855196043|\"checksum\":-1.5|INVALID_NUMBER",
        "\"seqId\":123456|\"seqId\":-5|INVALID_NUMBER",
        "\"prevSeqId\":-1|\"prevSeqId\":-2|INVALID_NUMBER",
        "\"prevSeqId\":-1|\"prevSeqId\":- 1|MALFORMED_JSON",
        "[\"8476.98\",|[8476.98,|UNEXPECTED_TYPE",
        "\"415\"|\"4e2\"|INVALID_NUMBER",
        "\"bids\":[[|\"bids\":{},\"x\":[[|UNEXPECTED_TYPE",
        "\"seqId\":123456|\"seqId\":123456,\"seqId\":1|DUPLICATE_FIELD" })
    void rejectsWrongTypesAndValues(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = DOCS_SNAPSHOT.replace(original, replacement);
        assertThat(frame).isNotEqualTo(DOCS_SNAPSHOT);

        assertThat(decode(frame)).as(frame).isEqualTo(expected);
        assertThat(decoder.errorOffset()).isBetween(0, frame.length());
        assertThat(message.levelCount()).isZero();
        assertThat(message.lastUpdateId()).isEqualTo(DepthMessage.NO_ID);
    }

    @Test
    void writesSubscriptionsAsTheVenuesDocumentThem()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        int length = OkxProtocol.encodeSubscribe(buffer, 0, OkxProtocol.BOOKS_CHANNEL, List.of("BTC-USDT", "ETH-USDT"));
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo(
            "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}," +
            "{\"channel\":\"books\",\"instId\":\"ETH-USDT\"}]}");
        length = OkxProtocol.encodeUnsubscribe(buffer, 0, OkxProtocol.BOOKS_CHANNEL, List.of("BTC-USDT"));
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}");

        length = BitgetProtocol.encodeSubscribe(
            buffer, 0, BitgetProtocol.SPOT_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, List.of("EOSUSDT", "GOGUSDT"));
        assertThat(RealData.frames(BitgetRealDataTestFiles.FILE, RecordType.SENT).get(0).text())
            .startsWith(buffer.getStringWithoutLengthAscii(0, length - 2));
        length = BitgetProtocol.encodeUnsubscribe(
            buffer, 0, BitgetProtocol.MIX_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, List.of("BTCUSDT_UMCBL"));
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo(
            "{\"op\":\"unsubscribe\",\"args\":[{\"instType\":\"MC\",\"channel\":\"books\",\"instId\":\"BTCUSDT_UMCBL\"}]}");
    }

    private DecodeResult decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
