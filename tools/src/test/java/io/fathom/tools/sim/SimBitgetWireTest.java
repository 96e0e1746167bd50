package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.OkxChecksum;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitget spot v1 {@code books}: the whole book, checksummed like OKX, strings of 4 decimals. */
class SimBitgetWireTest extends SimVenueContractTest
{
    private final BitgetBooksDecoder decoder = new BitgetBooksDecoder(SimBook.SCALE, SimBook.SCALE);

    Venue venue()
    {
        return Venue.BITGET;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        return List.of(text((buffer) -> BitgetProtocol.encodeSubscribe(
            buffer, 0, BitgetProtocol.SPOT_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, names)));
    }

    List<String> unsubscribeFrames(final String name)
    {
        return List.of(text((buffer) -> BitgetProtocol.encodeUnsubscribe(
            buffer, 0, BitgetProtocol.SPOT_INST_TYPE, BitgetProtocol.BOOKS_CHANNEL, List.of(name))));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        return decoder.decode(buffer, 0, length, out);
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.startsWith("{\"event\":\"unsubscribe\"") && text.contains("\"instId\":\"" + name + "\"");
    }

    String unknownInstrumentError()
    {
        return "\"code\":30001";
    }

    String unknownInstrument()
    {
        return "NOPEUSDT";
    }

    long checksum(final ChecksumBook book)
    {
        return OkxChecksum.compute(book);
    }

    @Test
    void acknowledgesWithThePushInstTypeAndSendsTheWholeBook() throws Exception
    {
        start();
        subscribe(simulator.symbol(1));
        assertThat(client.next())
            .isEqualTo("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books\",\"instId\":\"SYM1USDT\"}}");
        final DepthMessage snapshot = awaitSnapshot(simulator.symbol(1));
        final SimBook book = SimBook.create(1, SEED);
        assertThat(snapshot.levelCount()).isGreaterThanOrEqualTo(2 * book.bidCount() * 4 / 5);
        assertThat(snapshot.priceDecimals(0)).isEqualTo(4);
        assertThat(snapshot.quantityDecimals(0)).isEqualTo(4);
        client.send(BitgetProtocol.PING);
        assertThat(awaitText((text) -> !text.startsWith("{"))).isEqualTo("pong");
    }
}
