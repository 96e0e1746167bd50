package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.fathom.codec.DepthMessage.BID;
import static io.fathom.codec.binance.DepthFrames.BOOK_TICKER;
import static io.fathom.codec.binance.DepthFrames.DOCS_EVENT;
import static io.fathom.codec.binance.DepthFrames.DOCS_SNAPSHOT;
import static io.fathom.codec.binance.DepthFrames.FUTURES_FRAME;
import static io.fathom.codec.binance.DepthFrames.Level;
import static io.fathom.codec.binance.DepthFrames.OFFSET;
import static io.fathom.codec.binance.DepthFrames.REAL_FRAME;
import static io.fathom.codec.binance.DepthFrames.levels;
import static org.assertj.core.api.Assertions.assertThat;

class BinanceDepthDecoderErrorsTest
{
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(16);

    @Test
    void rejectsEveryTruncatedPrefixOfARealFrame()
    {
        for (final String frame : List.of(REAL_FRAME, FUTURES_FRAME, BOOK_TICKER, DOCS_EVENT))
        {
            final UnsafeBuffer buffer = DepthFrames.buffer(frame);
            for (int length = 0; length < frame.length(); length++)
            {
                final DecodeResult result = decoder.decodeStreamFrame(buffer, OFFSET, length, message);
                assertThat(result.isError()).as("prefix %d of %s", length, frame).isTrue();
                assertThat(decoder.errorOffset()).isBetween(0, length);
                assertThat(message.levelCount()).isZero();
            }
        }
        final UnsafeBuffer snapshot = DepthFrames.buffer(DOCS_SNAPSHOT);
        for (int length = 0; length < DOCS_SNAPSHOT.length(); length++)
        {
            assertThat(decoder.decodeSnapshot(snapshot, OFFSET, length, message).isError()).isTrue();
            assertThat(decoder.errorOffset()).isBetween(0, length);
        }
    }

