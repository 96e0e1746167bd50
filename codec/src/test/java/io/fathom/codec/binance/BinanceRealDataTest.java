package io.fathom.codec.binance;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.RealData.Frame;
import io.fathom.codec.recording.RecordType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fathom.codec.binance.DepthFrames.OFFSET;
import static io.fathom.codec.binance.DepthFrames.assertSameMessage;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes the real Binance recordings (ground truth nobody here wrote) and cross-checks every field
 * against an independent regex reading of the same text, the venue's own sequence chains, and a
 * re-encoding.
 */
class BinanceRealDataTest
{
    private static final String SPOT_STREAM = "binance_spot_depth100ms_4sym.ws.txt";
    private static final String SPOT_SNAPSHOTS = "binance_spot_depth_snapshots.http.txt";
    private static final String USDM_STREAM = "binance_usdm_depth100ms_4sym.ws.txt";
    private static final String USDM_SNAPSHOTS = "binance_usdm_depth_snapshots.http.txt";
    private static final String LEVEL = "\\[\"[0-9.]+\",\"[0-9.]+\"]";
    private static final Pattern LEVEL_PATTERN = Pattern.compile(LEVEL);
    private static final int CAPACITY = 4096;

    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(8, 8);
    private final DepthMessage message = new DepthMessage(CAPACITY);
    private final DepthMessage again = new DepthMessage(CAPACITY);
    private final ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(1024);

    @Test
    void decodesEverySpotDepthUpdateAndIgnoresEverythingElse()
    {
        final Counts counts = decodeStream(SPOT_STREAM, false);

        assertThat(counts.depth).isEqualTo(177);
        assertThat(counts.ignored).isEqualTo(265 - 177);
    }

    @Test
    void decodesEveryUsdmDepthUpdateWithPu()
    {
        final Counts counts = decodeStream(USDM_STREAM, true);

        assertThat(counts.depth).isEqualTo(764);
        assertThat(counts.ignored).isEqualTo(1535 - 764);
    }

    @Test
    void decodesSpotSnapshots()
    {
        assertThat(decodeSnapshots(SPOT_SNAPSHOTS))
            .containsExactly(499869752L, 281916627L, 259345543L, 15602511L);
    }

    @Test
    void decodesUsdmSnapshots()
    {
        assertThat(decodeSnapshots(USDM_SNAPSHOTS))
            .containsExactly(600859605926L, 600859605486L, 600859619434L, 600859618836L);
    }

    @Test
    void reencodesSpotFramesByteForByte()
    {
        int checked = 0;
        for (final Frame frame : RealData.frames(SPOT_STREAM, RecordType.RECEIVED))
        {
            final UnsafeBuffer buffer = DepthFrames.buffer(frame.payload());
            if (decoder.decodeStreamFrame(buffer, OFFSET, frame.payload().length, message) == DecodeResult.DEPTH)
            {
                final String stream = group(frame.text(), "\"stream\":\"([^\"]+)\"");
                final UnsafeBuffer name = new UnsafeBuffer(stream.getBytes(US_ASCII));
                final int length = encoder.encodeCombinedDepthUpdate(encoded, 0, name, 0, name.capacity(), message);
                assertThat(encoded.getStringWithoutLengthAscii(0, length)).isEqualTo(frame.text());
                checked++;
            }
        }
        for (final Frame frame : RealData.frames(SPOT_SNAPSHOTS, RecordType.HTTP))
        {
            final UnsafeBuffer buffer = DepthFrames.buffer(frame.payload());
            assertThat(decoder.decodeSnapshot(buffer, OFFSET, frame.payload().length, message))
                .isEqualTo(DecodeResult.DEPTH);
            final int length = encoder.encodeSnapshot(encoded, 0, message);
            assertThat(encoded.getStringWithoutLengthAscii(0, length)).isEqualTo(frame.text());
            checked++;
        }
        assertThat(checked).isEqualTo(177 + 4);
    }

    private Counts decodeStream(final String file, final boolean futures)
    {
        final List<Frame> frames = RealData.frames(file, RecordType.RECEIVED);
        final Map<String, Long> lastIdBySymbol = new HashMap<>();
        final Counts counts = new Counts();
        for (final Frame frame : frames)
        {
            final String text = frame.text();
            final UnsafeBuffer buffer = DepthFrames.buffer(frame.payload());
            final DecodeResult result = decoder.decodeStreamFrame(buffer, OFFSET, frame.payload().length, message);
            final String where = file + " line " + frame.lineNumber();

            if (!text.contains("\"e\":\"depthUpdate\""))
            {
                assertThat(result).as(where).isEqualTo(DecodeResult.IGNORED);
                counts.ignored++;
                continue;
            }
            assertThat(result).as(where + " error at " + decoder.errorOffset()).isEqualTo(DecodeResult.DEPTH);
            counts.depth++;

            assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
            assertThat(message.symbolAsString()).as(where).isEqualTo(group(text, "\"s\":\"([A-Z0-9]+)\""));
            assertThat(message.eventTimeMs()).as(where).isEqualTo(Long.parseLong(group(text, "\"E\":(\\d+)")));
            assertThat(message.firstUpdateId()).as(where).isEqualTo(Long.parseLong(group(text, "\"U\":(\\d+)")));
            assertThat(message.lastUpdateId()).as(where).isEqualTo(Long.parseLong(group(text, "\"u\":(\\d+)")));
            assertThat(message.firstUpdateId()).as(where).isLessThanOrEqualTo(message.lastUpdateId());
            assertLevelCounts(text, "b", "a", where);

            final Long previous = lastIdBySymbol.put(message.symbolAsString(), message.lastUpdateId());
            if (futures)
            {
                final long pu = Long.parseLong(group(text, "\"pu\":(\\d+)"));
                assertThat(message.previousUpdateId()).as(where).isEqualTo(pu);
                if (null != previous)
                {
                    assertThat(message.previousUpdateId()).as(where + " pu chain").isEqualTo(previous);
                }
            }
            else
            {
                assertThat(message.previousUpdateId()).as(where).isEqualTo(DepthMessage.NO_ID);
                if (null != previous)
                {
                    assertThat(message.firstUpdateId()).as(where + " U chain").isEqualTo(previous + 1);
                }
            }

            assertRoundTrip(frame, where);
        }
        assertThat(counts.depth + counts.ignored).isEqualTo(frames.size());
        return counts;
    }

