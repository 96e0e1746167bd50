package io.fathom.bench;

import io.fathom.bench.jackson.JacksonDepth;
import io.fathom.bench.simdjson.SimdjsonCompetitor;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The simdjson-java competitor of {@link DecodeBenchmark} reads every frame of every case as Fathom does. */
class SimdjsonDecodeCasesTest
{
    @ParameterizedTest
    @ValueSource(strings = {
        "binance-spot", "binance-usdm", "kraken-v1", "okx", "bitget",
        "binance-spot-10", "kraken-v1-10", "kraken-v2-10", "okx-10", "bitget-10", "coinbase-10", "hyperliquid-10" })
    void simdjsonReadsEveryFrameAsFathomDoes(final String decodeCase)
    {
        final DecodeCases.FathomDecoder decoder = DecodeCases.fathom(decodeCase);
        final SimdjsonCompetitor.Parser simdjson = DecodeCases.simdjson(decodeCase);
        final DepthMessage message = new DepthMessage(10_000);
        final JacksonDepth out = new JacksonDepth(JacksonDepth.Numbers.DOUBLE, DecodeCases.SCALE, 10_000);
        int frameIndex = 0;
        for (final byte[] frame : DecodeCases.frames(decodeCase))
        {
            assertThat(decoder.decode(new UnsafeBuffer(frame), 0, frame.length, message))
                .as("frame %d", frameIndex).isEqualTo(DecodeResult.DEPTH);
            simdjson.parse(frame, out);
            assertThat(out.differenceFrom(message)).as("frame %d", frameIndex).isNull();
            frameIndex++;
        }
        assertThat(frameIndex).isPositive();
    }
}
