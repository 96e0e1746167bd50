package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static io.fathom.codec.binance.DepthFrames.BOOK_TICKER;
import static io.fathom.codec.binance.DepthFrames.DOCS_EVENT;
import static io.fathom.codec.binance.DepthFrames.DOCS_SNAPSHOT;
import static io.fathom.codec.binance.DepthFrames.FUTURES_FRAME;
import static io.fathom.codec.binance.DepthFrames.Level;
import static io.fathom.codec.binance.DepthFrames.OFFSET;
import static io.fathom.codec.binance.DepthFrames.REAL_FRAME;
import static io.fathom.codec.binance.DepthFrames.assertSameMessage;
import static io.fathom.codec.binance.DepthFrames.levels;
import static org.assertj.core.api.Assertions.assertThat;

class BinanceDepthDecoderTest
{
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(16);

    @Test
    void decodesDocsDepthUpdateExample()
    {
        assertThat(decodeFrame(DOCS_EVENT)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
        assertThat(message.symbolAsString()).isEqualTo("BNBBTC");
        assertThat(message.eventTimeMs()).isEqualTo(123);
        assertThat(message.firstUpdateId()).isEqualTo(157);
        assertThat(message.lastUpdateId()).isEqualTo(160);
        assertThat(message.previousUpdateId()).isEqualTo(DepthMessage.NO_ID);
        assertThat(message.priceScale()).isEqualTo(8);
        assertThat(message.quantityScale()).isEqualTo(8);
        assertThat(levels(message)).containsExactly(
            new Level(BID, 240_000L, 1_000_000_000L),
            new Level(ASK, 260_000L, 10_000_000_000L));
        assertThat(decoder.errorOffset()).isEqualTo(-1);
    }

    @Test
    void decodesDocsSnapshotExample()
    {
        assertThat(decodeSnapshot(DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.symbolLength()).isZero();
        assertThat(message.firstUpdateId()).isEqualTo(1027024);
        assertThat(message.lastUpdateId()).isEqualTo(1027024);
        assertThat(message.previousUpdateId()).isEqualTo(DepthMessage.NO_ID);
        assertThat(levels(message)).containsExactly(
            new Level(BID, 400_000_000L, 43_100_000_000L),
            new Level(ASK, 400_000_200L, 1_200_000_000L));
    }

    @Test
    void acceptsFuturesSnapshotExtraFields()
    {
        final String futures = "{\"lastUpdateId\":600859605926,\"E\":1626992741264,\"T\":1626992741261," +
            "\"bids\":[[\"7.6110\",\"6\"]],\"asks\":[[\"7.6120\",\"297\"]]}";

        assertThat(decodeSnapshot(futures)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.lastUpdateId()).isEqualTo(600859605926L);
        assertThat(message.eventTimeMs()).isZero();
        assertThat(levels(message)).containsExactly(
            new Level(BID, 761_100_000L, 600_000_000L),
            new Level(ASK, 761_200_000L, 29_700_000_000L));
    }

    @Test
    void decodesCombinedStreamEnvelopeInEitherOrder()
    {
        assertThat(decodeFrame(REAL_FRAME)).isEqualTo(DecodeResult.DEPTH);
        final DepthMessage expected = snapshotOf(message);
        assertThat(message.symbolAsString()).isEqualTo("NKNUSDT");
        assertThat(message.levelCount()).isEqualTo(3);

        final String data = REAL_FRAME.substring(REAL_FRAME.indexOf("{\"e\""), REAL_FRAME.length() - 1);
        final String dataFirst = "{\"data\":" + data +
            ",\"stream\":\"nknusdt@depth@100ms\"}";
        assertThat(decodeFrame(dataFirst)).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(message, expected);
    }

    @Test
    void fillsPreviousUpdateIdFromFuturesPu()
    {
        assertThat(decodeFrame(FUTURES_FRAME)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.firstUpdateId()).isEqualTo(600859599090L);
        assertThat(message.lastUpdateId()).isEqualTo(600859600917L);
        assertThat(message.previousUpdateId()).isEqualTo(600859598061L);
        assertThat(levels(message)).containsExactly(
            new Level(BID, 750_400_000L, 81_300_000_000L),
            new Level(BID, 760_900_000L, 0L),
            new Level(BID, 761_100_000L, 200_000_000L),
            new Level(ASK, 761_500_000L, 156_300_000_000L),
            new Level(ASK, 762_200_000L, 328_400_000_000L));
    }

    @Test
    void fieldOrderDoesNotMatter()
    {
        final String[] fields = {
            "\"e\":\"depthUpdate\"", "\"E\":1626992741037", "\"s\":\"SUSHIUSDT\"", "\"U\":600859599090",
            "\"u\":600859600917", "\"pu\":600859598061", "\"b\":[[\"7.5040\",\"813\"],[\"7.6090\",\"0\"]]",
            "\"a\":[[\"7.6150\",\"1563\"]]" };
        final List<List<String>> orders = new ArrayList<>();
        permutations(new ArrayList<>(List.of(fields)), 0, orders);
        assertThat(orders).hasSize(40320);

        assertThat(decodeFrame("{" + String.join(",", fields) + "}")).isEqualTo(DecodeResult.DEPTH);
        final DepthMessage expected = snapshotOf(message);
        for (final List<String> order : orders)
        {
            final String frame = "{" + String.join(",", order) + "}";
            assertThat(decodeFrame(frame)).as(frame).isEqualTo(DecodeResult.DEPTH);
            assertSameMessage(message, expected);
        }
    }

    @Test
    void snapshotFieldOrderDoesNotMatter()
    {
        final String[] fields = {
            "\"lastUpdateId\":42", "\"E\":1", "\"T\":2", "\"bids\":[[\"1.5\",\"2\"]]", "\"asks\":[[\"1.6\",\"3\"]]" };
        final List<List<String>> orders = new ArrayList<>();
        permutations(new ArrayList<>(List.of(fields)), 0, orders);

        for (final List<String> order : orders)
        {
            final String frame = "{" + String.join(",", order) + "}";
            assertThat(decodeSnapshot(frame)).as(frame).isEqualTo(DecodeResult.DEPTH);
            assertThat(levels(message)).containsExactly(
                new Level(BID, 150_000_000L, 200_000_000L), new Level(ASK, 160_000_000L, 300_000_000L));
            assertThat(message.lastUpdateId()).isEqualTo(42);
        }
    }

    @Test
    void toleratesWhitespaceEverywhere()
    {
        assertThat(decodeFrame(FUTURES_FRAME)).isEqualTo(DecodeResult.DEPTH);
        final DepthMessage expected = snapshotOf(message);
        final String spaced = " \r\n\t" + FUTURES_FRAME.replaceAll("([\\[\\]{}:,])", " \n\t$1\r\n ") + "\n ";

        assertThat(decodeFrame(spaced)).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(message, expected);
    }

    @Test
    void skipsUnknownFieldsOfAnyShape()
    {
        final String frame = "{\"x\":{\"y\":[1,{\"z\":\"\\\"q\\\\\\u00e9}]\"}],\"w\":[]},\"e\":\"depthUpdate\"," +
            "\"n\":null,\"t\":true,\"f\":-1.5e10,\"T\":1626992741024,\"E\":123,\"s\":\"BNBBTC\",\"U\":157," +
            "\"u\":160,\"bb\":[[\"x\"]],\"b\":[[\"0.0024\",\"10\"]],\"a\":[[\"0.0026\",\"100\"]],\"stream\":\"s\"}";

        assertThat(decodeFrame(frame)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.eventTimeMs()).isEqualTo(123);
        assertThat(message.levelCount()).isEqualTo(2);
    }

    @Test
    void acceptsAndSkipsExtraElementsInALevel()
    {
        assertThat(decodeSnapshot("{\"lastUpdateId\":1,\"bids\":[[\"4.0\",\"431.0\",[]]],\"asks\":[]}"))
            .isEqualTo(DecodeResult.DEPTH);
        assertThat(levels(message)).containsExactly(new Level(BID, 400_000_000L, 43_100_000_000L));
    }

    @Test
    void ignoresSubscriptionResponses()
    {
        assertThat(decodeFrame("{\"result\":null,\"id\":1}")).isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":3}"))
            .isEqualTo(DecodeResult.IGNORED);
        assertThat(decoder.errorOffset()).isEqualTo(-1);
    }

