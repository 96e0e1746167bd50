package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.Venue;
import io.fathom.codec.recording.RecordType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance futures specifics: COIN-M symbols and the extra fields of its events and snapshots, examples from
 * https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-market-streams/Diff-Book-Depth-Streams
 * and https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Order-Book;
 * the markets' session facts; and the subscription messages.
 */
class BinanceFuturesTest
{
    static final String COINM_EVENT =
        "{\"e\":\"depthUpdate\",\"E\":1591270260907,\"T\":1591270260891,\"s\":\"BTCUSD_200626\",\"ps\":\"BTCUSD\"," +
        "\"U\":17285681,\"u\":17285702,\"pu\":17285675,\"b\":[[\"9517.6\",\"10\"]],\"a\":[[\"9518.5\",\"45\"]]}";
    static final String COINM_SNAPSHOT =
        "{\"lastUpdateId\":16769853,\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"E\":1591250106370," +
        "\"T\":1591250106368,\"bids\":[[\"9638.0\",\"431\"]],\"asks\":[[\"9638.2\",\"12\"]]}";

    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(8);

    @Test
    void decodesCoinMarginedEventsAndSnapshots()
    {
        final UnsafeBuffer event = new UnsafeBuffer(COINM_EVENT.getBytes(UTF_8));
        assertThat(decoder.decodeStreamFrame(event, 0, event.capacity(), message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.symbolAsString()).isEqualTo("BTCUSD_200626");
        assertThat(message.previousUpdateId()).isEqualTo(17_285_675L);
        assertThat(message.firstUpdateId()).isEqualTo(17_285_681L);
        assertThat(message.lastUpdateId()).isEqualTo(17_285_702L);
        assertThat(message.quantity(1)).isEqualTo(4_500_000_000L);
        assertThat(message.priceDecimals(0)).isEqualTo(1);
        assertThat(message.quantityDecimals(0)).isZero();

        final UnsafeBuffer snapshot = new UnsafeBuffer(COINM_SNAPSHOT.getBytes(UTF_8));
        assertThat(decoder.decodeSnapshot(snapshot, 0, snapshot.capacity(), message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.lastUpdateId()).isEqualTo(16_769_853L);
        assertThat(message.levelCount()).isEqualTo(2);
    }

    @Test
    void keepsTheReceivedDecimalsOfRealFuturesLevels()
    {
        final RealData.Frame frame = RealData.frames("binance_usdm_depth100ms_4sym.ws.txt", RecordType.RECEIVED)
            .stream().filter(f -> f.text().contains("depthUpdate")).findFirst().orElseThrow();
        final UnsafeBuffer buffer = new UnsafeBuffer(frame.payload());
        assertThat(decoder.decodeStreamFrame(buffer, 0, buffer.capacity(), message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.previousUpdateId()).isNotEqualTo(DepthMessage.NO_ID);
        final String text = frame.text();
        final String firstPrice = text.substring(text.indexOf("[[\"") + 3, text.indexOf("\",", text.indexOf("[[\"")));
        assertThat(message.priceDecimals(0)).isEqualTo(firstPrice.length() - firstPrice.indexOf('.') - 1);
    }

    @Test
    void writesTheFuturesTimesThatDecodeBackAndReadLikeTheVenue()
    {
        final DepthMessage event = new DepthMessage(8);
        event.kind(DepthMessage.KIND_DELTA).eventTimeMs(1_591_270_260_907L).firstUpdateId(17_285_681L)
            .lastUpdateId(17_285_702L).previousUpdateId(17_285_675L).scales(8, 8);
        final byte[] symbol = "BTCUSD_PERP".getBytes(UTF_8);
        event.symbol(symbol, 0, symbol.length);
        event.addLevel(DepthMessage.BID, 951_760_000_000L, 1_000_000_000L);
        final BinanceDepthEncoder encoder = new BinanceDepthEncoder(8, 8);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();

        int length = encoder.encodeDepthUpdate(buffer, 0, event, 1_591_270_260_891L);
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .startsWith("{\"e\":\"depthUpdate\",\"E\":1591270260907,\"T\":1591270260891,\"s\":\"BTCUSD_PERP\",");
        assertThat(decoder.decodeStreamFrame(buffer, 0, length, message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.previousUpdateId()).isEqualTo(17_285_675L);

        length = encoder.encodeSnapshot(buffer, 0, event, 1_591_250_106_370L, 1_591_250_106_368L);
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .startsWith("{\"lastUpdateId\":17285702,\"E\":1591250106370,\"T\":1591250106368,\"bids\":");
        assertThat(decoder.decodeSnapshot(buffer, 0, length, message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.lastUpdateId()).isEqualTo(17_285_702L);
        assertThat(message.price(0)).isEqualTo(951_760_000_000L);
    }

    @Test
    void describesEachMarket()
    {
        assertThat(BinanceMarket.COINM.snapshotUrl("BTCUSD_PERP", BinanceMarket.SNAPSHOT_LIMIT))
            .isEqualTo("https://dapi.binance.com/dapi/v1/depth?symbol=BTCUSD_PERP&limit=1000");
        assertThat(BinanceMarket.USDM.depthPath()).isEqualTo("/fapi/v1/depth");
        assertThat(BinanceMarket.SPOT.hasPreviousUpdateId()).isFalse();
        assertThat(BinanceMarket.USDM.hasPreviousUpdateId()).isTrue();
        assertThat(BinanceMarket.COINM.maxIncomingMessagesPerSecond()).isEqualTo(10);
        assertThat(BinanceMarket.SPOT.maxIncomingMessagesPerSecond()).isEqualTo(5);
        assertThat(BinanceMarket.forVenue(Venue.BINANCE)).isEqualTo(BinanceMarket.SPOT);
        assertThat(BinanceMarket.forVenue(Venue.BINANCE_USDM)).isEqualTo(BinanceMarket.USDM);
        assertThat(BinanceMarket.forVenue(Venue.BINANCE_COINM)).isEqualTo(BinanceMarket.COINM);
        assertThat(BinanceMarket.forVenue(Venue.OKX)).isNull();
        for (final String url : RealData.frames("binance_usdm_depth_snapshots.http.txt", RecordType.HTTP)
            .stream().map(RealData.Frame::url).toList())
        {
            assertThat(url).startsWith(BinanceMarket.USDM.restBaseUrl() + BinanceMarket.USDM.depthPath() + "?symbol=");
        }
    }

    @Test
    void writesSubscriptions()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final List<String> streams =
            List.of(BinanceProtocol.depthStream("BTCUSD_PERP", 100), BinanceProtocol.depthStream("BTCUSDT", 0));

        int length = BinanceProtocol.encodeSubscribe(buffer, 0, streams, 1);
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusd_perp@depth@100ms\",\"btcusdt@depth\"],\"id\":1}");
        length = BinanceProtocol.encodeUnsubscribe(buffer, 0, streams.subList(0, 1), 312);
        assertThat(buffer.getStringWithoutLengthAscii(0, length))
            .isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusd_perp@depth@100ms\"],\"id\":312}");
    }
}
