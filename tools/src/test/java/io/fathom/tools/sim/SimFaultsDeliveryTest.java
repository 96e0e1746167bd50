package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.fathom.tools.sim.SimFaultClient.Decoded;
import static io.fathom.tools.sim.SimTestSupport.await;
import static io.fathom.tools.sim.SimTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the depth path, checked against a replay of the book: withheld and corrupted diffs go missing
 * for the client, and every diff that does arrive is exactly the one the seed defines.
 */
class SimFaultsDeliveryTest
{
    private static final long SEED = 5;
    private static final long STALL_MS = 600;
    /** Far more frames than six corrupted ones can take to arrive at 2,000 diffs a second. */
    private static final int MAX_FRAMES_READ = 20_000;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    @Test
    void stallSendsNoFrameForItsWindowThenResumesPastAGap() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(1).ratePerSecond(2_000).seed(SEED));
        final SimFaultClient client = connect(simulator, "/stream?streams=sym0@depth@100ms");
        final List<Decoded> frames = new ArrayList<>(client.nextDecoded(20));

        simulator.faults().stall(Duration.ofMillis(STALL_MS));
        final long stallEndNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STALL_MS);
        int afterStall = 0;
        while (afterStall < 20)
        {
            final Decoded frame = client.nextDecoded(1).get(0);
            frames.add(frame);
            afterStall += frame.arrivalNs - stallEndNs > 0 ? 1 : 0;
        }

        final int[] missing = missingDiffs(new SimDiffReplay(0, SEED), frames);
        int gapAt = -1;
        for (int i = 1; i < frames.size(); i++)
        {
            if (missing[i] > 0)
            {
                assertThat(gapAt).as("a second gap at frame " + i).isEqualTo(-1);
                gapAt = i;
            }
        }
        assertThat(gapAt).as("the gap").isPositive();
        final long silenceMs =
            TimeUnit.NANOSECONDS.toMillis(frames.get(gapAt).arrivalNs - frames.get(gapAt - 1).arrivalNs);
        assertThat(silenceMs).as("silence across the gap").isGreaterThanOrEqualTo(STALL_MS / 2);
        assertThat(missing[gapAt]).as("diffs generated during the stall").isGreaterThan(100);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(missing[gapAt]);
        assertThat(simulator.connectionsOpen()).isEqualTo(1);
    }

    @Test
    void skipSequenceWithholdsExactlyTheNextSubscribedDiffs() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(4).ratePerSecond(4_000).seed(SEED));
        final SimFaultClient client = connect(simulator, "/ws/sym2@depth@100ms");
        final List<Decoded> frames = new ArrayList<>(client.nextDecoded(10));

        simulator.faults().skipSequence(3);
        frames.addAll(client.nextDecoded(100));

        final int[] missing = missingDiffs(new SimDiffReplay(2, SEED), frames);
        final List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < frames.size(); i++)
        {
            if (missing[i] > 0)
            {
                gaps.add(missing[i]);
                assertThat(frames.get(i).firstUpdateId).isGreaterThan(frames.get(i - 1).lastUpdateId + 1);
            }
        }
        assertThat(gaps).containsExactly(3);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(3);
    }

    @Test
    void malformedFramesFailToDecodeAndEachReplacesOneDiff() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(1).ratePerSecond(2_000).seed(SEED));
        final SimFaultClient combined = connect(simulator, "/stream?streams=sym0@depth@100ms");
        final SimFaultClient raw = connect(simulator, "/ws/sym0@depth@100ms");
        final List<Decoded> combinedFrames = new ArrayList<>(combined.nextDecoded(5));
        final List<Decoded> rawFrames = new ArrayList<>(raw.nextDecoded(5));

        simulator.faults().malformedFrames(6);
        // a client may lag the simulator by many frames on a loaded host: read until the six arrived, wherever they went
        for (int read = 0; errorCount(combinedFrames) + errorCount(rawFrames) < 6 && read < MAX_FRAMES_READ; read++)
        {
            combinedFrames.addAll(combined.nextDecoded(1));
            rawFrames.addAll(raw.nextDecoded(1));
        }
        // and past the last of them, so that each corrupted frame shows as a diff missing before a decoded one
        combinedFrames.addAll(combined.nextDecoded(5));
        rawFrames.addAll(raw.nextDecoded(5));

        final List<DecodeResult> errors = new ArrayList<>();
        for (final List<Decoded> frames : List.of(combinedFrames, rawFrames))
        {
            final List<Decoded> decoded = new ArrayList<>();
            int clientErrors = 0;
            for (final Decoded frame : frames)
            {
                if (frame.result == DecodeResult.DEPTH)
                {
                    decoded.add(frame);
                }
                else
                {
                    errors.add(frame.result);
                    clientErrors++;
                }
            }
            final int[] missing = missingDiffs(new SimDiffReplay(0, SEED), decoded);
            assertThat(sum(missing)).as("diffs missed, one per corrupted frame").isEqualTo(clientErrors);
        }
        assertThat(errors).hasSize(6).containsOnly(DecodeResult.MALFORMED_JSON, DecodeResult.INVALID_NUMBER)
            .contains(DecodeResult.MALFORMED_JSON, DecodeResult.INVALID_NUMBER);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(6);
    }

    @Test
    void clearEndsEveryFaultAtOnce() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(1).ratePerSecond(2_000).seed(SEED));
        final SimFaults faults = simulator.faults();
        final SimFaultClient client = connect(simulator, "/stream?streams=sym0@depth@100ms");
        client.nextDecoded(5);

        faults.stopAnsweringPings(Duration.ofMinutes(10));
        client.sendPing();
        await("the pong to be withheld", () -> faults.faultsInjected() == 1);
        faults.stall(Duration.ofMinutes(10));
        faults.skipSequence(1_000_000);
        faults.malformedFrames(1_000_000);
        faults.slowRest(Duration.ofMinutes(10));
        faults.rest429(1_000_000, 1);
        await("diffs to be stalled", () -> faults.faultsInjected() > 10);

        final long clearedNs = System.nanoTime();
        faults.clear();
        final List<Decoded> frames = new ArrayList<>();
        while (frames.size() < 50)
        {
            final Decoded frame = client.nextDecoded(1).get(0);
            if (frame.arrivalNs - clearedNs > 0)
            {
                frames.add(frame);
            }
        }
        assertThat(frames).allSatisfy((frame) -> assertThat(frame.result).isEqualTo(DecodeResult.DEPTH));
        assertThat(sum(missingDiffs(new SimDiffReplay(0, SEED), frames))).as("a contiguous chain").isZero();

        final long injected = faults.faultsInjected();
        client.sendPing();
        await("a pong", () -> client.pongs.get() == 1);
        assertThat(get(HttpClient.newHttpClient(), simulator.restUrl() + "/api/v3/depth?symbol=SYM0").statusCode())
            .isEqualTo(200);
        assertThat(faults.faultsInjected()).as("nothing injected after clear").isEqualTo(injected);
    }

    private Simulator start(final SimulatorConfig config)
    {
        final Simulator simulator = Simulator.start(config);
        resources.add(simulator);
        return simulator;
    }

    private SimFaultClient connect(final Simulator simulator, final String path) throws InterruptedException
    {
        final SimFaultClient client = SimFaultClient.connect(simulator.wsUrl() + path);
        resources.add(client::closeBlocking);
        return client;
    }

    /**
     * @return per frame, how many of the book's diffs lie between it and the frame before (0 for the first).
     */
    private static int[] missingDiffs(final SimDiffReplay replay, final List<Decoded> frames)
    {
        final int[] missing = new int[frames.size()];
        int previous = -1;
        for (int i = 0; i < frames.size(); i++)
        {
            final Decoded frame = frames.get(i);
            assertThat(frame.result).as("frame " + i).isEqualTo(DecodeResult.DEPTH);
            final int index = replay.indexOf(frame.firstUpdateId, frame.lastUpdateId);
            missing[i] = previous < 0 ? 0 : index - previous - 1;
            assertThat(missing[i]).as("frame " + i + " after its predecessor").isNotNegative();
            previous = index;
        }
        return missing;
    }

    private static long errorCount(final List<Decoded> frames)
    {
        return frames.stream().filter(frame -> frame.result != DecodeResult.DEPTH).count();
    }

    private static int sum(final int[] values)
    {
        int sum = 0;
        for (final int value : values)
        {
            sum += value;
        }
        return sum;
    }
}
