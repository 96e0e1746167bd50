package io.fathom.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.fathom.bench.jackson.JacksonDepth;
import io.fathom.bench.jackson.JacksonDepthParser;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jackson competitors of {@link DecodeBenchmark} read every frame of every case as Fathom does. */
class DecodeCasesTest
{
    private final JsonFactory jsonFactory = new JsonFactory();

    @ParameterizedTest
    @ValueSource(strings = {
        "binance-spot", "binance-usdm", "kraken-v1", "okx", "bitget",
        "binance-spot-10", "kraken-v1-10", "kraken-v2-10", "okx-10", "bitget-10", "coinbase-10", "hyperliquid-10" })
    void jacksonReadsEveryFrameAsFathomDoes(final String decodeCase) throws IOException
    {
        final DecodeCases.FathomDecoder decoder = DecodeCases.fathom(decodeCase);
        final JacksonDepthParser jackson = DecodeCases.jackson(decodeCase);
        final DepthMessage message = new DepthMessage(10_000);
        final JacksonDepth[] outs = {
            new JacksonDepth(JacksonDepth.Numbers.DOUBLE, DecodeCases.SCALE, 10_000),
            new JacksonDepth(JacksonDepth.Numbers.BIG_DECIMAL, DecodeCases.SCALE, 10_000) };
        int frameIndex = 0;
        for (final byte[] frame : DecodeCases.frames(decodeCase))
        {
            assertThat(decoder.decode(new UnsafeBuffer(frame), 0, frame.length, message))
                .as("frame %d", frameIndex).isEqualTo(DecodeResult.DEPTH);
            for (final JacksonDepth out : outs)
            {
                out.reset();
                try (JsonParser parser = jsonFactory.createParser(frame, 0, frame.length))
                {
                    jackson.parse(parser, out);
                }
                assertThat(out.differenceFrom(message)).as("frame %d, %s", frameIndex, out.numbers).isNull();
            }
            frameIndex++;
        }
        assertThat(frameIndex).isPositive();
    }
}
