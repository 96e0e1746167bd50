package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.RealData.Frame;
import io.fathom.codec.checksum.ChecksumReplay;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.checksum.ReferenceBook;
import io.fathom.codec.checksum.ReplayResult;
import io.fathom.codec.recording.RecordType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kraken WebSocket v1 recording (10 pairs, {@code book-1000}) is the ground truth: every frame decodes,
 * and every one of its 4,269 update checksums verifies over books built from the decoded levels.
 */
class KrakenV1RealDataTest
{
    static final String FILE = "kraken_v1_book1000_10pairs.ws.txt";
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\",\"([0-9.]+)\"(,\"r\")?]");
    private static final Pattern CHECKSUM = Pattern.compile("\"c\":\"(\\d+)\"");

    private final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(8, 8);
    private final ChecksumReplay replay = new ChecksumReplay(decoder::decode, KrakenChecksum::compute, decoder::bookDepth);

    @Test
    void verifiesEveryUpdateChecksumOfTheRecording()
    {
        final ReplayResult result = replay.run(RealData.frames(FILE, RecordType.RECEIVED));

        assertThat(result.errors).as(result.toString()).isZero();
        assertThat(result.snapshots).isEqualTo(10);
        assertThat(result.deltas).isEqualTo(4_269);
        assertThat(result.ignored).isEqualTo(1 + 10 + 31);
        assertThat(result.checksummed).isEqualTo(4_269);
        assertThat(result.checksumOk).as(result.toString()).isEqualTo(4_269);
        assertThat(result.mismatchLines).isEmpty();
        assertThat(replay.book("XBT/CHF").isCrossed()).isFalse();
    }

    @Test
    void decodesEveryFieldAsAnIndependentRegexReadsIt()
    {
        final DepthMessage message = new DepthMessage(4096);
        int books = 0;
        for (final Frame frame : RealData.frames(FILE, RecordType.RECEIVED))
        {
            final String text = frame.text();
            final DecodeResult result = decoder.decode(new UnsafeBuffer(frame.payload()), 0, frame.payload().length,
                message);
            if (!text.startsWith("["))
            {
                assertThat(result).as(text).isEqualTo(DecodeResult.IGNORED);
                continue;
            }
            assertThat(result).as("line %d", frame.lineNumber()).isEqualTo(DecodeResult.DEPTH);
            books++;
            assertThat(decoder.bookDepth()).isEqualTo(1000);
            assertThat(message.symbolAsString()).isEqualTo(text.substring(text.lastIndexOf(",\"") + 2, text.length() - 2));
            assertThat(decoder.channelId()).isEqualTo(Long.parseLong(text.substring(1, text.indexOf(','))));
            assertThat(message.kind()).isEqualTo(text.contains("\"as\":") ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA);

            final Matcher checksum = CHECKSUM.matcher(text);
            assertThat(message.hasChecksum()).isEqualTo(checksum.find());
            if (message.hasChecksum())
            {
                assertThat(message.checksum()).isEqualTo(Long.parseLong(checksum.group(1)));
            }

            final Matcher level = LEVEL.matcher(text);
            long latestMicros = 0;
            int i = 0;
            while (level.find())
            {
                final String where = "line " + frame.lineNumber() + " level " + i;
                assertThat(i).as(where).isLessThan(message.levelCount());
                assertThat(text(message.price(i), message.priceScale(), message.priceDecimals(i)))
                    .as(where).isEqualTo(level.group(1));
                assertThat(text(message.quantity(i), message.quantityScale(), message.quantityDecimals(i)))
                    .as(where).isEqualTo(level.group(2));
                latestMicros = Math.max(latestMicros, new java.math.BigDecimal(level.group(3)).movePointRight(6)
                    .longValueExact());
                i++;
            }
            assertThat(message.levelCount()).isEqualTo(i);
            assertThat(message.eventTimeMs()).isEqualTo(latestMicros / 1000);
        }
        assertThat(books).isEqualTo(10 + 4_269);
    }

    @Test
    void alteringOneQuantityFailsExactlyThatFramesChecksum()
    {
        final List<Frame> frames = RealData.frames(FILE, RecordType.RECEIVED);
        final Frame target = firstUpdateTouchingTopLevels(frames, 2_000);
        final byte[] altered = alterFirstQuantity(target.text());

        final ReplayResult result = replay.run(frames, Map.of(target.lineNumber(), altered));

        assertThat(result.errors).isZero();
        assertThat(result.checksummed).isEqualTo(4_269);
        assertThat(result.mismatchLines).as(result.toString()).containsExactly(target.lineNumber());
        assertThat(result.checksumOk).isEqualTo(4_268);
    }

    /** An update, from the given index on, whose first level lands within the checksummed top 10. */
    static Frame firstUpdateTouchingTopLevels(final List<Frame> frames, final int fromIndex)
    {
        final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(8, 8);
        final ChecksumReplay replay = new ChecksumReplay(decoder::decode, KrakenChecksum::compute, decoder::bookDepth);
        for (int i = 0; i < frames.size(); i++)
        {
            replay.run(frames.subList(i, i + 1));
            final DepthMessage message = replay.lastMessage();
            if (i >= fromIndex && message.levelCount() > 0 && message.kind() == DepthMessage.KIND_DELTA &&
                message.quantity(0) != 0)
            {
                final ReferenceBook book = replay.book(message.symbolAsString());
                final int rank = book.prices(message.side(0)).indexOf(message.price(0));
                if (rank >= 0 && rank < KrakenChecksum.LEVELS)
                {
                    return frames.get(i);
                }
            }
        }
        throw new AssertionError("no update touches the top levels");
    }

    /** The frame with the last digit of its first quantity changed (a different, still valid, value). */
    static byte[] alterFirstQuantity(final String text)
    {
        final Matcher level = LEVEL.matcher(text);
        assertThat(level.find()).isTrue();
        final int end = level.end(2) - 1;
        final char last = text.charAt(end);
        final char replacement = last == '9' ? '8' : (char)(last + 1);
        return (text.substring(0, end) + replacement + text.substring(end + 1)).getBytes(UTF_8);
    }

    private static String text(final long mantissa, final int scale, final int decimals)
    {
        return java.math.BigDecimal.valueOf(mantissa, scale).setScale(decimals, java.math.RoundingMode.UNNECESSARY)
            .toPlainString();
    }
}
