package io.fathom.codec.coinbase;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.instrument.ScaleCatalogue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Coinbase's fast path reads every event of a usual frame and leaves an unusual one to the general path. */
class CoinbaseLevel2FastPathTest
{
    private static final String THREE_EVENTS = CoinbaseLevel2CodecTest.DOCS_SNAPSHOT.replace("]}]}",
        "]},{\"type\":\"update\",\"product_id\":\"ETH-USD\",\"updates\":[]}," +
        "{\"type\":\"update\",\"product_id\":\"SOL-USD\",\"updates\":[{\"side\":\"offer\",\"event_time\":" +
        "\"2023-02-09T20:32:50.714964855Z\",\"price_level\":\"20.5\",\"new_quantity\":\"0\"}]}]}");

    private final CoinbaseLevel2FastPath fastPath = new CoinbaseLevel2FastPath();
    private final DepthMessage message = new DepthMessage(64);

    @Test
    void readsTheFirstEventAndKeepsTheOthers()
    {
        assertThat(decode(THREE_EVENTS)).isTrue();
        assertThat(fastPath.eventCount()).isEqualTo(3);
        assertThat(message.symbolAsString()).isEqualTo("BTC-USD");
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.levelCount()).isEqualTo(2);
        assertThat(fastPath.sequenceNumber()).isZero();

        reset();
        assertThat(fastPath.decodeEvent(2, message)).isTrue();
        assertThat(message.symbolAsString()).isEqualTo("SOL-USD");
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
        assertThat(message.side(0)).isEqualTo(DepthMessage.ASK);
        assertThat(message.price(0)).isEqualTo(2_050_000_000L);
        assertThat(message.eventTimeMs()).isEqualTo(1_675_974_770_714L);
    }

    @Test
    void leavesAFrameWithAnUnusualLaterEventToTheGeneralPath()
    {
        assertThat(decode(THREE_EVENTS.replace("\"product_id\":\"SOL-USD\"", "\"product_id\" : \"SOL-USD\""))).isFalse();
        assertThat(decode(THREE_EVENTS.replace("\"side\":\"offer\"", "\"side\":\"ask\""))).isFalse();
        assertThat(decode(CoinbaseLevel2CodecTest.DOCS_SNAPSHOT.replace("\"events\":[{\"type\":\"snapshot\",\"product_id\":" +
            "\"BTC-USD\",\"updates\":[{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.73\"," +
            "\"new_quantity\":\"0.06317902\"},{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\"," +
            "\"price_level\":\"21921.3\",\"new_quantity\":\"0.02\"}]}]", "\"events\":[]"))).isFalse();
    }

    private boolean decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        reset();
        return fastPath.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }

    private void reset()
    {
        message.reset();
        message.scales(ScaleCatalogue.uniform(Messages.SCALE, Messages.SCALE));
    }
}
