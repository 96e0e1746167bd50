package io.fathom.codec.checksum;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData.Frame;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays recorded frames through a venue decoder into {@link ReferenceBook}s, one per symbol, and checks
 * every message's checksum, the way the engine's sync rule will. A frame may be replaced by an altered copy
 * (a negative control): the altered frame feeds the book under test while the original feeds a "truth"
 * book, and a mismatch resyncs the tested book to the truth, as a venue resync would.
 */
public final class ChecksumReplay
{
    /** A venue decoder, as a function. */
    @FunctionalInterface
    public interface FrameDecoder
    {
        DecodeResult decode(DirectBuffer buffer, int offset, int length, DepthMessage out);
    }

    private final FrameDecoder decoder;
    private final ToLongFunction<ChecksumBook> checksum;
    private final java.util.function.IntSupplier depth;
    private final DepthMessage message = new DepthMessage(4096);
    private final Map<String, ReferenceBook> books = new HashMap<>();
    private final Map<String, ReferenceBook> truth = new HashMap<>();

    /**
     * @param depth the depth to truncate books to after each message (Kraken), read after each decode.
     */
    public ChecksumReplay(
        final FrameDecoder decoder,
        final ToLongFunction<ChecksumBook> checksum,
        final java.util.function.IntSupplier depth)
    {
        this.decoder = decoder;
        this.checksum = checksum;
        this.depth = depth;
    }

    public ReplayResult run(final List<Frame> frames)
    {
        return run(frames, Map.of());
    }

    /**
     * @param replacements altered payloads by recording line number.
     */
    public ReplayResult run(final List<Frame> frames, final Map<Long, byte[]> replacements)
    {
        final ReplayResult result = new ReplayResult();
        for (final Frame frame : frames)
        {
            final byte[] altered = replacements.get(frame.lineNumber());
            if (null != altered)
            {
                assertThat(decode(frame.payload())).isEqualTo(DecodeResult.DEPTH);
                apply(truth);
            }
            final DecodeResult decoded = decode(null != altered ? altered : frame.payload());
            if (decoded.isError())
            {
                result.errors++;
                continue;
            }
            if (DecodeResult.IGNORED == decoded)
            {
                result.ignored++;
                continue;
            }
            if (message.kind() == DepthMessage.KIND_SNAPSHOT)
            {
                result.snapshots++;
            }
            else
            {
                result.deltas++;
            }
            final ReferenceBook book = apply(books);
            if (null == altered)
            {
                apply(truth);
            }
            if (message.hasChecksum())
            {
                result.checksummed++;
                if (checksum.applyAsLong(book) == message.checksum())
                {
                    result.checksumOk++;
                }
                else
                {
                    result.mismatchLines.add(frame.lineNumber());
                    book.copyFrom(truth.get(message.symbolAsString()));
                }
            }
        }
        return result;
    }

    /** The book of a symbol after the last replay. */
    public ReferenceBook book(final String symbol)
    {
        return books.get(symbol);
    }

    public DepthMessage lastMessage()
    {
        return message;
    }

    private DecodeResult decode(final byte[] payload)
    {
        return decoder.decode(new UnsafeBuffer(payload), 0, payload.length, message);
    }

    private ReferenceBook apply(final Map<String, ReferenceBook> target)
    {
        final ReferenceBook book = target.computeIfAbsent(message.symbolAsString(), s -> new ReferenceBook());
        book.apply(message);
        final int limit = depth.getAsInt();
        if (limit > 0)
        {
            book.truncate(limit);
        }
        return book;
    }
}
