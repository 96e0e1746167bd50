package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.coinbase.CoinbaseLevel2Decoder;
import io.fathom.codec.coinbase.CoinbaseProtocol;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Coinbase Advanced Trade {@code level2}: {@code sequence_num} counts every message of the connection. */
class SimCoinbaseWireTest extends SimVenueContractTest
{
    private final CoinbaseLevel2Decoder decoder = new CoinbaseLevel2Decoder(SimBook.SCALE, SimBook.SCALE);
    private long lastSequence = -1;
    private int heartbeats;

    Venue venue()
    {
        return Venue.COINBASE;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        return List.of(text((buffer) -> CoinbaseProtocol.encodeSubscribe(
            buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, names)));
    }

    List<String> unsubscribeFrames(final String name)
    {
        return List.of(text((buffer) -> CoinbaseProtocol.encodeUnsubscribe(
            buffer, 0, CoinbaseProtocol.LEVEL2_CHANNEL, List.of(name))));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        final DecodeResult result = decoder.decode(buffer, 0, length, out);
        if (result == DecodeResult.DEPTH)
        {
            assertThat(decoder.eventCount()).isEqualTo(1);
        }
        if (buffer.getStringWithoutLengthAscii(0, length).startsWith("{\"channel\":\"heartbeats\""))
        {
            heartbeats++;
        }
        return result;
    }

    void afterDecode(final DecodeResult result)
    {
        final long sequence = decoder.sequenceNumber();
        if (sequence != CoinbaseLevel2Decoder.NO_SEQUENCE)
        {
            if (sequence != lastSequence + 1)
            {
                sequenceBreaks++;
            }
            lastSequence = sequence;
        }
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.startsWith("{\"channel\":\"subscriptions\"") && !text.contains("\"" + name + "\"");
    }

    String unknownInstrumentError()
    {
        return "\"type\":\"error\"";
    }

    String unknownInstrument()
    {
        return "NOPE-USD";
    }

    boolean hasSequence()
    {
        return true;
    }

    @Test
    void numbersSubscriptionsDataAndHeartbeatsInOneSequence() throws Exception
    {
        start();
        client.send(text((buffer) -> CoinbaseProtocol.encodeSubscribe(
            buffer, 0, CoinbaseProtocol.HEARTBEATS_CHANNEL, List.of())));
        assertThat(client.next()).startsWith("{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"")
            .contains("\"sequence_num\":0,\"events\":[{\"subscriptions\":{\"heartbeats\":[\"heartbeats\"]}}]}");
        lastSequence = 0;
        subscribe(simulator.symbol(0), simulator.symbol(1));
        assertThat(awaitText((text) -> text.contains("\"subscriptions\""))).contains(
            "\"sequence_num\":1,\"events\":[{\"subscriptions\":{\"level2\":[\"SYM0-USD\",\"SYM1-USD\"]," +
            "\"heartbeats\":[\"heartbeats\"]}}]}");
        final DepthMessage snapshot = awaitSnapshot(simulator.symbol(0));
        assertThat(snapshot.sequence()).isEqualTo(2);
        assertThat(snapshot.priceDecimals(0)).isEqualTo(2);
        assertThat(snapshot.quantityDecimals(0)).isEqualTo(8);
        while (heartbeats < 1)
        {
            nextDepth();
        }
        assertThat(sequenceBreaks).isZero();
    }
}