    @Test
    void rejectsMoreLevelsThanCapacity()
    {
        final DepthMessage small = new DepthMessage(2);
        final String frame = DOCS_EVENT.replace("\"b\":[[", "\"b\":[[\"0.0023\",\"1\"],[");

        final UnsafeBuffer buffer = DepthFrames.buffer(frame);
        assertThat(decoder.decodeStreamFrame(buffer, OFFSET, frame.length(), small))
            .isEqualTo(DecodeResult.TOO_MANY_LEVELS);
        assertThat(decoder.errorOffset()).isEqualTo(frame.indexOf("[\"0.0026\""));
        assertThat(small.levelCount()).isZero();

        final String exact = DOCS_EVENT;
        assertThat(decoder.decodeStreamFrame(DepthFrames.buffer(exact), OFFSET, exact.length(), small))
            .isEqualTo(DecodeResult.DEPTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0.00x4", "1e5", "-0.0024", "", ".5", "1.", "+1", " 1", "NaN", "\\u0031" })
    void rejectsBadPrices(final String price)
    {
        final String frame = DOCS_EVENT.replace("\"0.0024\"", "\"" + price + "\"");

        assertThat(decodeFrame(frame)).isEqualTo(DecodeResult.INVALID_NUMBER);
        assertThat(decoder.errorOffset()).isEqualTo(frame.indexOf("\"" + price + "\"") + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.000000001", "99999999999.5" })
    void refusesWellFormedPricesTheScaleCannotHoldAsUnrepresentable(final String price)
    {
        final String frame = DOCS_EVENT.replace("\"0.0024\"", "\"" + price + "\"");

        assertThat(decodeFrame(frame)).isEqualTo(DecodeResult.UNREPRESENTABLE_VALUE);
        assertThat(decoder.errorOffset()).isEqualTo(frame.indexOf("\"" + price + "\"") + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"E\":123|\"E\":1.5|INVALID_NUMBER",
        "\"E\":123|\"E\":-1|INVALID_NUMBER",
        "\"U\":157|\"U\":99999999999999999999|INVALID_NUMBER",
        "\"u\":160|\"u\":1e3|INVALID_NUMBER",
        "\"E\":123|\"E\":0123|INVALID_NUMBER",
        "\"E\":123|\"E\":\"123\"|UNEXPECTED_TYPE",
        "\"u\":160|\"u\":null|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|\"x\"|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|{}|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|[[0.0026,\"100\"]]|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|[[\"0.0026\"]]|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|[[]]|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|[\"0.0026\"]|UNEXPECTED_TYPE",
        "[[\"0.0026\",\"100\"]]|[[\"0.0026\",\"100\",]]|MALFORMED_JSON",
        "\"s\":\"BNBBTC\"|\"s\":\"\"|INVALID_SYMBOL",
        "\"s\":\"BNBBTC\"|\"s\":\"BNB\\u0042TC\"|INVALID_SYMBOL",
        "\"s\":\"BNBBTC\"|\"s\":7|UNEXPECTED_TYPE",
        "\"e\":\"depthUpdate\"|\"e\":1|UNEXPECTED_TYPE",
        "\"U\":157|\"U\":157,\"U\":157|DUPLICATE_FIELD",
        "\"e\":\"depthUpdate\"|\"e\":\"depthUpdate\",\"e\":\"trade\"|DUPLICATE_FIELD",
        "\"U\":157,|''|MISSING_FIELD",
        "\"u\":160,|''|MISSING_FIELD",
        "\"E\":123,|''|MISSING_FIELD",
        "\"s\":\"BNBBTC\",|''|MISSING_FIELD",
        ",\"a\":[[\"0.0026\",\"100\"]]|''|MISSING_FIELD",
        "\"b\":[[\"0.0024\",\"10\"]],|''|MISSING_FIELD" })
    void rejectsInvalidFields(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = DOCS_EVENT.replace(original, replacement);
        assertThat(frame).isNotEqualTo(DOCS_EVENT);

        assertThat(decodeFrame(frame)).as(frame).isEqualTo(expected);
        assertThat(decoder.errorOffset()).isBetween(0, frame.length());
        assertThat(message.levelCount()).isZero();
        assertThat(message.lastUpdateId()).isEqualTo(DepthMessage.NO_ID);
    }

    @Test
    void acceptsLongestSymbolAndRejectsLonger()
    {
        final String longest = "A".repeat(DepthMessage.MAX_SYMBOL_LENGTH);
        assertThat(decodeFrame(DOCS_EVENT.replace("BNBBTC", longest))).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.symbolAsString()).isEqualTo(longest);

        final String frame = DOCS_EVENT.replace("BNBBTC", longest + "B");
        assertThat(decodeFrame(frame)).isEqualTo(DecodeResult.SYMBOL_TOO_LONG);
        assertThat(decoder.errorOffset()).isEqualTo(frame.indexOf("AAA"));
    }

    @Test
    void rejectsMissingSnapshotFields()
    {
        assertThat(decodeSnapshot("{\"bids\":[],\"asks\":[]}")).isEqualTo(DecodeResult.MISSING_FIELD);
        assertThat(decodeSnapshot("{\"lastUpdateId\":1,\"asks\":[]}")).isEqualTo(DecodeResult.MISSING_FIELD);
        assertThat(decodeSnapshot("{\"lastUpdateId\":1,\"bids\":[]}")).isEqualTo(DecodeResult.MISSING_FIELD);
        assertThat(decodeSnapshot("{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}")).isEqualTo(DecodeResult.DEPTH);
    }

    @Test
    void rejectsTrailingContentAndNonObjects()
    {
        assertThat(decodeFrame(DOCS_EVENT + " \n")).isEqualTo(DecodeResult.DEPTH);
        assertThat(decodeFrame(DOCS_EVENT + "x")).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decoder.errorOffset()).isEqualTo(DOCS_EVENT.length());
        assertThat(decodeFrame(DOCS_EVENT + DOCS_EVENT)).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decodeFrame("[1,2]")).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
        assertThat(decodeFrame("")).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decodeFrame("   ")).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decodeSnapshot("null")).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
    }

    @Test
    void boundsNestingInUnknownFields()
    {
        final String frame = "{\"x\":" + "[".repeat(100_000) + "}";

        assertThat(decodeFrame(frame)).isEqualTo(DecodeResult.NESTING_TOO_DEEP);
        assertThat(decodeFrame("{\"stream\":\"x\",\"data\":{\"k\":" + "{\"a\":".repeat(50_000) + "}}"))
            .isEqualTo(DecodeResult.NESTING_TOO_DEEP);
    }

    @Test
    void resetsMessageWhenNotDepth()
    {
        assertThat(decodeFrame(FUTURES_FRAME)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decodeFrame(BOOK_TICKER)).isEqualTo(DecodeResult.IGNORED);
        assertThat(message.levelCount()).isZero();
        assertThat(message.symbolLength()).isZero();
        assertThat(message.firstUpdateId()).isEqualTo(DepthMessage.NO_ID);

        assertThat(decodeFrame(FUTURES_FRAME)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decodeFrame(FUTURES_FRAME.replace("7.6220", "7.6x20"))).isEqualTo(DecodeResult.INVALID_NUMBER);
        assertThat(message.levelCount()).isZero();
        assertThat(message.previousUpdateId()).isEqualTo(DepthMessage.NO_ID);
    }

    @Test
    void decodesAtTheScalesItWasBuiltWith()
    {
        final BinanceDepthDecoder coarse = new BinanceDepthDecoder(4, 0);
        final UnsafeBuffer buffer = DepthFrames.buffer(FUTURES_FRAME);

        assertThat(coarse.decodeStreamFrame(buffer, OFFSET, FUTURES_FRAME.length(), message))
            .isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(4);
        assertThat(message.quantityScale()).isZero();
        assertThat(levels(message).get(0)).isEqualTo(new Level(BID, 75_040L, 813L));

        final String tooPrecise = FUTURES_FRAME.replace("7.5040", "7.50401");
        assertThat(coarse.decodeStreamFrame(DepthFrames.buffer(tooPrecise), OFFSET, tooPrecise.length(), message))
            .isEqualTo(DecodeResult.UNREPRESENTABLE_VALUE);
    }

    private DecodeResult decodeFrame(final String frame)
    {
        final UnsafeBuffer buffer = DepthFrames.buffer(frame);
        return decoder.decodeStreamFrame(buffer, OFFSET, buffer.capacity() - OFFSET - 5, message);
    }

    private DecodeResult decodeSnapshot(final String frame)
    {
        final UnsafeBuffer buffer = DepthFrames.buffer(frame);
        return decoder.decodeSnapshot(buffer, OFFSET, buffer.capacity() - OFFSET - 5, message);
    }
}
