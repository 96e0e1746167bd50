package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.binance.BinanceDepthEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault state and its helpers without a running simulator. */
class SimFaultsTest
{
    private final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SimBook.SCALE, SimBook.SCALE);
    private final BinanceDepthEncoder encoder = new BinanceDepthEncoder(SimBook.SCALE, SimBook.SCALE);

    @Test
    void rejectsNegativeWindowsCountsAndRetryAfterOutOfRange()
    {
        final SimFaults faults = new SimFaults();
        assertThatThrownBy(() -> faults.stall(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("stall");
        assertThatThrownBy(() -> faults.stopAnsweringPings(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> faults.slowRest(Duration.ofSeconds(-2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.malformedFrames(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.skipSequence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.rest429(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.rest429(1, 86_401)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("retryAfterSeconds");
        assertThat(faults.deliveryFaulty()).isFalse();
        assertThat(faults.faultsInjected()).isZero();
        assertThat(faults.dropOneConnection()).as("no server attached").isFalse();
    }

    @Test
    void countsAreUsedUpOneAtATimeAndTheDepthFlagDisarmsWhenNothingIsPending()
    {
        final SimFaults faults = new SimFaults();
        faults.skipSequence(2);
        faults.malformedFrames(1);
        assertThat(faults.deliveryFaulty()).isTrue();

        assertThat(faults.withholdDiff(false)).as("no subscriber: the skip is kept").isFalse();
        assertThat(faults.withholdDiff(true)).isTrue();
        assertThat(faults.withholdDiff(true)).isTrue();
        assertThat(faults.withholdDiff(true)).isFalse();
        assertThat(faults.deliveryFaulty()).as("a corruption is still pending").isTrue();
        assertThat(faults.nextCorruption()).isEqualTo(SimFaults.CORRUPT_TRUNCATE);
        assertThat(faults.nextCorruption()).isEqualTo(SimFaults.CORRUPT_NONE);
        assertThat(faults.withholdDiff(true)).isFalse();
        assertThat(faults.deliveryFaulty()).isFalse();

        faults.malformedFrames(2);
        assertThat(faults.nextCorruption()).as("alternates").isEqualTo(SimFaults.CORRUPT_PRICE);
        faults.malformedFrames(0);
        assertThat(faults.nextCorruption()).as("a count of 0 ends it").isEqualTo(SimFaults.CORRUPT_NONE);

        faults.rest429(1, 3);
        assertThat(faults.takeTooManyRequests()).isTrue();
        assertThat(faults.retryAfterSeconds()).isEqualTo(3);
        assertThat(faults.takeTooManyRequests()).isFalse();
        assertThat(faults.faultsInjected()).isEqualTo(5);
    }

    @Test
    void windowsEndAtZeroAndOnClear()
    {
        final SimFaults faults = new SimFaults();
        faults.stall(Duration.ofMinutes(1));
        faults.stopAnsweringPings(Duration.ofMinutes(1));
        faults.slowRest(Duration.ofDays(10_000));
        assertThat(faults.withholdDiff(false)).isTrue();
        assertThat(faults.withholdPong()).isTrue();
        assertThat(faults.takeRestDelayNs()).as("cut to the longest window").isEqualTo(SimFaults.MAX_WINDOW.toNanos());

        faults.stall(Duration.ZERO);
        assertThat(faults.withholdDiff(true)).isFalse();
        faults.clear();
        assertThat(faults.withholdPong()).isFalse();
        assertThat(faults.takeRestDelayNs()).isZero();
        assertThat(faults.deliveryFaulty()).isFalse();
    }

    @Test
    void timeLogKeepsTheLatestStampsOldestFirst()
    {
        final SimTimeLog log = new SimTimeLog(3);
        assertThat(log.toArray()).isEmpty();
        log.record(1);
        log.record(2);
        assertThat(log.toArray()).containsExactly(1, 2);
        for (int i = 3; i <= 7; i++)
        {
            log.record(i);
        }
        assertThat(log.toArray()).containsExactly(5, 6, 7);
        assertThat(log.count()).isEqualTo(7);
    }

    @Test
    void corruptedFramesFailToDecodeEachInItsOwnWay()
    {
        final DepthMessage diff = diff();
        diff.addLevel(DepthMessage.BID, 12_345_000_000L, 100_000_000L);
        diff.addLevel(DepthMessage.ASK, 12_346_000_000L, 200_000_000L);
        assertThat(decodeCorrupted(diff, SimFaults.CORRUPT_NONE)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decodeCorrupted(diff, SimFaults.CORRUPT_TRUNCATE)).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(decodeCorrupted(diff, SimFaults.CORRUPT_PRICE)).isEqualTo(DecodeResult.INVALID_NUMBER);

        final DepthMessage asksOnly = diff();
        asksOnly.addLevel(DepthMessage.ASK, 12_346_000_000L, 0);
        assertThat(decodeCorrupted(asksOnly, SimFaults.CORRUPT_PRICE)).isEqualTo(DecodeResult.INVALID_NUMBER);

        final DepthMessage empty = diff();
        assertThat(decodeCorrupted(empty, SimFaults.CORRUPT_NONE)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decodeCorrupted(empty, SimFaults.CORRUPT_PRICE)).as("no price: cut instead")
            .isEqualTo(DecodeResult.MALFORMED_JSON);
    }

    private static DepthMessage diff()
    {
        final DepthMessage diff = new DepthMessage(4);
        final byte[] symbol = "SYM0".getBytes(StandardCharsets.US_ASCII);
        diff.symbol(symbol, 0, symbol.length);
        diff.firstUpdateId(100).lastUpdateId(102).eventTimeMs(1_700_000_000_000L);
        return diff;
    }

    @Test
    void aPriceCorruptionKeepsEveryVenuesJsonValidButItsPriceUnreadable()
    {
        assertThat(corruptPrice("{\"channel\":\"book\",\"data\":[{\"bids\":[{\"price\":123.45,\"qty\":1.0}]}]}"))
            .contains("{\"price\":-23.45,");
        assertThat(corruptPrice("{\"arg\":{},\"data\":[{\"asks\":[[\"101.5\",\"3\",\"0\",\"1\"]]}]}"))
            .contains("[[\"x01.5\",");
        assertThat(corruptPrice("{\"updates\":[{\"side\":\"bid\",\"price_level\":\"21.73\"}]}"))
            .contains("\"price_level\":\"x1.73\"");
        assertThat(corruptPrice("{\"levels\":[[{\"px\":\"36000\",\"sz\":\"1\"}],[]]}"))
            .contains("\"px\":\"x6000\"");
    }

    @Test
    void checksumCorruptionsAreCountedAndKeepTheDepthFlagArmed()
    {
        final SimFaults faults = new SimFaults();
        assertThatThrownBy(() -> faults.corruptChecksums(-1)).isInstanceOf(IllegalArgumentException.class);
        faults.corruptChecksums(1);
        assertThat(faults.deliveryFaulty()).isTrue();
        assertThat(faults.withholdDiff(true)).isFalse();
        assertThat(faults.deliveryFaulty()).as("still pending").isTrue();
        assertThat(faults.checksumCorruptionPending()).isTrue();
        assertThat(faults.takeChecksumCorruption()).isTrue();
        assertThat(faults.takeChecksumCorruption()).isFalse();
        assertThat(faults.withholdDiff(true)).isFalse();
        assertThat(faults.deliveryFaulty()).isFalse();
        assertThat(faults.faultsInjected()).isEqualTo(1);
        assertThatThrownBy(() -> new SimFaults(false).corruptChecksums(1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("checksum");
        assertThat(SimFaults.hasChecksum(Venue.KRAKEN_V1)).isTrue();
        assertThat(SimFaults.hasChecksum(Venue.COINBASE)).isFalse();
    }

    private static String corruptPrice(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[bytes.length];
        final int length = SimFrameSender.corrupt(bytes, bytes.length, SimFaults.CORRUPT_PRICE, out);
        assertThat(length).isEqualTo(bytes.length);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    private DecodeResult decodeCorrupted(final DepthMessage diff, final int corruption)
    {
        final byte[] frame = new byte[1_024];
        final int length = encoder.encodeDepthUpdate(new UnsafeBuffer(frame), 0, diff);
        final byte[] corrupted = new byte[frame.length];
        final int corruptedLength = corruption == SimFaults.CORRUPT_NONE ? length :
            SimFrameSender.corrupt(frame, length, corruption, corrupted);
        final byte[] sent = corruption == SimFaults.CORRUPT_NONE ? frame : corrupted;
        assertThat(new String(sent, 0, corruptedLength, StandardCharsets.US_ASCII)).isASCII();
        return decoder.decodeStreamFrame(new UnsafeBuffer(sent), 0, corruptedLength, new DepthMessage(4));
    }
}
