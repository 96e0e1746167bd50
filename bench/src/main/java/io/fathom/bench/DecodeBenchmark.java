package io.fathom.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.fathom.bench.jackson.JacksonDepth;
import io.fathom.bench.jackson.JacksonDepthParser;
import io.fathom.bench.simdjson.SimdjsonCompetitor;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one depth frame per venue, Fathom's zero-allocation decoder beside a Jackson streaming parser
 * on the same bytes extracting the same fields, because the decoder is the first cost of every message.
 *
 * <p>The cases are in {@link DecodeCases}; setup checks that all three readers agree on every frame.
 * {@code jacksonDouble} converts decimals with {@code Double.parseDouble}, {@code jacksonBigDecimal} with
 * {@code new BigDecimal} moved to the same fixed-point scale. Run with {@code -prof gc}. {@code simdjson} is
 * simdjson-java's DOM parser (decimals as {@code jacksonDouble} converts them), which runs only on a JDK with the
 * Vector API and a bench module built on it ({@link SimdjsonCompetitor}); its fork adds the incubator module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true" })
public class DecodeBenchmark
{
    /** Real recordings (delta frames), then 10-level book changes written by the codec's encoders. */
    @Param({
        "binance-spot", "binance-usdm", "kraken-v1", "okx", "bitget",
        "binance-spot-10", "kraken-v1-10", "kraken-v2-10", "okx-10", "bitget-10", "coinbase-10", "hyperliquid-10" })
    public String decodeCase;

    private final DepthMessage message = new DepthMessage(10_000);
    private final JsonFactory jsonFactory = new JsonFactory();
    private final JacksonDepth jacksonDoubles = new JacksonDepth(JacksonDepth.Numbers.DOUBLE, DecodeCases.SCALE, 10_000);
    private final JacksonDepth jacksonDecimals =
        new JacksonDepth(JacksonDepth.Numbers.BIG_DECIMAL, DecodeCases.SCALE, 10_000);
    private final JacksonDepth simdjsonDoubles = new JacksonDepth(JacksonDepth.Numbers.DOUBLE, DecodeCases.SCALE, 10_000);
    private DecodeCases.FathomDecoder decoder;
    private JacksonDepthParser jackson;
    private SimdjsonCompetitor.Parser simdjson;
    private byte[][] bytes;
    private UnsafeBuffer[] frames;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        decoder = DecodeCases.fathom(decodeCase);
        jackson = DecodeCases.jackson(decodeCase);
        simdjson = SimdjsonCompetitor.available() ? DecodeCases.simdjson(decodeCase) : null;
        final List<byte[]> loaded = DecodeCases.frames(decodeCase);
        bytes = loaded.toArray(new byte[0][]);
        frames = new UnsafeBuffer[bytes.length];
        long totalBytes = 0;
        long totalLevels = 0;
        for (int i = 0; i < bytes.length; i++)
        {
            frames[i] = new UnsafeBuffer(bytes[i]);
            if (decoder.decode(frames[i], 0, bytes[i].length, message) != DecodeResult.DEPTH)
            {
                throw new IllegalStateException(decodeCase + " frame " + i + " did not decode");
            }
            for (final JacksonDepth out : new JacksonDepth[]{ jacksonDoubles, jacksonDecimals })
            {
                parse(bytes[i], out);
                final String difference = out.differenceFrom(message);
                if (null != difference)
                {
                    throw new IllegalStateException(decodeCase + " frame " + i + ": Jackson (" + out.numbers +
                        ") and Fathom differ: " + difference + "\n" + new String(bytes[i], 0, Math.min(600, bytes[i].length),
                        java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            if (null != simdjson)
            {
                simdjson.parse(bytes[i], simdjsonDoubles);
                final String difference = simdjsonDoubles.differenceFrom(message);
                if (null != difference)
                {
                    throw new IllegalStateException(decodeCase + " frame " + i + ": simdjson and Fathom differ: " + difference);
                }
            }
            totalBytes += bytes[i].length;
            totalLevels += message.levelCount();
        }
        System.out.printf("%n%s: %d frames, %.1f bytes and %.2f levels a frame on average%n",
            decodeCase, bytes.length, (double)totalBytes / bytes.length, (double)totalLevels / bytes.length);
    }

    /** Fathom's decoder: one frame per operation, cycling through every frame of the case. */
    @Benchmark
    public DecodeResult fathom()
    {
        final int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        final DecodeResult result = decoder.decode(frames[i], 0, frames[i].capacity(), message);
        if (result != DecodeResult.DEPTH)
        {
            throw new IllegalStateException("frame " + i + " did not decode: " + result);
        }
        return result;
    }

    /** Jackson's streaming parser, decimals through {@code Double.parseDouble}. */
    @Benchmark
    public int jacksonDouble() throws IOException
    {
        final int i = next;
        next = i + 1 == bytes.length ? 0 : i + 1;
        parse(bytes[i], jacksonDoubles);
        return jacksonDoubles.levelCount;
    }

    /** Jackson's streaming parser, decimals through {@code new BigDecimal(...)} to a fixed-point mantissa. */
    @Benchmark
    public int jacksonBigDecimal() throws IOException
    {
        final int i = next;
        next = i + 1 == bytes.length ? 0 : i + 1;
        parse(bytes[i], jacksonDecimals);
        return jacksonDecimals.levelCount;
    }

    /** simdjson-java's DOM parser, then the fields looked up by name, decimals through {@code Double.parseDouble}. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
        "--add-modules=jdk.incubator.vector" })
    public int simdjson()
    {
        if (null == simdjson)
        {
            DecodeCases.simdjson(decodeCase);
        }
        final int i = next;
        next = i + 1 == bytes.length ? 0 : i + 1;
        simdjson.parse(bytes[i], simdjsonDoubles);
        return simdjsonDoubles.levelCount;
    }

    private void parse(final byte[] frame, final JacksonDepth out) throws IOException
    {
        out.reset();
        try (JsonParser parser = jsonFactory.createParser(frame, 0, frame.length))
        {
            jackson.parse(parser, out);
        }
    }
}
