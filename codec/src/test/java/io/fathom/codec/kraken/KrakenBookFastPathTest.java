package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.instrument.ScaleCatalogue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Kraken v2's fast path takes the documented frames and leaves every unusual number to the general path. */
class KrakenBookFastPathTest
{
    private final KrakenBookFastPath fastPath = new KrakenBookFastPath();
    private final KrakenBookDecoder decoder = new KrakenBookDecoder(Messages.SCALE, Messages.SCALE);
    private final DepthMessage fast = new DepthMessage(64);
    private final DepthMessage general = new DepthMessage(64);

    @Test
    void readsTheDocumentedSnapshotAsTheGeneralPathDoes()
    {
        assertThat(fastDecode(KrakenBookCodecTest.DOCS_SNAPSHOT)).isTrue();
        assertThat(generalDecode(KrakenBookCodecTest.DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(fast, general);
        assertThat(fast.priceDecimals(2)).as("0.566 as sent").isEqualTo(3);
    }

    @Test
    void readsAnUpdateWithItsTimestamp()
    {
        final String update = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[]," +
            "\"asks\":[{\"price\":45285.20,\"qty\":0}],\"checksum\":0,\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
        assertThat(fastDecode(update)).isTrue();
        assertThat(generalDecode(update)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(fast, general);
        assertThat(fast.priceDecimals(0)).isEqualTo(2);
        assertThat(fast.eventTimeMs()).isEqualTo(1_696_613_755_440L);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5.666e-1", "5.666E-1", "-0.5666", "00.5666", "0.", ".5", "0.5666.1", "1e2" })
    void leavesAnUnusualPriceToTheGeneralPath(final String price)
    {
        final String frame = KrakenBookCodecTest.DOCS_SNAPSHOT.replace("0.5666,", price + ",");
        assertThat(frame).isNotEqualTo(KrakenBookCodecTest.DOCS_SNAPSHOT);
        assertThat(fastDecode(frame)).isFalse();
    }

    private boolean fastDecode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        fast.reset();
        fast.scales(ScaleCatalogue.uniform(Messages.SCALE, Messages.SCALE));
        return fastPath.decode(new UnsafeBuffer(bytes), 0, bytes.length, fast);
    }

    private DecodeResult generalDecode(final String frame)
    {
        final byte[] bytes = ("{ " + frame.substring(1)).getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, general);
    }
}
