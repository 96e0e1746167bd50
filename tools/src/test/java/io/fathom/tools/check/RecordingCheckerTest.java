package io.fathom.tools.check;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.recording.RealDataLocator;
import io.fathom.codec.venue.FrameDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fathom check} against the real recordings: every oracle they carry is reproduced, and altering one
 * quantity in one frame is caught as exactly that mismatch, followed by a resync and verified checksums.
 */
class RecordingCheckerTest
{
    private static final Pattern FIRST_LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"");

    @TempDir
    Path dir;

    @Test
    void reproducesKrakenV1Checksums() throws Exception
    {
        final CheckReport report = check(Venue.KRAKEN_V1, "kraken_v1_book1000_10pairs.ws.txt", null);
        assertThat(report.checksumOk()).isEqualTo(4_269);
        assertClean(report);
    }

    @Test
    void reproducesOkxChecksums() throws Exception
    {
        final CheckReport report = check(Venue.OKX, "okx_v5_books_3inst.ws.txt", null);
        assertThat(report.checksumOk()).isEqualTo(290);
        assertClean(report);
    }

    @Test
    void reproducesBitgetChecksums() throws Exception
    {
        final CheckReport report = check(Venue.BITGET, "bitget_spot_v1_books_8inst.ws.txt", null);
        assertThat(report.checksumOk()).isEqualTo(443);
        assertClean(report);
    }

    @Test
    void rebuildsBinanceSpotTopOfBookAtEveryBookTicker() throws Exception
    {
        final CheckReport report = check(Venue.BINANCE, "binance_spot_depth100ms_4sym.ws.txt",
            "binance_spot_depth_snapshots.http.txt");
        assertThat(report.messages()).isEqualTo(177);
        assertThat(report.topOfBookOk()).isEqualTo(26);
        assertClean(report);
    }

    @Test
    void rebuildsBinanceUsdmTopOfBookAtEveryBookTicker() throws Exception
    {
        final CheckReport report = check(Venue.BINANCE_USDM, "binance_usdm_depth100ms_4sym.ws.txt",
            "binance_usdm_depth_snapshots.http.txt");
        assertThat(report.messages()).isEqualTo(764);
        assertThat(report.topOfBookOk()).isEqualTo(50);
        assertClean(report);
    }

    @Test
    void reportsOneAlteredKrakenQuantityThenResyncs() throws Exception
    {
        alteredQuantityIsCaughtAndResynced(Venue.KRAKEN_V1, "kraken_v1_book1000_10pairs.ws.txt", 4_269);
    }

    @Test
    void reportsOneAlteredOkxQuantityThenResyncs() throws Exception
    {
        alteredQuantityIsCaughtAndResynced(Venue.OKX, "okx_v5_books_3inst.ws.txt", 290);
    }

    @Test
    void reportsOneAlteredBitgetQuantityThenResyncs() throws Exception
    {
        alteredQuantityIsCaughtAndResynced(Venue.BITGET, "bitget_spot_v1_books_8inst.ws.txt", 443);
    }

    @Test
    void reportsAGapWhenABinanceFrameIsMissing() throws Exception
    {
        final Path original = RealDataLocator.file("binance_usdm_depth100ms_4sym.ws.txt");
        final List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        int depthFrames = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).contains("\"e\":\"depthUpdate\"") && lines.get(i).contains("SUSHIUSDT") && ++depthFrames == 100)
            {
                lines.remove(i);
                break;
            }
        }
        final Path altered = dir.resolve("missing.ws.txt");
        Files.write(altered, lines, StandardCharsets.UTF_8);
        final CheckReport report = new RecordingChecker(Venue.BINANCE_USDM, 8, 8, null)
            .check(altered, RealDataLocator.file("binance_usdm_depth_snapshots.http.txt"));
        assertThat(report.gaps()).isEqualTo(1);
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("SUSHIUSDT") && p.contains("no more"));
    }

    /**
     * Alters the quantity of the best level of an update whose price is updated again later, so the venue's
     * own updates can bring a copy of the book back to agreement; the book must fail exactly there, resync,
     * and verify checksums again after it.
     */
    private void alteredQuantityIsCaughtAndResynced(final Venue venue, final String file, final long oracle) throws Exception
    {
        final Path original = RealDataLocator.file(file);
        final List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        final int target = frameToAlter(venue, lines);
        final String frame = lines.get(target);
        final Matcher level = FIRST_LEVEL.matcher(frame);
        assertThat(level.find()).isTrue();
        final String quantity = level.group(2);
        final char last = quantity.charAt(quantity.length() - 1);
        final String changed = quantity.substring(0, quantity.length() - 1) + (last == '9' ? '8' : (char)(last + 1));
        lines.set(target, frame.substring(0, level.start(2)) + changed + frame.substring(level.end(2)));
        final Path altered = dir.resolve("altered.ws.txt");
        Files.write(altered, lines, StandardCharsets.UTF_8);

        final CheckReport report = new RecordingChecker(venue, 8, 8, null).check(altered, null);

        assertThat(report.checksumMismatch()).as("the one altered frame").isEqualTo(1);
        assertThat(report.resyncs()).isEqualTo(1);
        assertThat(report.checksumOk() + report.checksumMismatch() + report.checksumUnverified()).isEqualTo(oracle);
        assertThat(report.problems()).anyMatch(p -> p.contains("resynced"));
        final int mismatchAt = indexOf(report.problems(), "checksum mismatch");
        final int resyncAt = indexOf(report.problems(), "resynced");
        assertThat(mismatchAt).isLessThan(resyncAt);
        assertThat(report.checksumOkAfterResync()).as("checksums verified after the resync").isPositive();
        assertThat(report.gaps()).isZero();
        assertThat(report.crossed()).isZero();
        assertThat(report.passed()).isFalse();
    }

    /** The first update, after the 40th depth message, whose best level's price the same instrument updates again. */
    private static int frameToAlter(final Venue venue, final List<String> lines)
    {
        final FrameDecoder decoder = FrameDecoder.forVenue(venue, 8, 8);
        final DepthMessage message = new DepthMessage(20_000);
        final List<int[]> candidates = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<List<String>> touched = new ArrayList<>();
        int depthMessages = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            final int colon = line.indexOf(": ");
            if (colon < 0 || line.startsWith("wss://") || line.startsWith("https://"))
            {
                touched.add(List.of());
                continue;
            }
            final byte[] payload = line.substring(colon + 2).getBytes(StandardCharsets.UTF_8);
            if (decoder.decodeFrame(new UnsafeBuffer(payload), 0, payload.length, message) != DecodeResult.DEPTH)
            {
                touched.add(List.of());
                continue;
            }
            depthMessages++;
            final List<String> levels = new ArrayList<>();
            for (int l = 0; l < message.levelCount(); l++)
            {
                levels.add(message.symbolAsString() + "|" + message.side(l) + "|" + message.price(l));
            }
            touched.add(levels);
            final Matcher first = FIRST_LEVEL.matcher(line);
            if (depthMessages > 40 && message.kind() == DepthMessage.KIND_DELTA && message.hasChecksum() &&
                message.levelCount() > 0 && message.quantity(0) > 0 && first.find())
            {
                candidates.add(new int[]{ i });
                keys.add(levels.get(0));
            }
        }
        for (int c = 0; c < candidates.size(); c++)
        {
            final int line = candidates.get(c)[0];
            for (int later = line + 1; later < touched.size(); later++)
            {
                if (touched.get(later).contains(keys.get(c)))
                {
                    return line;
                }
            }
        }
        throw new AssertionError("no frame to alter in the recording");
    }

    private static int indexOf(final List<String> problems, final String fragment)
    {
        for (int i = 0; i < problems.size(); i++)
        {
            if (problems.get(i).contains(fragment))
            {
                return i;
            }
        }
        return -1;
    }

    private static CheckReport check(final Venue venue, final String ws, final String http) throws Exception
    {
        return new RecordingChecker(venue, 8, 8, null).check(RealDataLocator.file(ws), http == null ? null : RealDataLocator.file(http));
    }

    private static void assertClean(final CheckReport report)
    {
        assertThat(report.checksumMismatch()).isZero();
        assertThat(report.checksumUnverified()).isZero();
        assertThat(report.gaps()).isZero();
        assertThat(report.crossed()).isZero();
        assertThat(report.topOfBookMismatch()).isZero();
        assertThat(report.decodeErrors()).isZero();
        assertThat(report.passed()).isTrue();
    }
}
