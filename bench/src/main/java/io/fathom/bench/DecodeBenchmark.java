package io.fathom.bench;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding real Binance depth frames (spot and USD-M futures, from the recordings) into a reusable
 * message. Run with {@code -prof gc}: the allocation per operation must be zero.
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
    @Param({ "binance_spot_depth100ms_4sym.ws.txt", "binance_usdm_depth100ms_4sym.ws.txt" })
    public String recording;

    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final DepthMessage message = new DepthMessage(10_000);
    private UnsafeBuffer[] frames;
    private int[] lengths;
    private int next;

    @Setup(Level.Trial)
    public void load()
    {
        final List<byte[]> loaded = RealFrames.load(recording, "depthUpdate");
        frames = new UnsafeBuffer[loaded.size()];
        lengths = new int[loaded.size()];
        for (int i = 0; i < loaded.size(); i++)
        {
            frames[i] = new UnsafeBuffer(loaded.get(i));
            lengths[i] = loaded.get(i).length;
        }
    }

    /** One frame per operation, cycling through every depth frame of the recording. */
    @Benchmark
    public DecodeResult decodeDepthFrame()
    {
        final int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        final DecodeResult result = decoder.decodeStreamFrame(frames[i], 0, lengths[i], message);
        if (result != DecodeResult.DEPTH)
        {
            throw new IllegalStateException("frame " + i + " did not decode: " + result);
        }
        return result;
    }
}
