package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.fuzz.FuzzTarget.Decoding;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for any bytes given to a decoder: it returns a {@link DecodeResult} and never throws; an
 * error has an offset inside the frame and leaves the message reset; a depth message holds only what a
 * valid frame can produce. And the outcome depends on the frame alone: not on the bytes around it in the
 * buffer, nor on what the decoder decoded before.
 */
final class DecodeOracle
{
    /** One decode's result, error offset and message, comparable between decodes. */
    record Outcome(DecodeResult result, int errorOffset, String messages)
    {
    }

    private DecodeOracle()
    {
    }

    /**
     * Decodes the frame twice, with the reused decoder and with a new one, at different offsets among
     * different bytes, checks each outcome, and asserts both are the same.
     */
    static Outcome check(final FuzzTarget target, final Decoding reused, final byte[] frame)
    {
        final Outcome first = decode(target, reused, frame, 3, (byte)'"');
        final Outcome second = decode(target, target.newDecoding(), frame, 17, (byte)'[');
        assertThat(second).as("same outcome from a new decoder and other surrounding bytes, frame %s",
            Mutation.printable(frame)).isEqualTo(first);
        return first;
    }

    /** Decodes {@code frame} placed at {@code offset} in a buffer otherwise filled with {@code filler}. */
    static Outcome decode(
        final FuzzTarget target, final Decoding decoding, final byte[] frame, final int offset, final byte filler)
    {
        final byte[] bytes = new byte[offset + frame.length + 16];
        Arrays.fill(bytes, filler);
        System.arraycopy(frame, 0, bytes, offset, frame.length);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final DepthMessage message = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);

        final DecodeResult result = call(() -> decoding.decode(buffer, offset, frame.length, message), frame);
        final int errorOffset = decoding.errorOffset();
        checkOne(target, result, errorOffset, message, frame);
        final StringBuilder messages = new StringBuilder();
        describe(message, messages);
        if (DecodeResult.DEPTH == result)
        {
            for (int i = 1; i <= decoding.moreEvents(); i++)
            {
                final int index = i;
                final DecodeResult event = call(() -> decoding.decodeEvent(index, message), frame);
                checkOne(target, event, decoding.errorOffset(), message, frame);
                messages.append(" | event ").append(i).append(' ').append(event).append(' ');
                describe(message, messages);
            }
        }
        return new Outcome(result, errorOffset, messages.toString());
    }

    private interface Call
    {
        DecodeResult decode();
    }

    private static DecodeResult call(final Call call, final byte[] frame)
    {
        try
        {
            return call.decode();
        }
        catch (final Throwable ex)
        {
            throw new AssertionError("decoder threw on frame " + Mutation.printable(frame), ex);
        }
    }

    private static void checkOne(
        final FuzzTarget target, final DecodeResult result, final int errorOffset, final DepthMessage message,
        final byte[] frame)
    {
        final String where = Mutation.printable(frame);
        assertThat(result).as("result of %s", where).isNotNull();
        if (result.isError())
        {
            assertThat(errorOffset).as("%s offset in a %d-byte frame %s", result, frame.length, where)
                .isBetween(0, frame.length);
            assertReset(message, where);
            return;
        }
        assertThat(errorOffset).as("no error offset after %s for %s", result, where).isEqualTo(-1);
        if (DecodeResult.IGNORED == result)
        {
            assertReset(message, where);
            return;
        }
        assertThat(message.kind()).as(where).isIn(DepthMessage.KIND_DELTA, DepthMessage.KIND_SNAPSHOT);
        assertThat(message.priceScale()).as(where).isEqualTo(FuzzTarget.SCALE);
        assertThat(message.quantityScale()).as(where).isEqualTo(FuzzTarget.SCALE);
        assertThat(message.levelCount()).as(where).isBetween(0, message.levelCapacity());
        for (int i = 0; i < message.levelCount(); i++)
        {
            assertThat(message.side(i)).as(where).isIn(DepthMessage.BID, DepthMessage.ASK);
            assertThat(message.price(i)).as("price %d of %s", i, where).isPositive();
            assertThat(message.quantity(i)).as("quantity %d of %s", i, where).isNotNegative();
            assertThat(message.priceDecimals(i)).as(where).isBetween(0, DepthMessage.MAX_DECIMALS);
            assertThat(message.quantityDecimals(i)).as(where).isBetween(0, DepthMessage.MAX_DECIMALS);
        }
        if (null == target.template().symbol())
        {
            assertThat(message.symbolLength()).as(where).isZero();
            return;
        }
        assertThat(message.symbolLength()).as("symbol of %s", where).isBetween(1, DepthMessage.MAX_SYMBOL_LENGTH);
        for (int i = 0; i < message.symbolLength(); i++)
        {
            assertThat((int)message.symbolBytes()[i]).as("symbol byte %d of %s", i, where).isBetween(0x20, 0x7F);
        }
    }

    private static void assertReset(final DepthMessage message, final String where)
    {
        assertThat(message.levelCount()).as("levels left after a frame that is not depth: %s", where).isZero();
        assertThat(message.symbolLength()).as(where).isZero();
        assertThat(message.lastUpdateId()).as(where).isEqualTo(DepthMessage.NO_ID);
        assertThat(message.hasChecksum()).as(where).isFalse();
    }

    private static void describe(final DepthMessage message, final StringBuilder out)
    {
        out.append("kind=").append(message.kind())
            .append(" symbol=").append(message.symbolAsString())
            .append(" time=").append(message.eventTimeMs())
            .append(" ids=").append(message.firstUpdateId()).append('/').append(message.lastUpdateId())
            .append('/').append(message.previousUpdateId())
            .append(" sequence=").append(message.sequence())
            .append(" checksum=").append(message.hasChecksum() ? Long.toString(message.checksum()) : "-")
            .append(" levels=");
        for (int i = 0; i < message.levelCount(); i++)
        {
            out.append(message.side(i)).append(':').append(message.price(i)).append('x').append(message.quantity(i))
                .append('/').append(message.priceDecimals(i)).append('.').append(message.quantityDecimals(i)).append(' ');
        }
    }
}