    @Test
    void ignoresBookTickerBareAndInEnvelope()
    {
        assertThat(decodeFrame(BOOK_TICKER)).isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + BOOK_TICKER + "}"))
            .isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"data\":" + BOOK_TICKER + ",\"stream\":\"bnbusdt@bookTicker\"}"))
            .isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"stream\":\"sushiusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\"," +
            "\"u\":600859600576," +
            "\"s\":\"SUSHIUSDT\",\"b\":\"7.6110\",\"B\":\"2\",\"a\":\"7.6120\",\"A\":\"297\",\"T\":1626992741012," +
            "\"E\":1626992741017}}")).isEqualTo(DecodeResult.IGNORED);
    }

    @Test
    void ignoresOtherEventTypes()
    {
        assertThat(decodeFrame("{\"stream\":\"ctkusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1626992741575," +
            "\"a\":16599292,\"s\":\"CTKUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,\"l\":23961322," +
            "\"T\":1626992741421,\"m\":false}}")).isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"a\":7,\"s\":\"" + "X".repeat(100) + "\",\"e\":\"trade\",\"b\":\"no\"}"))
            .isEqualTo(DecodeResult.IGNORED);
        assertThat(decodeFrame("{\"stream\":\"x\",\"data\":[1,2]}")).isEqualTo(DecodeResult.IGNORED);
        assertThat(message.levelCount()).isZero();
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

    private static DepthMessage snapshotOf(final DepthMessage source)
    {
        final DepthMessage copy = new DepthMessage(source.levelCapacity());
        DepthFrames.copy(source, copy);
        return copy;
    }

    private static void permutations(final List<String> items, final int k, final List<List<String>> out)
    {
        if (k == items.size())
        {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++)
        {
            Collections.swap(items, k, i);
            permutations(items, k + 1, out);
            Collections.swap(items, k, i);
        }
    }
}
