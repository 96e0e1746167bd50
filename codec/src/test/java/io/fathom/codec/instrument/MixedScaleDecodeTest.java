package io.fathom.codec.instrument;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.venue.FrameDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each venue's decoder scales a message's levels with its instrument's own scales, found from the symbol the
 * frame names, whatever the run-wide defaults; fast paths and general paths agree.
 */
class MixedScaleDecodeTest
{
    private static final ScaleCatalogue BINANCE = ScaleCatalogue.of(8, 8, List.of(
        new InstrumentScales("SHIBUSDT", 8, 2),
        new InstrumentScales("PEPEUSDT", 10, 0)));
    private static final ScaleCatalogue KRAKEN = ScaleCatalogue.of(8, 8, List.of(
        new InstrumentScales("BTC/USD", 1, 8),
        new InstrumentScales("ETH/USD", 2, 8)));

    private final DepthMessage message = new DepthMessage(16);

    @Test
    void binanceStreamScalesEachSymbolWithItsOwnDecimals()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.BINANCE, BINANCE);
        final String shib = "{\"stream\":\"shibusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"SHIBUSDT\"," +
            "\"U\":5,\"u\":6,\"b\":[[\"0.00001234\",\"98765432109.00\"]],\"a\":[]}}";
        assertThat(decode(decoder, shib)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(8);
        assertThat(message.quantityScale()).isEqualTo(2);
        assertThat(message.price(0)).isEqualTo(1_234L);
        assertThat(message.quantity(0)).isEqualTo(9_876_543_210_900L);

        final String pepe = "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"PEPEUSDT\",\"U\":5,\"u\":6," +
            "\"b\":[[\"0.0000098765\",\"1200000\"]],\"a\":[[\"0.0000098766\",\"5\"]]}";
        assertThat(decode(decoder, pepe)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(10);
        assertThat(message.quantityScale()).isZero();
        assertThat(message.price(0)).isEqualTo(98_765L);
        assertThat(message.quantity(0)).isEqualTo(1_200_000L);
        assertThat(message.price(1)).isEqualTo(98_766L);
    }

    @Test
    void binanceAtOneRunWideScaleRefusesTheValuesItsInstrumentsNeed()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.BINANCE, 8, 8);
        final String pepe = "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"PEPEUSDT\",\"U\":5,\"u\":6," +
            "\"b\":[[\"0.0000098765\",\"1200000\"]],\"a\":[]}";
        assertThat(decode(decoder, pepe)).isEqualTo(DecodeResult.UNREPRESENTABLE_VALUE);
    }

    @Test
    void binanceLevelsBeforeTheSymbolWaitForItsScales()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.BINANCE, BINANCE);
        final String frame = "{\"b\":[[\"0.0000098765\",\"7\"]],\"a\":[],\"e\":\"depthUpdate\",\"E\":1," +
            "\"s\":\"PEPEUSDT\",\"U\":5,\"u\":6}";
        assertThat(decode(decoder, frame)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.price(0)).isEqualTo(98_765L);
        assertThat(message.quantity(0)).isEqualTo(7L);
    }

    @Test
    void binanceSnapshotTakesTheScalesOfTheInstrumentItWasRequestedFor()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.BINANCE, BINANCE);
        final byte[] body = ("{\"lastUpdateId\":9,\"bids\":[[\"0.00001234\",\"98765432109.00\"]],\"asks\":[]}")
            .getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, message))
            .isEqualTo(DecodeResult.UNREPRESENTABLE_VALUE);
        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, message, 8, 2))
            .isEqualTo(DecodeResult.DEPTH);
        assertThat(message.quantity(0)).isEqualTo(9_876_543_210_900L);
        assertThat(message.quantityScale()).isEqualTo(2);
    }

    @Test
    void krakenV2ScalesEachPairWithItsPrecision()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.KRAKEN, KRAKEN);
        assertThat(decode(decoder, krakenV2("BTC/USD", "67012.5", "0.5"))).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(1);
        assertThat(message.price(0)).isEqualTo(670_125L);
        assertThat(decode(decoder, krakenV2("ETH/USD", "3456.78", "2.25"))).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(2);
        assertThat(message.price(0)).isEqualTo(345_678L);
        assertThat(message.quantity(0)).isEqualTo(225_000_000L);
    }

    @Test
    void krakenV1FastPathConvertsLevelsReadBeforeThePair()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.KRAKEN_V1, KRAKEN);
        final String frame = "[42,{\"b\":[[\"3456.78000\",\"2.25000000\",\"1700000000.123456\"]],\"c\":\"12345\"}," +
            "\"book-10\",\"ETH/USD\"]";
        assertThat(decode(decoder, frame)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(2);
        assertThat(message.price(0)).isEqualTo(345_678L);
        assertThat(message.quantity(0)).isEqualTo(225_000_000L);
        assertThat(message.priceDecimals(0)).isEqualTo(5);
    }

    @Test
    void okxScalesByInstIdOnBothPaths()
    {
        final ScaleCatalogue catalogue = ScaleCatalogue.of(2, 2, List.of(new InstrumentScales("PEPE-USDT", 10, 0)));
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.OKX, catalogue);
        final String usual = "{\"arg\":{\"channel\":\"books\",\"instId\":\"PEPE-USDT\"},\"action\":\"update\"," +
            "\"data\":[{\"asks\":[[\"0.0000098765\",\"300\",\"0\",\"1\"]],\"bids\":[],\"ts\":\"1\",\"checksum\":0," +
            "\"seqId\":2,\"prevSeqId\":1}]}";
        assertThat(decode(decoder, usual)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.price(0)).isEqualTo(98_765L);
        final String dataFirst = "{\"action\":\"update\",\"data\":[{\"asks\":[[\"0.0000098765\",\"300\",\"0\",\"1\"]]," +
            "\"bids\":[],\"ts\":\"1\",\"checksum\":0,\"seqId\":2,\"prevSeqId\":1}]," +
            "\"arg\":{\"channel\":\"books\",\"instId\":\"PEPE-USDT\"}}";
        assertThat(decode(decoder, dataFirst)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.price(0)).isEqualTo(98_765L);
        assertThat(message.quantity(0)).isEqualTo(300L);
    }

    @Test
    void anUnlistedSymbolTakesTheDefaults()
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(Venue.KRAKEN, KRAKEN);
        assertThat(decode(decoder, krakenV2("SOL/USD", "150.25", "1"))).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.priceScale()).isEqualTo(8);
        assertThat(message.price(0)).isEqualTo(15_025_000_000L);
    }

    @Test
    void decodingWithACatalogueAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        final FrameDecoder binance = FrameDecoder.forVenue(Venue.BINANCE, BINANCE);
        final FrameDecoder krakenV2 = FrameDecoder.forVenue(Venue.KRAKEN, KRAKEN);
        final FrameDecoder krakenV1 = FrameDecoder.forVenue(Venue.KRAKEN_V1, KRAKEN);
        final UnsafeBuffer pepe = buffer("{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"PEPEUSDT\",\"U\":5,\"u\":6," +
            "\"b\":[[\"0.0000098765\",\"1200000\"]],\"a\":[[\"0.0000098766\",\"5\"]]}");
        final UnsafeBuffer eth = buffer(krakenV2("ETH/USD", "3456.78", "2.25"));
        final UnsafeBuffer v1 = buffer("[42,{\"b\":[[\"3456.78000\",\"2.25000000\",\"1700000000.123456\"]]," +
            "\"c\":\"12345\"},\"book-10\",\"ETH/USD\"]");
        long allocated = -1;
        int decoded = 0;
        int windows = 0;
        for (; windows < 10 && allocated != 0; windows++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2_000; i++)
            {
                decoded += binance.decodeFrame(pepe, 0, pepe.capacity(), message) == DecodeResult.DEPTH ? 1 : 0;
                decoded += krakenV2.decodeFrame(eth, 0, eth.capacity(), message) == DecodeResult.DEPTH ? 1 : 0;
                decoded += krakenV1.decodeFrame(v1, 0, v1.capacity(), message) == DecodeResult.DEPTH ? 1 : 0;
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(decoded).as("every frame decoded").isEqualTo(windows * 6_000);
        assertThat(message.priceScale()).as("the last, Kraken v1's ETH/USD, at its own scale").isEqualTo(2);
        assertThat(allocated).as("bytes allocated by 6,000 decodes in the last window").isZero();
    }

    private static UnsafeBuffer buffer(final String frame)
    {
        return new UnsafeBuffer(frame.getBytes(StandardCharsets.US_ASCII));
    }

    private static String krakenV2(final String pair, final String price, final String quantity)
    {
        return "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + pair + "\",\"bids\":[{\"price\":" +
            price + ",\"qty\":" + quantity + "}],\"asks\":[],\"checksum\":1,\"timestamp\":\"2024-01-01T00:00:00.000000Z\"}]}";
    }

    private DecodeResult decode(final FrameDecoder decoder, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        return decoder.decodeFrame(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
