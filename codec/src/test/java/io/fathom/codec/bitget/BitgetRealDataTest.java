package io.fathom.codec.bitget;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData;
import io.fathom.codec.RealData.Frame;
import io.fathom.codec.checksum.ChecksumReplay;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.checksum.RecordedBooks;
import io.fathom.codec.checksum.ReplayResult;
import io.fathom.codec.okx.OkxBooksDecoder;
import io.fathom.codec.recording.RecordType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bitget spot v1 {@code books} recording (8 symbols) is the ground truth: 8 snapshots and 435 updates
 * decode, and all 443 checksums (OKX's algorithm) verify over the decoded books.
 */
class BitgetRealDataTest
{
    static final String FILE = "bitget_spot_v1_books_8inst.ws.txt";
    private static final Pattern CHECKSUM = Pattern.compile("\"checksum\":(-?\\d+)");
    private static final Pattern TS = Pattern.compile("\"ts\":\"(\\d+)\"");

    private final BitgetBooksDecoder decoder = new BitgetBooksDecoder(8, 8);
    private final ChecksumReplay replay = new ChecksumReplay(decoder::decode, OkxChecksum::compute, () -> 0);

    @Test
    void verifiesEveryChecksumOfTheRecording()
    {
        final ReplayResult result = replay.run(RealData.frames(FILE, RecordType.RECEIVED));

        assertThat(result.errors).as(result.toString()).isZero();
        assertThat(result.snapshots).isEqualTo(8);
        assertThat(result.deltas).isEqualTo(435);
        assertThat(result.checksummed).isEqualTo(443);
        assertThat(result.checksumOk).as(result.toString()).isEqualTo(443);
        assertThat(result.ignored).isEqualTo(32 + 8 + 128 + 8 + 30 + 35);
        for (final String instrument : List.of(
            "EOSUSDT", "GOGUSDT", "VVSUSDT", "AVAXUSDT", "CULTUSDT", "HOTUSDT", "SUNUSDT", "STGUSDT"))
        {
            assertThat(replay.book(instrument).isCrossed()).as(instrument).isFalse();
        }
    }

    @Test
    void decodesEveryFieldAsAnIndependentRegexReadsIt()
    {
        final DepthMessage message = new DepthMessage(4096);
        int books = 0;
        for (final Frame frame : RealData.frames(FILE, RecordType.RECEIVED))
        {
            final String text = frame.text();
            final DecodeResult result = decoder.decode(RecordedBooks.buffer(frame), 0, frame.payload().length, message);
            if (!text.contains("\"channel\":\"books\"") || text.startsWith("{\"event\""))
            {
                assertThat(result).as(text).isEqualTo(DecodeResult.IGNORED);
                continue;
            }
            final String where = "line " + frame.lineNumber();
            assertThat(result).as(where).isEqualTo(DecodeResult.DEPTH);
            books++;
            assertThat(message.kind()).isEqualTo(
                text.contains("\"action\":\"snapshot\"") ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA);
            assertThat(text).contains("\"instId\":\"" + message.symbolAsString() + "\"");
            assertThat(message.eventTimeMs()).isEqualTo(Long.parseLong(group(TS, text)));
            assertThat(message.checksum()).isEqualTo(Long.parseLong(group(CHECKSUM, text)));
            assertThat(message.hasChecksum()).isTrue();
            assertThat(message.lastUpdateId()).as("Bitget v1 sends no sequence").isEqualTo(DepthMessage.NO_ID);
            RecordedBooks.assertLevelsAsText(text, message, where);
        }
        assertThat(books).isEqualTo(443);
    }

    @Test
    void alteringOneQuantityFailsExactlyThatFramesChecksum()
    {
        final List<Frame> frames = RealData.frames(FILE, RecordType.RECEIVED);
        final OkxBooksDecoder finder = new OkxBooksDecoder(8, 8);
        final Frame target = RecordedBooks.firstUpdateTouchingTop(
            frames, frames.size() / 2, new ChecksumReplay(finder::decode, OkxChecksum::compute, () -> 0),
            OkxChecksum.LEVELS);

        final ReplayResult result = replay.run(
            frames, Map.of(target.lineNumber(), RecordedBooks.alterFirstQuantity(target.text())));

        assertThat(result.errors).isZero();
        assertThat(result.mismatchLines).as(result.toString()).containsExactly(target.lineNumber());
        assertThat(result.checksumOk).isEqualTo(442);
    }

    @Test
    void reencodesEveryBooksFrameByteForByte()
    {
        final BitgetBooksEncoder encoder = new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE);
        final org.agrona.ExpandableArrayBuffer encoded = new org.agrona.ExpandableArrayBuffer(1 << 16);
        final DepthMessage message = new DepthMessage(4096);
        int reencoded = 0;
        for (final Frame frame : RealData.frames(FILE, RecordType.RECEIVED))
        {
            if (decoder.decode(RecordedBooks.buffer(frame), 0, frame.payload().length, message) == DecodeResult.DEPTH)
            {
                final int length = encoder.encode(encoded, 0, message);
                assertThat(encoded.getStringWithoutLengthAscii(0, length)).isEqualTo(frame.text());
                reencoded++;
            }
        }
        assertThat(reencoded).isEqualTo(443);
    }

    private static String group(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
