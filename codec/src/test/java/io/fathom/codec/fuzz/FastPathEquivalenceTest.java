package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A decoder's fast path, which reads a venue's usual shape in one pass, decodes every recorded frame to
 * what its general path decodes: a space after the opening brace is enough to send a frame down the
 * general path (frames that are not JSON, such as {@code pong}, are left out). Frames read from an off-heap buffer at an offset decode the same as from an array.
 * Coinbase frames of several events decode every event the same both ways.
 */
class FastPathEquivalenceTest
{
    private static final int OFFSET = 3;
    private static final String EVENTS = ",\"events\":[";

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void everyFrameDecodesAsTheGeneralPathDecodesIt(final FuzzTarget target)
    {
        assertThat(depthFramesDecodedAsTheGeneralPath(target, target.newDecoding())).isPositive();
    }

    /**
     * At an instrument's own scales, below the decimals the venue writes: Binance writes eight whatever the tick
     * ({@code "43250.01000000"} for a tick of 0.01), so the digits beyond the scale are zeros on most levels and
     * not on some (a value the scale cannot hold), and both must come out as the general path has them.
     */
    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void everyFrameDecodesAsTheGeneralPathDecodesItAtAnInstrumentsOwnScales(final FuzzTarget target)
    {
        int depthFrames = 0;
        for (final int[] scales : new int[][] { { 2, 3 }, { 0, 0 }, { 1, 5 }, { 7, 7 } })
        {
            depthFrames += depthFramesDecodedAsTheGeneralPath(target, target.newDecoding(scales[0], scales[1]));
        }
        assertThat(depthFrames).isPositive();
    }

    /** Decodes every frame of the target's corpus both ways, checks they agree and returns how many were depth. */
    private static int depthFramesDecodedAsTheGeneralPath(final FuzzTarget target, final FuzzTarget.Decoding decoder)
    {
        final DepthMessage fast = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        final DepthMessage general = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        int depthFrames = 0;
        for (final byte[] frame : FuzzCorpus.frames(target))
        {
            if (frame[0] != '{' && frame[0] != '[')
            {
                continue;
            }
            final DecodeResult fastResult = decoder.decode(new UnsafeBuffer(frame), 0, frame.length, fast);
            final byte[] spaced = withSpaceAfterFirstByte(frame);
            final DecodeResult generalResult = decoder.decode(new UnsafeBuffer(spaced), 0, spaced.length, general);
            final String text = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(fastResult).as(text).isEqualTo(generalResult);
            if (DecodeResult.DEPTH == fastResult)
            {
                Messages.assertSameMessage(fast, general);
                depthFrames++;
            }
        }
        return depthFrames;
    }

    @Test
    void coinbaseFramesOfSeveralEventsDecodeEveryEventAsTheGeneralPathDecodesIt()
    {
        final FuzzTarget.Decoding fastDecoder = FuzzTarget.COINBASE.newDecoding();
        final FuzzTarget.Decoding generalDecoder = FuzzTarget.COINBASE.newDecoding();
        final DepthMessage fast = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        final DepthMessage general = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        final List<String> events = new ArrayList<>();
        for (final byte[] frame : FuzzCorpus.frames(FuzzTarget.COINBASE))
        {
            final String text = new String(frame, StandardCharsets.UTF_8);
            final int start = text.indexOf(EVENTS);
            if (text.startsWith("{\"channel\":\"l2_data\"") && start > 0)
            {
                events.add(text.substring(start + EVENTS.length(), text.length() - 2));
            }
        }
        int eventsCompared = 0;
        for (int first = 0; first + 3 <= events.size(); first += 3)
        {
            final String text = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"," +
                "\"sequence_num\":" + first + EVENTS + String.join(",", events.subList(first, first + 3)) + "]}";
            final byte[] frame = text.getBytes(StandardCharsets.UTF_8);
            final byte[] spaced = withSpaceAfterFirstByte(frame);
            final DecodeResult fastResult = fastDecoder.decode(new UnsafeBuffer(frame), 0, frame.length, fast);
            assertThat(fastResult).as(text)
                .isEqualTo(generalDecoder.decode(new UnsafeBuffer(spaced), 0, spaced.length, general));
            if (DecodeResult.DEPTH != fastResult)
            {
                continue;
            }
            Messages.assertSameMessage(fast, general);
            assertThat(fastDecoder.moreEvents()).as(text).isEqualTo(2).isEqualTo(generalDecoder.moreEvents());
            for (int index = 1; index <= 2; index++)
            {
                final DecodeResult eventResult = fastDecoder.decodeEvent(index, fast);
                assertThat(eventResult).as(text).isEqualTo(generalDecoder.decodeEvent(index, general));
                if (DecodeResult.DEPTH == eventResult)
                {
                    Messages.assertSameMessage(fast, general);
                    eventsCompared++;
                }
            }
        }
        assertThat(eventsCompared).isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void anOffHeapBufferAtAnOffsetDecodesAsAnArray(final FuzzTarget target)
    {
        final FuzzTarget.Decoding decoder = target.newDecoding();
        final DepthMessage fromArray = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        final DepthMessage offHeap = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        for (final byte[] frame : FuzzCorpus.frames(target))
        {
            final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(frame.length + 2 * OFFSET));
            direct.setMemory(0, direct.capacity(), (byte)'"');
            direct.putBytes(OFFSET, frame);
            final DecodeResult expected = decoder.decode(new UnsafeBuffer(frame), 0, frame.length, fromArray);
            assertThat(decoder.decode(direct, OFFSET, frame.length, offHeap)).isEqualTo(expected);
            if (DecodeResult.DEPTH == expected)
            {
                Messages.assertSameMessage(offHeap, fromArray);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void noFrameCutShortDecodesAsDepth(final FuzzTarget target)
    {
        final FuzzTarget.Decoding decoder = target.newDecoding();
        final DepthMessage message = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        int framesCut = 0;
        for (final byte[] frame : FrameCuts.framesToCut(target))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(frame);
            for (final int length : FrameCuts.of(frame))
            {
                final DecodeResult result = decoder.decode(buffer, 0, length, message);
                if (DecodeResult.DEPTH == result)
                {
                    fail("the first %d bytes of %s decoded as depth", length, new String(frame, StandardCharsets.UTF_8));
                }
            }
            framesCut++;
        }
        assertThat(framesCut).isPositive();
    }

    private static byte[] withSpaceAfterFirstByte(final byte[] frame)
    {
        final byte[] spaced = new byte[frame.length + 1];
        spaced[0] = frame[0];
        spaced[1] = ' ';
        System.arraycopy(frame, 1, spaced, 2, frame.length - 1);
        return spaced;
    }
}
