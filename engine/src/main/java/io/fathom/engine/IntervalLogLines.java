package io.fathom.engine;

import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes the interval lines of an HdrHistogram log ({@code Tag=T,start,length,max,histogram}) as
 * {@code HistogramLogWriter} writes them, byte for byte, but into buffers it keeps. The library's writer makes
 * a {@code Deflater}, a copy of the compressed bytes, a Base64 string and a {@code Formatter} for every line:
 * at two lines a second that was a third of everything the engine allocated at 50,000 messages a second.
 * Not thread-safe.
 */
final class IntervalLogLines
{
    /** The library's cookie for a compressed V2 encoding (its {@code compressedEncodingCookieBase | 0x10}). */
    private static final int COMPRESSED_ENCODING_COOKIE = 0x1c849314;
    private static final int COMPRESSED_HEADER_BYTES = 8;
    private static final byte[] BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

    private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    private final ExpandableArrayBuffer line = new ExpandableArrayBuffer(512);
    private ByteBuffer uncompressed = ByteBuffer.allocate(0);
    private byte[] compressed = new byte[0];

    /**
     * Appends one line for {@code histogram}: its tag, its start and length in seconds from {@code baseTimeMs},
     * its maximum in milliseconds, and its compressed encoding in Base64.
     */
    void write(final Histogram histogram, final byte[] tag, final long baseTimeMs, final OutputStream out) throws IOException
    {
        final int compressedLength = compress(histogram);
        int length = line.putStringWithoutLengthAscii(0, "Tag=");
        line.putBytes(length, tag);
        length += tag.length;
        line.putByte(length++, (byte)',');
        length += putThousandths(length, histogram.getStartTimeStamp() - baseTimeMs);
        line.putByte(length++, (byte)',');
        length += putThousandths(length, histogram.getEndTimeStamp() - histogram.getStartTimeStamp());
        line.putByte(length++, (byte)',');
        length += putThousandths(length, (histogram.getMaxValue() + 500) / 1000);
        line.putByte(length++, (byte)',');
        line.checkLimit(length + 4 * ((compressedLength + 2) / 3) + 1);
        length = appendBase64(compressed, compressedLength, line.byteArray(), length);
        line.putByte(length++, (byte)'\n');
        out.write(line.byteArray(), 0, length);
    }

    /** Frees the compressor's native memory. */
    void close()
    {
        deflater.end();
    }

    private int compress(final Histogram histogram)
    {
        final int needed = histogram.getNeededByteBufferCapacity();
        if (uncompressed.capacity() < needed)
        {
            uncompressed = ByteBuffer.allocate(needed).order(ByteOrder.BIG_ENDIAN);
            compressed = new byte[needed + COMPRESSED_HEADER_BYTES];
        }
        uncompressed.clear();
        final int uncompressedLength = histogram.encodeIntoByteBuffer(uncompressed);
        deflater.reset();
        deflater.setInput(uncompressed.array(), 0, uncompressedLength);
        deflater.finish();
        int deflated = 0;
        while (!deflater.finished())
        {
            if (COMPRESSED_HEADER_BYTES + deflated == compressed.length)
            {
                compressed = Arrays.copyOf(compressed, 2 * compressed.length);
            }
            deflated += deflater.deflate(compressed, COMPRESSED_HEADER_BYTES + deflated, compressed.length - COMPRESSED_HEADER_BYTES - deflated);
        }
        putInt(compressed, 0, COMPRESSED_ENCODING_COOKIE);
        putInt(compressed, 4, deflated);
        return COMPRESSED_HEADER_BYTES + deflated;
    }

    /** A count of thousandths as {@code %.3f} prints that count divided by 1,000; returns the bytes written. */
    private int putThousandths(final int index, final long thousandths)
    {
        int i = index;
        if (thousandths < 0)
        {
            line.putByte(i++, (byte)'-');
        }
        final long value = Math.abs(thousandths);
        i += line.putLongAscii(i, value / 1000);
        line.putByte(i++, (byte)'.');
        line.putNaturalPaddedIntAscii(i, 3, (int)(value % 1000));
        return i + 3 - index;
    }

    /**
     * Base64 of {@code count} bytes into {@code to} from {@code at}, which has the room; returns the index after.
     * By hand because the JDK's encoder writes into a given array only from a source of exactly the bytes to encode,
     * and the compressed length changes every line.
     */
    private static int appendBase64(final byte[] bytes, final int count, final byte[] to, final int at)
    {
        int length = at;
        int i = 0;
        for (; i + 3 <= count; i += 3)
        {
            final int group = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] & 0xFF;
            to[length++] = BASE64[group >>> 18];
            to[length++] = BASE64[group >>> 12 & 0x3F];
            to[length++] = BASE64[group >>> 6 & 0x3F];
            to[length++] = BASE64[group & 0x3F];
        }
        final int left = count - i;
        if (left > 0)
        {
            final int group = (bytes[i] & 0xFF) << 16 | (left == 2 ? (bytes[i + 1] & 0xFF) << 8 : 0);
            to[length++] = BASE64[group >>> 18];
            to[length++] = BASE64[group >>> 12 & 0x3F];
            to[length++] = left == 2 ? BASE64[group >>> 6 & 0x3F] : (byte)'=';
            to[length++] = '=';
        }
        return length;
    }

    private static void putInt(final byte[] bytes, final int index, final int value)
    {
        bytes[index] = (byte)(value >>> 24);
        bytes[index + 1] = (byte)(value >>> 16);
        bytes[index + 2] = (byte)(value >>> 8);
        bytes[index + 3] = (byte)value;
    }
}
