package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.fuzz.FuzzTarget.Decoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decoder against mutated real frames (and real books re-encoded for the venues without a
 * recording) and against arbitrary bytes: whatever arrives, the decoder returns a result and never throws,
 * reports an error at an offset inside the frame, and its outcome depends on the frame alone
 * ({@link DecodeOracle}). A decoder is reused across tries, as a feed thread reuses it.
 */
class DecoderFuzzTest
{
    private static final int TRIES = 2_000;

    private final Map<FuzzTarget, Decoding> decoders = new EnumMap<>(FuzzTarget.class);

    @Property(tries = TRIES)
    void binanceStreamFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.BINANCE_STREAM, seed, mutations);
    }

    @Property(tries = TRIES)
    void binanceSnapshotsSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.BINANCE_SNAPSHOT, seed, mutations);
    }

    @Property(tries = TRIES)
    void krakenFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.KRAKEN, seed, mutations);
    }

    @Property(tries = TRIES)
    void krakenV1FramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.KRAKEN_V1, seed, mutations);
    }

    @Property(tries = TRIES)
    void okxFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.OKX, seed, mutations);
    }

    @Property(tries = TRIES)
    void bitgetFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.BITGET, seed, mutations);
    }

    @Property(tries = TRIES)
    void coinbaseFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.COINBASE, seed, mutations);
    }

    @Property(tries = TRIES)
    void hyperliquidFramesSurviveMutation(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int seed, @ForAll("mutations") final List<Mutation> mutations)
    {
        fuzz(FuzzTarget.HYPERLIQUID, seed, mutations);
    }

    @Property(tries = TRIES)
    void arbitraryBytesNeverBreakAnyDecoder(
        @ForAll final FuzzTarget target, @ForAll("noise") final byte[] frame)
    {
        DecodeOracle.check(target, decoder(target), frame);
    }

    @Property(tries = TRIES)
    void templatesSurviveMutationInEveryDecoder(
        @ForAll final FuzzTarget target, @ForAll("mutations") final List<Mutation> mutations)
    {
        final byte[] template = target.template().frame().getBytes(UTF_8);
        DecodeOracle.check(target, decoder(target), Mutation.applyAll(template, mutations));
    }

    @Property(tries = 50)
    void everyUnmutatedFrameOfTheCorpusDecodesWithoutError(@ForAll final FuzzTarget target)
    {
        final Decoding decoding = decoder(target);
        int depth = 0;
        for (final byte[] frame : FuzzCorpus.frames(target))
        {
            final DecodeResult result = DecodeOracle.check(target, decoding, frame).result();
            assertThat(result.isError()).as("%s on %s", result, Mutation.printable(frame)).isFalse();
            depth += DecodeResult.DEPTH == result ? 1 : 0;
        }
        assertThat(depth).as("depth messages in the %s corpus", target).isGreaterThan(0);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations()
    {
        return Mutation.sequences();
    }

    /** Short byte strings biased towards JSON's delimiters, so noise sometimes gets past the first byte. */
    @Provide
    Arbitrary<byte[]> noise()
    {
        final Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.bytes()),
            Tuple.of(5, Arbitraries.of((byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)':',
                (byte)',', (byte)'1', (byte)'.', (byte)'-', (byte)'e', (byte)' ', (byte)'a')));
        return bytes.array(byte[].class).ofMaxSize(200);
    }

    private void fuzz(final FuzzTarget target, final int seed, final List<Mutation> mutations)
    {
        final List<byte[]> corpus = FuzzCorpus.frames(target);
        final byte[] frame = corpus.get(seed % corpus.size());
        final DecodeResult result = DecodeOracle.check(target, decoder(target), Mutation.applyAll(frame, mutations)).result();
        Statistics.collect(result);
    }

    private Decoding decoder(final FuzzTarget target)
    {
        return decoders.computeIfAbsent(target, FuzzTarget::newDecoding);
    }
}
