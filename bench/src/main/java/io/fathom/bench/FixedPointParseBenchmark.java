package io.fathom.bench;

import io.fathom.codec.decimal.FixedPoint;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Parsing one decimal price or quantity: codec's {@link FixedPoint} from ASCII bytes beside
 * {@code new BigDecimal} and {@code Double.parseDouble} on the same text, since a depth frame is mostly
 * decimals and their conversion sets the floor of the decode cost.
 *
 * <p>The Java parsers get the text as a ready {@code String} (their cost excludes making it from the frame's
 * bytes, which favours them); {@code bigDecimalMantissa} goes on to the same fixed-point {@code long} as
 * FixedPoint produces. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class FixedPointParseBenchmark
{
    /**
     * {@code short} "0.5"; {@code integer} "6195"; {@code binance} "0.35130000" (Binance's 8 decimals, trailing
     * zeros); {@code long} "9876543210.12345678" (18 digits); {@code many-decimals} "0.000000012345678912"
     * (18 decimals, at scale 18).
     */
    @Param({ "short", "integer", "binance", "long", "many-decimals" })
    public String text;

    private String string;
    private UnsafeBuffer bytes;
    private int length;
    private int scale;

    @Setup(Level.Trial)
    public void setUp()
    {
        scale = 8;
        switch (text)
        {
            case "short":
                string = "0.5";
                break;
            case "integer":
                string = "6195";
                break;
            case "binance":
                string = "0.35130000";
                break;
            case "long":
                string = "9876543210.12345678";
                break;
            case "many-decimals":
                string = "0.000000012345678912";
                scale = 18;
                break;
            default:
                throw new IllegalArgumentException(text);
        }
        final byte[] ascii = string.getBytes(StandardCharsets.US_ASCII);
        bytes = new UnsafeBuffer(ascii);
        length = ascii.length;
        if (FixedPoint.parse(bytes, 0, length, scale) != bigDecimalMantissa())
        {
            throw new IllegalStateException("FixedPoint and BigDecimal disagree on " + string);
        }
    }

    @Benchmark
    public long fixedPoint()
    {
        return FixedPoint.parse(bytes, 0, length, scale);
    }

    @Benchmark
    public BigDecimal bigDecimal()
    {
        return new BigDecimal(string);
    }

    @Benchmark
    public long bigDecimalMantissa()
    {
        return new BigDecimal(string).movePointRight(scale).longValueExact();
    }

    @Benchmark
    public double parseDouble()
    {
        return Double.parseDouble(string);
    }
}
