package io.fathom.bench;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import io.fathom.codec.okx.OkxBooksDecoder;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A venue book checksum over a real book, as the sync rule computes it after every message that carries one:
 * Kraken's CRC-32 over the top 10 levels a side, OKX's and Bitget's over the top 25, rebuilt from mantissas
 * and received decimals. The books are the snapshots of the recordings (10 Kraken pairs, 3 OKX instruments,
 * 8 Bitget symbols), cycled; OKX and Bitget are checked against the checksum their snapshot carries. Run
 * with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED" })
public class ChecksumBenchmark
{
    @Param({ "kraken", "okx", "bitget" })
    public String venue;

    private ArrayChecksumBook[] books;
    private boolean kraken;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final DepthMessage message = new DepthMessage(10_000);
        final List<ArrayChecksumBook> loaded = new ArrayList<>();
        kraken = "kraken".equals(venue);
        final String file;
        final DecodeCases.FathomDecoder decoder;
        switch (venue)
        {
            case "kraken":
                file = "kraken_v1_book1000_10pairs.ws.txt";
                decoder = new KrakenV1BookDecoder(8, 8)::decode;
                break;
            case "okx":
                file = "okx_v5_books_3inst.ws.txt";
                decoder = new OkxBooksDecoder(8, 8)::decode;
                break;
            case "bitget":
                file = "bitget_spot_v1_books_8inst.ws.txt";
                decoder = new BitgetBooksDecoder(8, 8)::decode;
                break;
            default:
                throw new IllegalArgumentException(venue);
        }
        for (final byte[] frame : RealFrames.loadAll(file))
        {
            if (decoder.decode(new UnsafeBuffer(frame), 0, frame.length, message) == DecodeResult.DEPTH &&
                message.kind() == DepthMessage.KIND_SNAPSHOT)
            {
                final ArrayChecksumBook book = new ArrayChecksumBook(message);
                if (!kraken && message.hasChecksum() && OkxChecksum.compute(book) != message.checksum())
                {
                    throw new IllegalStateException(venue + " snapshot checksum does not verify");
                }
                loaded.add(book);
            }
        }
        books = loaded.toArray(new ArrayChecksumBook[0]);
        System.out.printf("%n%s: %d books%n", venue, books.length);
    }

    /** One checksum of one book. */
    @Benchmark
    public long checksum()
    {
        final int i = next;
        next = i + 1 == books.length ? 0 : i + 1;
        return kraken ? KrakenChecksum.compute(books[i]) : OkxChecksum.compute(books[i]);
    }
}
