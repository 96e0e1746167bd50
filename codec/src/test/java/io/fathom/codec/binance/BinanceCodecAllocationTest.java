package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.RealData.Frame;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.recording.RecordType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero allocation in steady state is a correctness property of the hot path, so it is asserted here
 * with the thread's allocation counter (a count of bytes, not a timing).
 *
 * <p>Each window runs every frame several times, so an allocation per call could never give an empty
 * window. The JIT, however, can make a one-off allocation on this thread while it recompiles (lazily
 * resolving a constant after a deoptimisation, seen in JDK 17), so the test passes at the first window
 * that allocates nothing and fails, listing every window, if none of them does.
 */
class BinanceCodecAllocationTest
{
    private static final int WARM_UP_ROUNDS = 30;
    private static final int ROUNDS_PER_WINDOW = 5;
    private static final int MAX_WINDOWS = 10;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(8, 8);
    private final DepthMessage message = new DepthMessage(4096);
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[256 * 1024]);
    private final UnsafeBuffer streamName = new UnsafeBuffer("nknusdt@depth@100ms".getBytes(US_ASCII));
    private long sink;

    @Test
    void decodesAndEncodesRealFramesWithoutAllocating()
    {
        assertThat(threads.isThreadAllocatedMemorySupported()).as("allocation counter supported").isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        final UnsafeBuffer[] frames = load("binance_spot_depth100ms_4sym.ws.txt", RecordType.RECEIVED);
        final UnsafeBuffer[] futuresFrames = load("binance_usdm_depth100ms_4sym.ws.txt", RecordType.RECEIVED);
        final UnsafeBuffer[] snapshots = load("binance_spot_depth_snapshots.http.txt", RecordType.HTTP);
        final UnsafeBuffer[] broken = brokenFrames(frames);

        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            run(frames, futuresFrames, snapshots, broken);
        }

        final long[] windows = new long[MAX_WINDOWS];
        int measured = 0;
        while (measured < MAX_WINDOWS && (0 == measured || 0 != windows[measured - 1]))
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
            {
                run(frames, futuresFrames, snapshots, broken);
            }
            windows[measured++] = threads.getCurrentThreadAllocatedBytes() - before;
        }

        assertThat(measureEmptyWindow()).as("the measurement itself allocates").isZero();
        assertThat(windows[measured - 1])
            .as("bytes allocated per window of %d rounds of decode and encode: %s",
                ROUNDS_PER_WINDOW, Arrays.toString(Arrays.copyOf(windows, measured)))
            .isZero();
        assertThat(sink).isNotZero();
    }

    private long measureEmptyWindow()
    {
        final long before = threads.getCurrentThreadAllocatedBytes();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private void run(
        final UnsafeBuffer[] frames,
        final UnsafeBuffer[] futuresFrames,
        final UnsafeBuffer[] snapshots,
        final UnsafeBuffer[] broken)
    {
        long checksum = 0;
        for (final UnsafeBuffer frame : frames)
        {
            final DecodeResult result = decoder.decodeStreamFrame(frame, 0, frame.capacity(), message);
            checksum += result.ordinal() + message.levelCount();
            if (DecodeResult.DEPTH == result)
            {
                checksum += encoder.encodeCombinedDepthUpdate(output, 0, streamName, 0, streamName.capacity(), message);
                checksum += encoder.encodeDepthUpdate(output, 0, message);
            }
        }
        for (final UnsafeBuffer frame : futuresFrames)
        {
            checksum += decoder.decodeStreamFrame(frame, 0, frame.capacity(), message).ordinal();
            checksum += message.previousUpdateId();
        }
        for (final UnsafeBuffer snapshot : snapshots)
        {
            checksum += decoder.decodeSnapshot(snapshot, 0, snapshot.capacity(), message).ordinal();
            checksum += encoder.encodeSnapshot(output, 0, message);
        }
        for (final UnsafeBuffer frame : broken)
        {
            checksum += decoder.decodeStreamFrame(frame, 0, frame.capacity(), message).ordinal();
            checksum += decoder.errorOffset();
            checksum += FixedPoint.parse(frame, 0, Math.min(8, frame.capacity()), 8);
            checksum += FixedPoint.parseError(frame, 0, Math.min(8, frame.capacity()), 8).ordinal();
        }
        sink += checksum;
    }

    /** Error paths: every tenth prefix of the first frames, and frames with a corrupted number. */
    private static UnsafeBuffer[] brokenFrames(final UnsafeBuffer[] frames)
    {
        final List<UnsafeBuffer> broken = new ArrayList<>();
        for (int f = 0; f < 3; f++)
        {
            final byte[] bytes = new byte[frames[f].capacity()];
            frames[f].getBytes(0, bytes);
            for (int length = 0; length < bytes.length; length += 10)
            {
                broken.add(new UnsafeBuffer(Arrays.copyOf(bytes, length)));
            }
            final String corrupted = new String(bytes, US_ASCII).replaceFirst("\"0\\.", "\"0.x");
            broken.add(new UnsafeBuffer(corrupted.getBytes(US_ASCII)));
        }
        return broken.toArray(new UnsafeBuffer[0]);
    }

    private static UnsafeBuffer[] load(final String file, final RecordType type)
    {
        return RealData.frames(file, type).stream()
            .map(Frame::payload)
            .map(UnsafeBuffer::new)
            .toArray(UnsafeBuffer[]::new);
    }
}