    private List<Long> decodeSnapshots(final String file)
    {
        final List<Frame> frames = RealData.frames(file, RecordType.HTTP);
        assertThat(frames).hasSize(4);
        return frames.stream().map(frame ->
        {
            final String text = frame.text();
            final String where = file + " line " + frame.lineNumber();
            final UnsafeBuffer buffer = DepthFrames.buffer(frame.payload());

            assertThat(decoder.decodeSnapshot(buffer, OFFSET, frame.payload().length, message))
                .as(where).isEqualTo(DecodeResult.DEPTH);
            assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
            assertThat(message.symbolLength()).isZero();
            final long lastUpdateId = Long.parseLong(group(text, "\"lastUpdateId\":(\\d+)"));
            assertThat(message.lastUpdateId()).isEqualTo(lastUpdateId);
            assertThat(message.firstUpdateId()).isEqualTo(lastUpdateId);
            assertLevelCounts(text, "bids", "asks", where);
            assertBookSidesSorted(where);

            final int length = encoder.encodeSnapshot(encoded, 0, message);
            assertThat(decoder.decodeSnapshot(encoded, 0, length, again)).isEqualTo(DecodeResult.DEPTH);
            assertSameMessage(again, message);
            return lastUpdateId;
        }).toList();
    }

    private void assertRoundTrip(final Frame frame, final String where)
    {
        final int bareLength = encoder.encodeDepthUpdate(encoded, 0, message);
        assertThat(decoder.decodeStreamFrame(encoded, 0, bareLength, again)).as(where).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(again, message);

        final UnsafeBuffer name = new UnsafeBuffer(group(frame.text(), "\"stream\":\"([^\"]+)\"").getBytes(US_ASCII));
        final int combinedLength = encoder.encodeCombinedDepthUpdate(encoded, 0, name, 0, name.capacity(), message);
        assertThat(decoder.decodeStreamFrame(encoded, 0, combinedLength, again))
            .as(where).isEqualTo(DecodeResult.DEPTH);
        assertSameMessage(again, message);
    }

    private void assertLevelCounts(final String text, final String bidsKey, final String asksKey, final String where)
    {
        final int bids = countLevels(array(text, bidsKey));
        final int asks = countLevels(array(text, asksKey));
        int decodedBids = 0;
        for (int i = 0; i < message.levelCount(); i++)
        {
            if (message.side(i) == DepthMessage.BID)
            {
                assertThat(i).as(where + " bids before asks").isEqualTo(decodedBids);
                decodedBids++;
            }
        }
        assertThat(decodedBids).as(where + " bids").isEqualTo(bids);
        assertThat(message.levelCount() - decodedBids).as(where + " asks").isEqualTo(asks);
    }

    private void assertBookSidesSorted(final String where)
    {
        for (int i = 1; i < message.levelCount(); i++)
        {
            if (message.side(i) == message.side(i - 1))
            {
                final boolean bid = message.side(i) == DepthMessage.BID;
                assertThat(bid ? message.price(i) < message.price(i - 1) : message.price(i) > message.price(i - 1))
                    .as(where + " level " + i + " in book order").isTrue();
            }
        }
    }

    /** The text of a levels array: arrays of two strings, so it ends at the first "]]" unless empty. */
    private static String array(final String text, final String key)
    {
        final String opening = "\"" + key + "\":[";
        final int start = text.indexOf(opening) + opening.length() - 1;
        assertThat(start).as(opening).isGreaterThanOrEqualTo(opening.length() - 1);
        final int end = text.charAt(start + 1) == ']' ? start + 2 : text.indexOf("]]", start) + 2;
        return text.substring(start, end);
    }

    private static int countLevels(final String array)
    {
        final Matcher matcher = LEVEL_PATTERN.matcher(array);
        int count = 0;
        while (matcher.find())
        {
            count++;
        }
        return count;
    }

    private static String group(final String text, final String regex)
    {
        final Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ in " + text.substring(0, Math.min(200, text.length()))).isTrue();
        return matcher.group(1);
    }

    private static final class Counts
    {
        int depth;
        int ignored;
    }
}
