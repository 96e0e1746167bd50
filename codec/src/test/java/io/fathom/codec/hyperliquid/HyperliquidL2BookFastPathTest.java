package io.fathom.codec.hyperliquid;

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

/** Hyperliquid's fast path takes the usual frame and leaves anything unusual to the general path. */
class HyperliquidL2BookFastPathTest
{
    private final HyperliquidL2BookFastPath fastPath = new HyperliquidL2BookFastPath();
    private final HyperliquidL2BookDecoder decoder = new HyperliquidL2BookDecoder(Messages.SCALE, Messages.SCALE);
    private final DepthMessage fast = new DepthMessage(64);
    private final DepthMessage general = new DepthMessage(64);

    @Test
    void readsTheUsualFrameAsTheGeneralPathDoes()
    {
        assertThat(fastDecode(HyperliquidL2BookCodecTest.BOOK)).isTrue();
        final byte[] spaced = ("{ " + HyperliquidL2BookCodecTest.BOOK.substring(1)).getBytes(UTF_8);
        assertThat(decoder.decode(new UnsafeBuffer(spaced), 0, spaced.length, general)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(fast, general);
        assertThat(fast.levelCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"n\":-3", "\"n\":3.0", "\"n\":\"3\"", "\"n\":03" })
    void leavesAnUnusualOrderCountToTheGeneralPath(final String count)
    {
        final String frame = HyperliquidL2BookCodecTest.BOOK.replace("\"n\":3", count);
        assertThat(frame).isNotEqualTo(HyperliquidL2BookCodecTest.BOOK);
        assertThat(fastDecode(frame)).isFalse();
    }

    @Test
    void leavesAThirdLevelArrayToTheGeneralPath()
    {
        assertThat(fastDecode(HyperliquidL2BookCodecTest.BOOK.replace("]]}}", "],[]]}}"))).isFalse();
    }

    private boolean fastDecode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        fast.reset();
        fast.scales(ScaleCatalogue.uniform(Messages.SCALE, Messages.SCALE));
        return fastPath.decode(new UnsafeBuffer(bytes), 0, bytes.length, fast);
    }
}
